import { html, isServer, nothing, type PropertyValues } from 'lit';
import { RkElement, intlLoaded, nextTask } from '../shared/rk-element.js';
import { Task } from '@lit/task';
import { DEFAULT_API_BASE, type ClientOptions } from '../../api/http.js';
import { listServiceTimeSlots } from '../../api/widget-calls.js';
import { cancelManaged, getManaged, rescheduleManaged, updateManagedCustomer } from '../../api/manage-calls.js';
import { ReserveKitError, asError, isUncertain, isUnavailable } from '../../api/errors.js';
import { ManagedBookingSchema, type ManagedBooking, type TimeSlot } from '../../api/schemas.js';
import { findOccurrence, type Occurrence } from '../../schedule/index.js';
import { DAY } from '../../schedule/dates.js';
import { format } from '../../i18n/index.js';
import { CountdownController } from '../shared/countdown-controller.js';
import { emit } from '../shared/events.js';
import { FocusController } from '../shared/focus-controller.js';
import { when } from '../shared/format.js';
import { LocaleController } from '../shared/locale-controller.js';
import { checkZone, isZone } from '../shared/zones.js';
import { styles } from '../booking/booking.styles.js';
import { visitStyles } from '../booking/visit.styles.js';
import { checkForm, emptyValues, serverFieldErrors, withoutError, type Field, type FieldMessages, type FormValues } from '../booking/form-data.js';
import { PickerController, placesLeft } from '../booking/picker.js';
import { alertView, loadingView } from '../booking/views/alert.js';
import { addToCalendarView, visitEvent } from '../booking/views/add-to-calendar.js';
import { formView } from '../booking/views/form.js';
import { whenView } from '../booking/views/when.js';
import { actionsView } from './views/actions.js';
import { cancelView } from './views/cancel.js';
import { summaryView } from './views/summary.js';
import { manageMessage } from './messages.js';

/**
 * `view`ing the booking; the `cancel` confirm step; `reschedule` (picking a new time) and `move`
 * (confirming the one with `key`); `edit`ing the contact details; `done` with one of them.
 */
type Step =
  | { is: 'view' | 'cancel' | 'reschedule' | 'edit' }
  | { is: 'move'; key: string }
  | { is: 'done'; what: 'cancelled' | 'rescheduled' | 'updated' };

const EDIT_FIELDS: readonly Field[] = ['name', 'email', 'phone'];
const VIEW: Step = { is: 'view' };

/** The booked time as an occurrence, whether or not it could still be booked now. */
function bookedOccurrence(slot: TimeSlot | null | undefined, date: string, serviceZone: string, viewerZone: string): Occurrence | undefined {
  if (!slot) return;
  // A window of a few days around the date: the schedule only answers inside its window.
  return findOccurrence({ slots: [slot], serviceZone, viewerZone, now: Date.parse(date) - 2 * DAY, daysAhead: 5 }, slot.id, date);
}

/**
 * The page a visitor reaches from the link in their confirmation: shows one booking (service,
 * time in their zone and the service's, status) and lets them cancel it, move it to another
 * time or correct their contact details. Needs the reservekit-booking/server proxy with
 * `manage` configured: the link's token stands for the booking.
 *
 * @summary Cancel, reschedule or edit a ReserveKit booking from its manage link.
 * @tag reservekit-booking-manage
 *
 * @fires rk-cancelled - The booking was cancelled. `detail: { bookingId, reason }`
 * @fires rk-rescheduled - The booking moved: a new booking replaced it. `detail: { previousBookingId, bookingId, manageToken, manageUrl, start, end }`
 * @fires rk-updated - The contact details were saved. `detail: { bookingId }`
 * @fires rk-error - Something failed. `detail: { code, message, status? }`
 *
 * @csspart summary - Service, time and status.
 * @csspart status-value - The status.
 *
 */
export class ReserveKitBookingManage extends RkElement {
  static override styles = [styles, visitStyles];

  static override properties = {
    token: {},
    apiBase: { attribute: 'api-base' },
    _managed: { state: true },
    _step: { state: true },
    _error: { state: true },
    _reason: { state: true },
    _values: { state: true },
    _fieldErrors: { state: true },
    _sending: { state: true },
  };

