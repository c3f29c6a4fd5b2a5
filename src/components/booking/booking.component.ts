import { html, isServer, nothing, type PropertyValues } from 'lit';
import { RkElement, intlLoaded, nextTask } from '../shared/rk-element.js';
import { Task, initialState } from '@lit/task';
import { DEFAULT_API_BASE, type ClientOptions } from '../../api/http.js';
import { PROXY_HEADER, createBooking, getService, listServiceTimeSlots, servesAvailability } from '../../api/widget-calls.js';
import { ReserveKitError, asError, isUncertain, isUnavailable } from '../../api/errors.js';
import { inlineScript, readInitialData, type InitialData } from '../../api/initial-data.js';
import { warmSchemas, type Booking, type CreateBookingInput, type Service, type TimeSlot } from '../../api/schemas.js';
import type { Occurrence } from '../../schedule/index.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { emit } from '../shared/events.js';
import { FocusController } from '../shared/focus-controller.js';
import { warmCalendar, warmIntl } from '../shared/format.js';
import { LocaleController } from '../shared/locale-controller.js';
import { PerfMarks } from '../shared/perf-marks.js';
import { warnOnce } from '../shared/warn.js';
import { checkZone, isZone } from '../shared/zones.js';
import { styles } from './booking.styles.js';
import { visitStyles } from './visit.styles.js';
import { ServiceChoice } from './service-choice.js';
import { addToCalendarView, visitEvent } from './views/add-to-calendar.js';
import { PICKING, chosenKey, occurrenceDetail, redirectTarget, type Step } from './flow.js';
import { checkForm, emptyValues, prefillFromUrl, withoutError, serverFieldErrors, type Field, type FieldMessages, type FormValues } from './form-data.js';
import { errorMessage } from './messages.js';
import { PickerController, byKey, placesLeft } from './picker.js';
import { alertView, loadingView } from './views/alert.js';
import { confirmationView } from './views/confirmation.js';
import { formView } from './views/form.js';
import { whenView } from './views/when.js';

interface Loaded {
  service: Service;
  slots: TimeSlot[];
}

const notReserveKit = (base: string) => !base.startsWith(DEFAULT_API_BASE);

/**
 * An embeddable booking widget for a ReserveKit service: month calendar, time slots in the
 * visitor's timezone, a contact form, and plain answers when something goes wrong.
 *
 * @summary Book a ReserveKit service.
 * @tag reservekit-booking
 *
 * @fires rk-service-select - The visitor chose a service from the list. `detail: { serviceId }`
 * @fires rk-ready - Service and time slots loaded. `detail: { service, slots }`
 * @fires rk-date-select - The visitor picked a day. `detail: { date }` (viewer-local `YYYY-MM-DD`)
 * @fires rk-slot-select - The visitor picked a time. `detail: OccurrenceDetail`
 * @fires rk-before-submit - Cancelable; about to post. `detail: { payload }` (the host may edit `payload.message`)
 * @fires rk-booked - The booking was created. `detail: BookedDetail` (with `manageToken` and `manageUrl` when the proxy issues manage links)
 * @fires rk-error - Something failed. `detail: { code, message, status? }`
 *
 * @csspart services - The list of services to choose from (without `service-id`).
 * @csspart service - A service button.
 * @csspart service-description - Its description.
 * @csspart service-duration - How long it lasts, when all its times last the same.
 * @csspart back - The "All services" control (with `button`).
 * @csspart description - The service description.
 *
 */
export class ReserveKitBooking extends RkElement {
  static override styles = [styles, visitStyles];

  /** `static properties` rather than decorators, whose runtime would weigh on the script bundle. */
  static override properties = {
    serviceId: { attribute: 'service-id' },
    serviceIds: { attribute: 'service-ids' },
    apiBase: { attribute: 'api-base' },
    apiKey: { attribute: 'api-key' },
    customerName: { attribute: 'customer-name' },
    customerEmail: { attribute: 'customer-email' },
    customerPhone: { attribute: 'customer-phone' },
    redirectUrl: { attribute: 'redirect-url' },
    prefillFromUrl: { attribute: 'prefill-from-url', type: Boolean },
    _step: { state: true },
    _values: { state: true },
    _fieldErrors: { state: true },
    _error: { state: true },
  };

