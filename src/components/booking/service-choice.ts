/**
 * Which service the widget books when the page did not name one: the list of services (every
 * page, narrowed and ordered by `service-ids`), the visitor's pick, and the way back to the list.
 * One service left means no list. The host renders `view()` while `listing`, and `backView()` above.
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ClientOptions } from '../../api/http.js';
import { asError, isUnavailable, type ReserveKitError } from '../../api/errors.js';
import type { Service, TimeSlot } from '../../api/schemas.js';
import { listAllServices, listServiceTimeSlots } from '../../api/widget-calls.js';
import { serviceDuration } from '../../schedule/duration.js';
import { emit } from '../shared/events.js';
import type { FocusController } from '../shared/focus-controller.js';
import type { LocaleInfo } from '../shared/locale-controller.js';
import { warnOnce } from '../shared/warn.js';
import { alertView, loadingView } from './views/alert.js';
import { serviceListView } from './views/services.js';

/** Durations need each service's slots: asked for short lists only, where they also make a pick instant. */
const DURATION_LOOKUPS = 12;

export interface ServiceChoiceOptions {
  /** The host's `service-id` and `service-ids` attributes. */
  serviceId(): string;
  serviceIds(): string;
  client(): ClientOptions;
  /** What `client()` is made of (api-base, key, fetch): a change asks again. */
  clientKey(): readonly unknown[];
  /** The answer's headers: the list may be the first to name the server (our proxy). */
  onHeaders(h: Headers): void;
  /** Error text for the visitor, and the report to the page and the console. */
  message(e: ReserveKitError): string;
  onError(e: ReserveKitError): void;
  /** The pick changed (a service chosen, or back to the list). */
  onChange(): void;
}

/** `service-ids="3, 1"` -> ['3', '1']: ids in the page's order, each once. */
const idList = (attr: string) => [...new Set(attr.split(',').map((s) => s.trim()).filter(Boolean))];

export class ServiceChoice {
  /** The id picked from the list, '' when none. */
  #picked = '';
  #host: ReactiveControllerHost & HTMLElement;
  #focus: FocusController;
  #o: ServiceChoiceOptions;
  /** Slot lists fetched for durations, reused when that service is picked. */
  #slots = new Map<string, Promise<TimeSlot[]>>();

  #list: Task<readonly unknown[], Service[] | null>;
  #durations: Task<readonly [Service[] | null | undefined], Map<number, number | undefined>>;

  constructor(host: ReactiveControllerHost & HTMLElement, focus: FocusController, options: ServiceChoiceOptions) {
    this.#host = host;
    this.#focus = focus;
    this.#o = options;
    this.#list = new Task(host, {
      task: async ([id, ids], { signal }) => {
        // Nothing to choose: the page named one service.
        if (id || idList(ids as string).length === 1) return null;
        this.#slots.clear();
        const all = await listAllServices(options.client(), { signal, onHeaders: options.onHeaders });
        const wanted = idList(ids as string);
        if (!wanted.length) return all;
        const byId = new Map(all.map((s) => [String(s.id), s]));
        const missing = wanted.filter((w) => !byId.has(w));
        if (missing.length) warnOnce(`service-ids lists ${missing.join(', ')}, which the API does not have (or the proxy does not allow); left out.`);
        return wanted.flatMap((w) => byId.get(w) ?? []);
      },
      args: () => [options.serviceId(), options.serviceIds(), ...options.clientKey()],
      onError: (error) => options.onError(asError(error)),
    });
    this.#durations = new Task(host, {
      task: async ([services], { signal }) => {
        const out = new Map<number, number | undefined>();
        if (!services || services.length < 2 || services.length > DURATION_LOOKUPS) return out;
        await Promise.all(
          services.map(async (s) => {
            const slots = listServiceTimeSlots(options.client(), s.id, { signal });
            this.#slots.set(String(s.id), slots);
            // A service whose slots cannot be read simply shows no duration.
            out.set(s.id, await slots.then(serviceDuration, () => undefined));
          }),
        );
        return out;
      },
      args: () => [this.#list.value] as const,
    });
  }

  /** The service to book: the page's `service-id`, the one id of `service-ids`, the visitor's pick, or the only one listed. */
  get id(): string {
    const o = this.#o;
    const only = idList(o.serviceIds());
    const listed = this.#list.value;
    return o.serviceId() || (only.length === 1 ? only[0] : '') || this.#picked || (listed?.length === 1 ? String(listed[0].id) : '');
  }

  /** The list is what the visitor should see now. */
  get listing(): boolean {
    return !this.id;
  }

  /** Slots already fetched for the list, for the picked service. */
  slotsFor(id: string): Promise<TimeSlot[]> | undefined {
    return this.#slots.get(id);
  }

  retry() {
    void this.#list.run();
  }

  /** The page named a service: it overrides the visitor's pick, so clearing `service-id` again returns to the list. */
  serviceIdChanged() {
    if (this.#o.serviceId()) this.#picked = '';
  }

  view(locale: LocaleInfo) {
    const { t } = locale;
    return this.#list.render({
      pending: () => loadingView({ ...t, loading: t.loadingServices }),
      complete: (services) =>
        serviceListView({
          locale,
          services: services ?? [],
          duration: (s) => this.#durations.value?.get(s.id),
          onPick: (s) => this.#pick(s),
        }),
      error: (error) => {
        const e = asError(error);
        return alertView({ message: this.#o.message(e), onRetry: isUnavailable(e) ? undefined : () => this.retry(), retryLabel: t.retry });
      },
    });
  }

  /** "All services", when the visitor came from a list of several. */
  backView(locale: LocaleInfo) {
    return this.#picked && (this.#list.value?.length ?? 0) > 1
      ? html`<button part="button back" class="link back-services" type="button" @click=${this.#back}><span aria-hidden="true">‹ </span>${locale.t.allServices}</button>`
      : nothing;
  }

  #pick(service: Service) {
    this.#picked = String(service.id);
    emit(this.#host, 'rk-service-select', { serviceId: service.id });
    this.#o.onChange();
    this.#host.requestUpdate();
    this.#focus.after('.back-services');
  }

  #back = () => {
    const from = this.#picked;
    this.#picked = '';
    this.#o.onChange();
    this.#host.requestUpdate();
    this.#focus.after(`[data-service="${from}"]`);
  };
}