  /** The manage token; defaults to the page URL's `token` query parameter. */
  token = '';
  /** Your proxy endpoint, such as `/api/booking` (managing needs the secret key, so never ReserveKit itself). */
  apiBase = '';

  /** The booking as last answered (replaced by each change). */
  private _managed?: ManagedBooking;
  private _step: Step = VIEW;
  private _error: ReserveKitError | null = null;
  private _reason = '';
  private _values: FormValues = emptyValues();
  private _fieldErrors: FieldMessages = {};
  private _sending = false;

  #locale = new LocaleController(this, { attribute: () => this.locale, overrides: () => this.strings });
  #wait = new CountdownController(this);
  #focus = new FocusController(this);
  #picker = new PickerController(this, this.#focus, {
    timezone: () => this.timezone,
    now: () => this.now(),
    minNotice: () => this.minNotice,
    daysAhead: () => this.daysAhead,
    availability: () => this.#slots.value?.availability,
    current: () => this.#currentKey,
    // A new day: back to picking a time there (the picker moves the focus to its times).
    onDate: () => {
      this._step = { is: 'reschedule' };
      this._error = null;
    },
  });
  /** The token the next call uses: the link's, then the new booking's after a move. */
  #token = '';
  /** The manage link of the booking after a move, when the proxy builds them. */
  #manageUrl = '';
  /** When the booking was moved: its calendar file's DTSTAMP, fixed so that re-renders keep the same file. */
  #movedAt = 0;
  /** The booked occurrence's key, derived in willUpdate. */
  #currentKey?: string;
  /** The last write ended without a readable answer: it may have been carried out. */
  #uncertain = '';

  #options(): ClientOptions {
    return { ...this.clientOptions, apiBase: this.apiBase || DEFAULT_API_BASE, fetch: this.fetch };
  }

  /**
   * Intl is first asked once ICU's data is loaded, in tasks of their own while the booking is on its
   * way (`intlLoaded`): until then the element shows its loading line, in no direction yet.
   */
  #intlReady = false;

  override connectedCallback() {
    super.connectedCallback();
    if (!isServer) void intlLoaded().then(() => {
      this.#intlReady = true;
      this.requestUpdate();
      // zod builds a schema on its first parse: in a task of its own, not the answer's.
      void nextTask().then(() => ManagedBookingSchema().safeParse({}));
    });
  }

  #load = new Task(this, {
    task: async ([token], { signal }) => {
      if (!token) throw new ReserveKitError('not_found', 'No manage token: set the token attribute or open the page from its link.');
      const [managed] = await Promise.all([getManaged(this.#options(), token, { signal }), this.#locale.ready, intlLoaded()]);
      if (!isZone(managed.service.timezone)) throw new ReserveKitError('bad_response', `Unknown service timezone "${managed.service.timezone}"`);
      // The render that shows it gets a task of its own, apart from the one that read the answer.
      await nextTask();
      return { managed, token };
    },
    args: () => [this.token || new URLSearchParams(globalThis.location?.search).get('token') || '', this.apiBase, this.fetch] as const,
    onComplete: ({ managed, token }) => {
      this.#token = token;
      this._managed = managed;
      this._step = VIEW;
    },
    onError: (error) => this.#report(asError(error), true),
  });

  /** The service's slots and places left, asked for when the visitor first wants to reschedule. */
  #slots = new Task(this, {
    task: async ([serviceId], { signal }) => {
      const [slots, availability] = await Promise.all([
        listServiceTimeSlots(this.#options(), serviceId, { signal }),
        // Counts are a help, not a need: without them full times are learnt on a click.
        placesLeft(this.#options(), serviceId, +this.now(), this.daysAhead, signal).catch(() => undefined),
      ]);
      return { slots, availability };
    },
    args: () => [this._managed?.service.id ?? 0] as const,
    autoRun: false,
  });

  protected override willUpdate(changed: PropertyValues<this>) {
    this.#locale.serverUpdate();
    if (changed.has('timezone')) {
      if (this.hasUpdated) this.#picker.timezoneChanged();
      checkZone(this.timezone);
    }
    const managed = this._managed;
    const slots = this.#slots.value?.slots;
    if (this.#intlReady) this.#picker.derive(managed && slots ? { slots, serviceZone: managed.service.timezone } : undefined);
    this.#currentKey = managed && `${managed.booking.time_slot_id}@${managed.booking.date}`;
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render() {
    const { t, value: locale } = this.#locale;
    const managed = this._managed;
    return html`<div part="base" class="rk manage" dir=${this.#intlReady || isServer ? (this.#locale.rtl ? 'rtl' : 'ltr') : nothing} lang=${locale}>
      <div part="header" class="header"><h2 part="title">${t.manageHeading}</h2></div>
      ${managed
        ? this.#loaded(managed)
        : // Loaded, the booking is `managed`; otherwise the failure or, before and while loading, the loading
          // line (a server renders before the task runs: the same line, which hydration adopts).
          (this.#load.render({
            error: (error) => {
              const e = asError(error);
              // A bad link or a refused proxy does not get better by asking again.
              return alertView({ message: this.#message(e), onRetry: isUnavailable(e) ? undefined : () => this.#load.run(), retryLabel: t.retry, retryBlocked: this.#wait.active });
            },
          }) ?? loadingView({ ...t, loading: t.loadingBooking }))}
    </div>`;
  }

  #current(managed: ManagedBooking) {
    const slot = managed.time_slot;
    return bookedOccurrence(slot, managed.booking.date, managed.service.timezone, this.#picker.zone);
  }

  #loaded(managed: ManagedBooking) {
    const { t } = this.#locale;
    const { booking, service } = managed;
    const current = this.#current(managed);
    const step = this._step;
    const status = booking.status ?? '';
    return html`
      ${summaryView({ locale: this.#locale, serviceName: service.name, occurrence: current, date: booking.date, zone: this.#picker.zone, serviceZone: service.timezone, status, cancelReason: booking.cancel_reason })}
      ${step.is === 'done'
        ? this.#outcome(step.what, managed, current)
        : status === 'cancelled'
          ? this._error
            ? this.#alert()
            : html`<p class="muted" role="status">${t.bookingCancelledNoChange}</p>`
          : current && current.startMs <= +this.now()
            ? html`<p class="muted" role="status">${t.bookingPast}</p>`
            : this.#stepView(step, managed)}
    `;
  }

  #alert(retry?: () => void) {
    const e = this._error;
    return e ? alertView({ message: this.#message(e), onRetry: retry && isUncertain(e) ? retry : undefined, retryLabel: this.#locale.t.retry }) : nothing;
  }

  #stepView(step: Step, managed: ManagedBooking) {
    const { t } = this.#locale;
    switch (step.is) {
      case 'cancel':
        return cancelView({
          t,
          reason: this._reason,
          busy: this._sending,
          blocked: this.#wait.active,
          alert: this.#alert(this.#cancel),
          onReason: (value) => (this._reason = value),
          onConfirm: this.#cancel,
          onKeep: this.#backToView,
        });
      case 'edit':
        return formView({
          locale: this.#locale,
          values: this._values,
          errors: this._fieldErrors,
          fields: EDIT_FIELDS,
          alert: this.#alert(this.#save),
          busy: this._sending,
          blocked: this.#wait.active,
          submitLabel: t.save,
          busyLabel: t.saving,
          onInput: this.#onInput,
          onSubmit: this.#save,
          onBack: this.#backToView,
        });
      case 'reschedule':
      case 'move':
        return this.#reschedule(step, managed);
      default:
        return html`${this.#alert()}${actionsView({ t, onReschedule: this.#startReschedule, onEdit: this.#startEdit, onCancel: () => this.#toStep({ is: 'cancel' }) })}`;
    }
  }

  #reschedule(step: Step, managed: ManagedBooking) {
    const { t } = this.#locale;
    const back = html`<button part="button" type="button" @click=${this.#backToView}>${t.backToBooking}</button>`;
    // Once loaded, the calendar stays while anything reloads.
    const picking = this.#slots.value
      ? this.#picker.view({
          locale: this.#locale,
          serviceZone: managed.service.timezone,
          selectedKey: step.is === 'move' ? step.key : '',
          currentLabel: t.currentTime,
          onPick: (o) => this.#toStep({ is: 'move', key: o.key }, '#rk-move'),
        })
      : this.#slots.render({
          pending: () => loadingView(t),
          error: (error) => alertView({ message: this.#message(asError(error)), onRetry: () => this.#slots.run(), retryLabel: t.retry }),
        });
    const chosen = step.is === 'move' ? this.#picker.chosen(step.key) : undefined;
    return html`<section class="reschedule" aria-labelledby="rk-reschedule">
      <h3 id="rk-reschedule" tabindex="-1">${t.rescheduleHeading}</h3>
      ${picking}
      ${chosen
        ? html`<div class="form" id="rk-move" role="group" tabindex="-1" aria-label=${t.newTime}>
            <p class="summary">${t.newTime}: ${whenView(chosen, this.#picker.zone, managed.service.timezone, this.#locale)}</p>
            ${this.#alert(this.#move)}
            <div class="actions">
              ${back}
              <button part="submit" type="button" class="primary" aria-disabled=${this._sending || this.#wait.active ? 'true' : 'false'} aria-busy=${this._sending ? 'true' : 'false'} @click=${this.#move}>
                ${this._sending ? t.moving : t.moveBooking}
              </button>
            </div>
          </div>`
        : html`${this.#alert()}<div class="actions">${back}</div>`}
    </section>`;
  }

  #outcome(what: 'cancelled' | 'rescheduled' | 'updated', managed: ManagedBooking, current?: Occurrence) {
    const { t, value: locale } = this.#locale;
    const heading = { cancelled: t.cancelledHeading, rescheduled: t.rescheduledHeading, updated: t.updatedHeading }[what];
    const moved = what === 'rescheduled' && current;
    return html`<section part="confirmation" class="done" aria-labelledby="rk-done">
      <h3 id="rk-done" tabindex="-1">${heading}</h3>
      ${moved ? html`<p>${format(t.bookedText, { service: managed.service.name, ...when(current, this.#picker.zone, locale) })}</p>` : nothing}
      ${moved
        ? addToCalendarView({
            locale: this.#locale,
            zone: this.#picker.zone,
            event: visitEvent(
              { bookingId: managed.booking.id, occurrenceKey: current.key, start: current.startMs, end: current.endMs, serviceName: managed.service.name, serviceDescription: managed.service.description, manageUrl: this.#manageUrl },
              t,
              this.#movedAt,
            ),
          })
        : nothing}
      ${moved && this.#manageUrl ? html`<a part="manage-link" href=${this.#manageUrl}>${t.manageLink}</a>` : nothing}
      ${what === 'cancelled' ? nothing : html`<button part="button" @click=${this.#backToView}>${t.backToBooking}</button>`}
    </section>`;
  }

  #message(e: ReserveKitError) {
    return manageMessage(e, this.#locale.t, this.#wait.seconds, this.#locale.value);
  }

  // ---- the visitor's moves ------------------------------------------------------------------

  /** A new step, with the focus on its heading unless said otherwise (not `[data-focus]`: the calendar uses that for its days). */
  #toStep(step: Step, focus = 'h3[tabindex]') {
    this._step = step;
    this._error = null;
    this.#focus.after(focus);
  }

  #backToView = () => this.#toStep(VIEW, '.manage-actions button');

  #startReschedule = () => {
    if (!this.#slots.value) this.#slots.run();
    this.#toStep({ is: 'reschedule' });
  };

  #startEdit = () => {
    const customer = this._managed?.booking.customer;
    // What the visitor typed in an earlier try stays; the stored details fill the form the first time.
    if (!this._values.name && !this._values.email) this._values = { ...this._values, name: customer?.name ?? '', email: customer?.email ?? '', phone: customer?.phone ?? '' };
    this._fieldErrors = {};
    this.#toStep({ is: 'edit' }, '#name');
  };

  #onInput = (name: Field | 'country', value: string) => {
    this._values = { ...this._values, [name]: value };
    this._fieldErrors = withoutError(this._fieldErrors, name);
  };

  /** Runs one write at a time; a click while one is on its way, or during a rate-limit wait, does nothing. */
  async #write(kind: string, send: () => Promise<void>, recover?: (e: ReserveKitError) => boolean) {
    if (this._sending || this.#wait.active) return;
    this._sending = true;
    this._error = null;
    try {
      await send();
      this.#uncertain = '';
    } catch (error) {
      const err = asError(error);
      // After an attempt whose outcome we never learnt, some refusals mean that attempt went through.
      if (this.#uncertain === kind && recover?.(err)) return;
      this.#uncertain = isUncertain(err) ? kind : '';
      this.#fail(err);
    } finally {
      this._sending = false;
    }
  }

  #cancel = () => {
    const managed = this._managed!;
    const reason = this._reason.trim();
    const done = () => {
      this.#toStep({ is: 'done', what: 'cancelled' });
      emit(this, 'rk-cancelled', { bookingId: managed.booking.id, reason });
    };
    return this.#write(
      'cancel',
      async () => {
        this._managed = await cancelManaged(this.#options(), this.#token, reason || undefined);
        done();
      },
      (e) => {
        if (e.serverCode !== 'booking_cancelled') return false;
        this._managed = { ...managed, booking: { ...managed.booking, status: 'cancelled' } };
        done();
        return true;
      },
    );
  };

  #move = () => {
    const managed = this._managed!;
    const step = this._step;
    const o = step.is === 'move' ? this.#picker.chosen(step.key) : undefined;
    if (!o) return;
    return this.#write('move', async () => {
      const moved = await rescheduleManaged(this.#options(), this.#token, { date: o.serviceDate, time_slot_id: o.slot.id });
      const { booking } = moved;
      const previous = managed.booking.id;
      this.#token = booking.manage_token ?? '';
      this.#manageUrl = booking.manage_url ?? '';
      this.#movedAt = +this.now();
      this._managed = moved;
      this.#picker.reset();
      this.#toStep({ is: 'done', what: 'rescheduled' });
      emit(this, 'rk-rescheduled', { previousBookingId: previous, bookingId: booking.id, manageToken: this.#token, manageUrl: booking.manage_url ?? null, start: o.start, end: o.end });
    });
  };

  #save = () => {
    const managed = this._managed!;
    const { t, value: locale } = this.#locale;
    const form = checkForm(this._values, locale, t);
    this._fieldErrors = form.errors;
    if (Object.keys(form.errors).length) {
      this._error = null;
      this.#focus.after('[aria-invalid="true"]');
      return;
    }
    const { customer_name: name, customer_email: email, customer_phone: phone = '' } = form.body;
    return this.#write('save', async () => {
      // An emptied phone field removes the number.
      this._managed = await updateManagedCustomer(this.#options(), this.#token, { name, email, phone });
      this._values = emptyValues();
      this.#toStep({ is: 'done', what: 'updated' });
      emit(this, 'rk-updated', { bookingId: managed.booking.id });
    });
  };

  #fail(err: ReserveKitError) {
    this._error = err;
    const step = this._step;
    if (err.code === 'slot_full' && step.is === 'move') {
      this.#picker.markFull(step.key);
      this._step = { is: 'reschedule' };
      this.#focus.after('.slot:not([aria-disabled])');
    } else if (err.code === 'validation' && err.fields && step.is === 'edit') {
      this._fieldErrors = serverFieldErrors(err.fields);
      this.#focus.after('[aria-invalid="true"]');
    } else if (err.serverCode === 'booking_cancelled' && this._managed) {
      // Someone cancelled it meanwhile: show it as it is, with nothing left to do.
      this._managed = { ...this._managed, booking: { ...this._managed.booking, status: 'cancelled' } };
      this._step = VIEW;
    } else if (err.serverCode === 'reschedule_failed') {
      this._step = VIEW;
    }
    this.#report(err, false);
  }

  #report(err: ReserveKitError, loading: boolean) {
    if (err.code === 'rate_limited') this.#wait.start(err.retryAfter ?? 10);
    else if (loading && err.code === 'not_found' && !this.apiBase) console.error('[reservekit-booking] <reservekit-booking-manage> needs api-base: your proxy with manage links on (ReserveKit has no manage routes).');
    else if (err.code === 'unauthorized') console.error(`[reservekit-booking] The proxy at ${this.#options().apiBase} refused (HTTP ${err.status}): check its secret key and manage settings.`);
    else if (loading && err.code === 'bad_response') console.error('[reservekit-booking] The proxy answered in an unexpected shape.', err.cause ?? err);
    emit(this, 'rk-error', { code: err.code, message: this.#message(err), status: err.status });
  }
}