  /** The ReserveKit service to book; without it the visitor first chooses from the list of services. */
  serviceId = '';
  /** Narrows and orders that list: `"3,1"`. One id books that service with no list. */
  serviceIds = '';
  /** API root (default `https://api.reservekit.io`), or your own proxy endpoint such as `/api/booking`. */
  apiBase: string = DEFAULT_API_BASE;
  /** Public or domain-restricted key; never a secret `sk_rsv_` key on a public page. */
  apiKey = '';
  /** Prefills the Name field (the visitor can still change it). */
  customerName = '';
  /** Prefills the Email field. */
  customerEmail = '';
  /** Prefills the Phone field (E.164 or as a visitor would type it). */
  customerPhone = '';
  /** After success, navigate the top page here (the widget's own frame when the top page is another site's); `{booking_id}` and `{date}` are filled in. */
  redirectUrl = '';
  /** Prefill name and email from `customer_name` / `customer_email` in the page URL. */
  prefillFromUrl = false;

  private _step: Step = PICKING;
  private _values: FormValues = emptyValues();
  private _fieldErrors: FieldMessages = {};
  private _error: ReserveKitError | null = null;

  #locale = new LocaleController(this, { attribute: () => this.locale, overrides: () => this.strings });
  #wait = new CountdownController(this);
  #focus = new FocusController(this);
  #services = new ServiceChoice(this, this.#focus, {
    serviceId: () => this.serviceId,
    serviceIds: () => this.serviceIds,
    client: () => this.#options(),
    clientKey: () => [this.apiBase, this.apiKey, this.fetch],
    onHeaders: (h) => this.#onHeaders(h),
    message: (e) => this.#message(e),
    onError: (e) => this.#reportLoadError(e),
    onChange: () => this.#resetFlow(),
  });
  #perf = new PerfMarks(this, () => !!this.#load.value);
  #dayTime = new PickerController(this, this.#focus, {
    timezone: () => this.timezone,
    now: () => this.now(),
    minNotice: () => this.minNotice,
    daysAhead: () => this.daysAhead,
    availability: () => this.#availability.value,
    onDate: (date) => this.#pickDate(date),
    onInteraction: (name) => this.#perf.interaction(name),
  });
  /** When the booking on the confirmation was made: its calendar file's DTSTAMP. */
  #bookedAt = 0;
  /** A POST is on its way: a second one must not start (double clicks, a Retry meanwhile). */
  #sending = false;
  /** The occurrence whose last POST ended without a readable answer: it may have been booked. */
  #uncertain = '';

  /**
   * What the answer to the service request said about api-base: our proxy names itself in a
   * header (and whether it serves availability); the plain API and other proxies do not.
   */
  #server = { proxy: false, availability: false };

  /** The occurrence being booked, derived in willUpdate. */
  #chosen?: Occurrence;
  /** Settles once the page's Intl data is loaded (see connectedCallback); nothing formats a date before. */
  #intl?: Promise<void>;
  #intlReady = false;
  /** The page's inline data (a child `<script type="application/json">`), read once: null when absent or refused. */
  #initial?: Promise<InitialData | null>;

  /** Service and slots in parallel, with the translation: one round trip to an interactive calendar. */
  #load = new Task(this, {
    task: async ([id], { signal }): Promise<Loaded | typeof initialState> => {
      // No service yet: the visitor is choosing one from the list.
      if (!id) return initialState;
      const inline = await this.#inlineData(id);
      const options = this.#options();
      if (inline) {
        // Inline data brings no header to read: counts inline come from our proxy, and any api-base but ReserveKit's is taken for one.
        const proxy = !!inline.availability || notReserveKit(options.apiBase!);
        this.#server = { proxy, availability: proxy };
      }
      // Slots fetched for the service list's durations serve the calendar too.
      const slotList = () => this.#services.slotsFor(id)?.catch(() => listServiceTimeSlots(options, id, { signal })) ?? listServiceTimeSlots(options, id, { signal });
      const [service, slots] = inline ? [inline.service, inline.slots] : await Promise.all([getService(options, id, { signal, onHeaders: this.#onHeaders }), slotList()]);
      await Promise.all([this.#locale.ready, this.#intl]);
      if (!isZone(service.timezone)) throw new ReserveKitError('bad_response', `Unknown service timezone "${service.timezone}"`);
      // The render that shows the data gets a task of its own, apart from the one that parsed it or
      // warmed Intl, and after the schedule and the month it opens on are worked out, a week per
      // task (a heavy schedule's month is over a thousand times).
      // A run overtaken by another (a new service-id) stops here: its schedule is no longer wanted.
      const next = () => nextTask().then(() => signal.throwIfAborted());
      await next();
      await this.#dayTime.warm({ slots, serviceZone: service.timezone }, next);
      return { service, slots };
    },
    args: () => [this.#services.id, this.apiBase, this.apiKey, this.fetch] as const,
    onComplete: ({ service, slots }) => {
      this.#perf.data();
      emit(this, 'rk-ready', { service, slots });
    },
    onError: (error) => this.#reportLoadError(error),
  });

  /**
   * Places left per occurrence, from our proxy. The plain ReserveKit API has no such endpoint,
   * so this asks only once the service's answer said it came from a proxy that serves it (a
   * request to the plain API would only put a 404 in the console); its failure is silent.
   */
  #availability = new Task(this, {
    task: async ([id, , , , , daysAhead, now, loaded], { signal }): Promise<Map<string, number>> => {
      const inline = id && (await this.#inlineData(id))?.availability;
      if (inline) return byKey(inline);
      // Until the new service's own answer is in, its proxy header is not known yet: ask once, after.
      if (!id || String(loaded?.service.id) !== id || !this.#server.availability) return new Map();
      let places: Map<string, number>;
      try {
        places = await placesLeft(this.#options(), id, +now(), daysAhead, signal);
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        return new Map();
      }
      // Its render (a whole month's places left) gets a task of its own too.
      await nextTask();
      return places;
    },
    // Everything the task reads, so changing any of them asks again; the load's answer carries the proxy's header.
    args: () => [this.#services.id, this.apiBase, this.apiKey, this.fetch, this.clientOptions, this.daysAhead, this.now, this.#load.value] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    // ICU's data loads in tasks of its own while the requests are on their way, before anything
    // formats a date; the locale's facts and the formatters next; zod's schemas and the calendar
    // shell follow in tasks of their own, and the render with data after all of them.
    this.#intl ??= (async () => {
      await intlLoaded();
      await nextTask();
      void this.#locale.firstDay;
      void this.#locale.rtl;
      warmIntl(this.#locale.value, this.#dayTime.viewerZone());
      this.#intlReady = true;
      void nextTask().then(warmSchemas);
      await nextTask();
      warmCalendar(this.#locale.value);
      await nextTask();
      // Even with inline data: the shell's render builds the calendar's DOM, which the render with
      // data then only fills in (one task for both was over 100 ms on a slow phone).
      this.requestUpdate();
    })();
    if (this.prefillFromUrl) this._values = prefillFromUrl(this._values, location.search);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.#locale.serverUpdate();
    for (const [prop, field] of [
      ['customerName', 'name'],
      ['customerEmail', 'email'],
      ['customerPhone', 'phone'],
    ] as const) {
      // A prefill only replaces what the visitor has not changed.
      if (changed.has(prop) && this._values[field] === (changed.get(prop) ?? '')) this._values = { ...this._values, [field]: this[prop] };
    }
    if (changed.has('serviceId')) {
      this.#services.serviceIdChanged();
      this.#resetFlow();
    }
    if (changed.has('timezone')) {
      if (this.hasUpdated) this.#dayTime.timezoneChanged();
      checkZone(this.timezone);
    }
    if (changed.has('apiKey') && this.apiKey.startsWith('sk_rsv_') && !/^(localhost|127\.|\[::1\])/.test(globalThis.location?.hostname ?? '')) {
      warnOnce(
        'A secret sk_rsv_ key is visible to every visitor of this page. Use a publishable or domain-restricted key, or point api-base at the reservekit-booking/server proxy, which keeps the key on your server.',
      );
    }
    this.#derive();
  }

  /** Viewer zone, today, schedule and shown month (the picker's), and the chosen occurrence. */
  #derive() {
    if (!this.#intlReady) return;
    const loaded = this.#load.value;
    this.#dayTime.derive(loaded && { slots: loaded.slots, serviceZone: loaded.service.timezone });
    this.#chosen = this.#dayTime.chosen(chosenKey(this._step));
  }

  /** Back to a fresh calendar with the prefilled form: for "Book another time" and host pages. */
  reset() {
    this.#resetFlow();
    this._values = { ...emptyValues(), name: this.customerName, email: this.customerEmail, phone: this.customerPhone, country: this._values.country };
  }

  /** Forgets the visit's choices and outcomes; what the visitor typed stays. */
  #resetFlow() {
    this.#wait.stop();
    this.#uncertain = '';
    this.#dayTime.reset();
    this._step = PICKING;
    this._error = null;
    this._fieldErrors = {};
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const { t, value: locale } = this.#locale;
    // Before Intl is warm only the loading line shows: direction comes from Intl.Locale too. The line
    // sits in the same frame either way, so the node a server rendered (and hydration adopted) stays
    // the one shown, and announced once, until the data replaces it.
    const shell = () => this.#frame(loadingView(t), this.#intlReady ? this.#picker() : nothing);
    return html`<div part="base" class="rk" dir=${this.#intlReady || isServer ? (this.#locale.rtl ? 'rtl' : 'ltr') : nothing} lang=${locale}>
      ${this.#services.backView(this.#locale)}
      ${this.#services.listing ? this.#services.view(this.#locale) : this.#load.render({
        initial: shell,
        // Another service's calendar must not stand in while this one loads.
        pending: () => (String(this.#load.value?.service.id) === this.#services.id ? this.#loaded(this.#load.value!) : shell()),
        complete: (loaded) => this.#loaded(loaded),
        error: (error) => {
          const e = asError(error);
          return alertView({ message: this.#message(e), onRetry: isUnavailable(e) ? undefined : this.#reload, retryLabel: t.retry, retryBlocked: this.#wait.active });
        },
      })}
    </div>`;
  }

  #loaded({ service }: Loaded) {
    const step = this._step;
    return this.#frame(
      html`<h2 part="title">${service.name}</h2>
        ${service.description ? html`<p part="description">${service.description}</p>` : nothing}`,
      step.is === 'done'
        ? confirmationView({ locale: this.#locale, serviceName: service.name, occurrence: step.occurrence, zone: this.#dayTime.zone, serviceZone: service.timezone, foundEarlier: !step.booking, extra: this.#afterBooking(service, step.occurrence, step.booking), onAnother: this.#another })
        : this.#picker(service),
    );
  }

  /** Header and body: one template for the shell and the loaded widget, so the data fills in the shell's DOM. */
  #frame(header: unknown, body: unknown) {
    return html`<div part="header" class="header">${header}</div>
      ${body}`;
  }

  /** The calendar, times and form; without a service, the shell: this month's grid from the locale and the clock alone. */
  #picker(service?: Service) {
    const { t } = this.#locale;
    const zone = this.#dayTime.zone;
    const chosen = service && this.#chosen;
    const error = this._error;
    const alert = error && alertView({ message: this.#message(error), onRetry: isUncertain(error) && chosenKey(this._step) ? this.#submit : undefined, retryLabel: t.retry });
    return html`
      ${this.#dayTime.view({ locale: this.#locale, serviceZone: service?.timezone, selectedKey: chosenKey(this._step), onPick: this.#pickSlot })}
      ${chosen
        ? formView({
            locale: this.#locale,
            summary: whenView(chosen, zone, service!.timezone, this.#locale),
            values: this._values,
            errors: this._fieldErrors,
            alert,
            busy: this._step.is === 'sending',
            blocked: this.#wait.active,
            onInput: this.#onInput,
            onSubmit: this.#submit,
            onBack: this.#back,
          })
        : alert || nothing}
    `;
  }

  /** Add to calendar, and the manage link when the proxy gave one. */
  #afterBooking(service: Service, o: Occurrence, booking: Booking | null) {
    const manageUrl = booking?.manage_url;
    const visit = { bookingId: booking?.id ?? null, occurrenceKey: o.key, start: o.startMs, end: o.endMs, serviceName: service.name, serviceDescription: service.description, manageUrl };
    return html`${addToCalendarView({ locale: this.#locale, zone: this.#dayTime.zone, event: visitEvent(visit, this.#locale.t, this.#bookedAt) })}
      ${manageUrl ? html`<a part="manage-link" href=${manageUrl}>${this.#locale.t.manageLink}</a>` : nothing}`;
  }

  #message(e: ReserveKitError) {
    return errorMessage(e, this.#locale.t, this.#wait.seconds, this.#locale.value);
  }

  // ---- the visitor's moves ------------------------------------------------------------------

  #reload = () => {
    if (this.#wait.active) return;
    this.#load.run();
    this.#availability.run();
  };

  /** A day was chosen in the picker ('' when a zone change cleared it). */
  #pickDate = (date: string) => {
    this._step = PICKING;
    this._error = null;
    if (date) emit(this, 'rk-date-select', { date });
  };

  #pickSlot = (o: Occurrence) => {
    this._step = { is: 'form', key: o.key };
    this._error = null;
    emit(this, 'rk-slot-select', occurrenceDetail(o, this.#dayTime.zone));
    this.#focus.after('#name');
  };

  #onInput = (name: Field | 'country', value: string) => {
    this._values = { ...this._values, [name]: value };
    this._fieldErrors = withoutError(this._fieldErrors, name);
  };

  #back = () => {
    this._step = PICKING;
    this._error = null;
    this.#focus.after('.slot');
  };

  #another = () => {
    this.reset();
    this.#focus.after('[data-focus]');
  };

  // ---- booking ------------------------------------------------------------------------------

  #submit = async () => {
    const o = this.#chosen;
    if (this.#sending || this.#wait.active || !o) return;
    const { t, value: locale } = this.#locale;
    const form = checkForm(this._values, locale, t);
    this._fieldErrors = form.errors;
    if (Object.keys(form.errors).length) {
      this._error = null;
      this.#focus.after('[aria-invalid="true"]');
      return;
    }
    const payload: CreateBookingInput = { date: o.serviceDate, time_slot_id: o.slot.id, ...form.body };
    if (!emit(this, 'rk-before-submit', { payload }, true)) return;

    this.#sending = true;
    this._step = { is: 'sending', key: o.key };
    this._error = null;
    let booking: Booking | null = null;
    try {
      booking = await createBooking(this.#options(), payload, { serviceId: this.#services.id });
    } catch (error) {
      const err = asError(error);
      // After an attempt whose outcome we never learnt, "duplicate" means that attempt was booked.
      if (err.code !== 'duplicate' || this.#uncertain !== o.key) {
        this.#uncertain = isUncertain(err) ? o.key : '';
        return this.#fail(err, o);
      }
    } finally {
      this.#sending = false;
    }
    this.#succeed(o, booking, payload);
  };

  #succeed(o: Occurrence, booking: Booking | null, payload: CreateBookingInput) {
    this._step = { is: 'done', occurrence: o, booking };
    this.#bookedAt = Date.now();
    this._error = null;
    this.#uncertain = '';
    this.#focus.after('[data-focus]');
    this.#recount();
    emit(this, 'rk-booked', {
      ...occurrenceDetail(o, this.#dayTime.zone),
      booking,
      bookingId: booking?.id ?? null,
      customer: { name: payload.customer_name ?? '', email: payload.customer_email ?? '', phone: payload.customer_phone ?? '' },
      message: payload.message ?? '',
      manageToken: booking?.manage_token ?? null,
      manageUrl: booking?.manage_url ?? null,
    });
    const target = this.redirectUrl && redirectTarget(this.redirectUrl, booking?.id ?? null, o.serviceDate);
    if (!target) return;
    try {
      this.navigate(target);
    } catch (error) {
      // The booking stands whatever happens to the page: this is the owner's to fix, not the visitor's.
      warnOnce(`redirect-url could not be opened (${String(error)}); the booking was made.`);
    }
  }

  /**
   * Navigates the top page, or the widget's own frame when the top page belongs to another
   * site (a frame may not navigate it); a method so a host (or a test) can override it.
   */
  navigate(url: string) {
    try {
      (window.top ?? window).location.assign(url);
    } catch {
      location.assign(url);
    }
  }

  #fail(err: ReserveKitError, o: Occurrence) {
    this._error = err;
    if (this._step.is === 'sending') this._step = { is: 'form', key: o.key };
    if (err.code === 'slot_full') {
      this.#dayTime.markFull(o.key);
      this.#recount();
      this._step = PICKING;
      this.#focus.after('.slot:not([aria-disabled])');
    } else if (err.code === 'validation' && err.fields) {
      this._fieldErrors = serverFieldErrors(err.fields);
    } else if (err.code === 'rate_limited') {
      this.#wait.start(err.retryAfter ?? 10);
    } else if (isUnavailable(err)) {
      console.error(`[reservekit-booking] The booking was refused (${err.status ?? err.code}): ${err.message}. ${this.#keyHint()}`);
    }
    this.#emitError(err);
  }

  /** Places changed: ask the proxy again, the page's inline counts being out of date now. */
  #recount() {
    this.#initial = Promise.resolve(null);
    this.#availability.run();
  }

  #reportLoadError(error: unknown) {
    const err = asError(error);
    if (err.code === 'unauthorized') {
      console.error(`[reservekit-booking] The API refused the key (HTTP ${err.status}). ${this.#keyHint()}`, err);
    } else if (err.code === 'not_found') {
      console.error(`[reservekit-booking] Service "${this.#services.id}" was not found at ${this.apiBase}: check service-id.`, err);
    } else if (err.code === 'bad_response') {
      console.error('[reservekit-booking] The API answered in an unexpected shape.', err.cause ?? err);
    } else if (err.code === 'rate_limited') {
      this.#wait.start(err.retryAfter ?? 10);
    }
    this.#emitError(err);
  }

  #emitError(err: ReserveKitError) {
    emit(this, 'rk-error', { code: err.code, message: this.#message(err), status: err.status });
  }

  #onHeaders = (h: Headers) => (this.#server = { proxy: h.has(PROXY_HEADER), availability: servesAvailability(h) });

  #keyHint() {
    return this.#server.proxy
      ? `api-base points at your proxy (${this.apiBase}): check the secret key configured on the server and its allow-listed services.`
      : 'Check service-id, api-key and the domains the key is restricted to.';
  }

  /**
   * The page's inline data for service `id`, read and checked once, in a task of its own (not the
   * first render's); undefined when absent, refused or for another service.
   */
  async #inlineData(id: string): Promise<InitialData | undefined> {
    this.#initial ??= inlineScript(this)
      ? nextTask()
          .then(warmSchemas)
          .then(nextTask)
          .then(() => readInitialData(this))
          .then(
            (data) => data ?? null,
            (error: Error) => {
              warnOnce(`The inline data was refused (${error.message}); loading from the API instead.`);
              return null;
            },
          )
      : Promise.resolve(null);
    const data = await this.#initial;
    if (data && String(data.service.id) !== String(id)) {
      // A mismatch with the page's own service-id is the page's mistake; a visitor choosing another service from the list is not.
      if (String(id) === this.serviceId.trim()) warnOnce(`The inline data is for service ${data.service.id}, not service-id="${id}"; loading from the API instead.`);
      return undefined;
    }
    return data ?? undefined;
  }

  #options(): ClientOptions {
    return { ...this.clientOptions, apiBase: this.apiBase || DEFAULT_API_BASE, apiKey: this.apiKey || undefined, fetch: this.fetch };
  }
}
