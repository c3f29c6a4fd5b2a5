import { LitElement, html, nothing } from 'lit';
import { ReserveKitBooking } from '../booking/booking.component.js';
import { emit } from '../shared/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import { styles } from './booking-button.styles.js';


/** The focused element, looking through open shadow roots (the opener is often inside one). */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | null {
  const active = root.activeElement as HTMLElement | null;
  return active?.shadowRoot?.activeElement ? deepActiveElement(active.shadowRoot) : active;
}

/** Elements Tab stops at inside `root`, in order, through shadow roots and slots. */
function tabbables(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (el: Element) => {
    if (el instanceof HTMLElement && el.tabIndex >= 0 && !el.matches(':disabled') && el.checkVisibility({ visibilityProperty: true })) found.push(el);
    const slotted = el instanceof HTMLSlotElement ? el.assignedElements({ flatten: true }) : [];
    for (const child of slotted.length ? slotted : (el.shadowRoot ?? el).children) visit(child);
  };
  visit(root);
  return found;
}

/**
 * A button that opens `<reservekit-booking>` in a modal dialog. The native `<dialog>` keeps focus
 * inside (Tab wraps round), makes the page behind inert and closes on Escape; focus returns to the
 * opener on close.
 * Every attribute of `<reservekit-booking>` (`service-id`, `api-base`, `timezone`, `customer-*`,
 * …) set on this element is passed to the widget inside, and so is every property (`serviceId`,
 * `fetch`, `strings`, `now`, `clientOptions`, …). Events of the widget (`rk-booked`, …) bubble out
 * of this element. Pointing at the button or focusing it starts loading, so the dialog opens on the
 * calendar. `floating` makes it a badge in the page's bottom end corner.
 *
 * @summary Book a ReserveKit service in a popup.
 * @tag reservekit-booking-button
 *
 * @slot - The button's label; "Book now" by default.
 *
 * @fires rk-open - The dialog opened.
 * @fires rk-close - The dialog closed (Escape, Close button, backdrop click or `close()`).
 *
 * @csspart button - The button that opens the dialog.
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The dialog's title bar.
 * @csspart heading - The dialog's title.
 * @csspart close - The Close button.
 * @csspart body - The box around the booking widget.
 * @csspart booking - The `<reservekit-booking>` inside. Its own parts are not exported: theme it with the `--rk-*` tokens.
 *
 * @cssprop --rk-backdrop - The backdrop behind the dialog.
 * @cssprop --rk-floating-offset - With `floating`: the distance from the viewport's bottom and end edges (default 1.25rem).
 * @cssprop --rk-floating-z-index - With `floating`: its stacking order (default 1000).
 * @cssprop --rk-accent - Brand colour of the button and the widget; every other `--rk-*` token of `<reservekit-booking>` is passed down too.
 */
export class ReserveKitBookingButton extends LitElement {
  static override styles = styles;

  /** The widget's own attributes, forwarded as they change (read from its class, so they never drift). */
  static get forwardedAttributes(): string[] {
    return ReserveKitBooking.observedAttributes;
  }

  static override get observedAttributes(): string[] {
    return [...new Set([...super.observedAttributes, ...this.forwardedAttributes])];
  }

  /** `static properties` rather than decorators: the decorator runtime costs 1 KB gzip in the script bundle. */
  static override properties = {
    heading: {},
    theme: { reflect: true },
    floating: { type: Boolean, reflect: true },
    trigger: { type: Boolean, attribute: false },
    _loaded: { state: true },
  };

  /** The dialog's title and accessible name; defaults to the button's label. */
  heading = '';
  /** `light`, `dark` or `auto`, for the dialog and the widget. */
  theme: 'light' | 'dark' | 'auto' = 'auto';
  /** A badge fixed in the viewport's bottom end corner (bottom right; bottom left right-to-left), like a chat button. */
  floating = false;
  /** Set to false to render no button and open the dialog from script (`openBooking()` does). */
  trigger = true;

  #booking?: ReserveKitBooking;
  /**
   * The widget inside, made on first use (never in the constructor: a server renderer constructs
   * elements without a document). JS-only properties (`fetch`, `strings`, `now`, `clientOptions`)
   * can be set on it, or on the button, before the first open; it joins the page (and loads) when
   * the button is pointed at, focused or opened, and stays, so a visitor who closes the dialog
   * keeps what they typed.
   */
  get booking(): ReserveKitBooking {
    if (!this.#booking) {
      this.#booking = document.createElement('reservekit-booking') as ReserveKitBooking;
      this.#booking.setAttribute('part', 'booking');
      for (const name of (this.constructor as typeof ReserveKitBookingButton).forwardedAttributes) {
        const value = this.getAttribute(name);
        if (value !== null) this.#booking.setAttribute(name, value);
      }
    }
    return this.#booking;
  }

  private _loaded = false;

  private get _dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }
  private _opener: HTMLElement | null = null;
  /** The Close button's name comes from the translation, which loads on demand. */
  #locale = new LocaleController(this, { attribute: () => this.getAttribute('locale'), overrides: () => this.#booking?.strings });
  private _isOpen = false;


  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    // Before the widget exists, its getter copies them all at once.
    if (this.#booking && (this.constructor as typeof ReserveKitBookingButton).forwardedAttributes.includes(name)) {
      if (value === null) this.#booking.removeAttribute(name);
      else this.#booking.setAttribute(name, value);
    }
  }

  /** Opens the dialog; focus returns to `opener` (default: whatever has focus now) on close. */
  async open(opener: HTMLElement | null = deepActiveElement()) {
    this._loaded = true;
    await this.updateComplete;
    const dialog = this._dialog;
    if (!dialog || dialog.open) return;
    this._opener = opener;
    this._isOpen = true;
    dialog.showModal();
    emit(this, 'rk-open', {});
  }

  /** Closes the dialog, as Escape or the Close button do. */
  close() {
    this._dialog?.close();
  }

  private _label(t: { bookNow: string }) {
    return this.heading || this.textContent?.replace(/\s+/g, ' ').trim() || t.bookNow;
  }

  protected override willUpdate() {
    this.#locale.serverUpdate();
  }

  /**
   * A pointer over the button or focus on it means an open is likely: the widget joins the page
   * now, inside the closed dialog, and loads there, so the dialog opens on the calendar.
   */
  #preload = () => {
    this._loaded = true;
  };

  override render() {
    const { t } = this.#locale;
    return html`${this.trigger
        ? html`<button part="button" type="button" aria-haspopup="dialog" @pointerenter=${this.#preload} @focus=${this.#preload} @click=${() => this.open()}><slot>${t.bookNow}</slot></button>`
        : nothing}
      <dialog part="dialog" aria-labelledby="heading" closedby="any" @beforetoggle=${this._onToggle} @close=${this._afterClose} @keydown=${this._onKeydown}>
        <div part="header" class="bar">
          <h2 part="heading" id="heading">${this._label(t)}</h2>
          <button part="close" class="close" type="button" aria-label=${t.close} @click=${this.close}><span aria-hidden="true">×</span></button>
        </div>
        <div part="body">${this._loaded ? this.booking : nothing}</div>
      </dialog>`;
  }

  /**
   * A modal dialog makes the page inert, but Chromium lets Tab leave the last control for the
   * browser's own UI (and, in a frame, the embedding page): wrap round instead, as the APG asks.
   * Escape is ours too: the platform's close request waits for a rendered frame, so it is lost
   * while the tab is hidden. A control that uses Escape itself can `preventDefault()` it.
   */
  private _onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      this.close();
    }
    if (e.key !== 'Tab' || !this._dialog) return;
    const list = tabbables(this._dialog);
    const edge = e.shiftKey ? list[0] : list[list.length - 1];
    if (edge && deepActiveElement() === edge) {
      e.preventDefault();
      (e.shiftKey ? list[list.length - 1] : list[0]).focus();
    }
  };

  /**
   * Chromium fires a dialog's `close` event with the next rendered frame, so never in a hidden
   * tab; `beforetoggle` comes synchronously with every way of closing, and a microtask later the
   * dialog is closed and the page no longer inert. `close` stays as the fallback for older engines.
   */
  private _onToggle = (e: Event) => {
    if ((e as ToggleEvent).newState === 'closed') queueMicrotask(this._afterClose);
  };

  private _afterClose = () => {
    if (!this._isOpen || this._dialog?.open) return;
    this._isOpen = false;
    // The opener may be gone (or inert under another modal); focusing it is then a no-op.
    this._opener?.focus();
    this._opener = null;
    emit(this, 'rk-close', {});
  };
}

/** The widget's public properties, which the button passes on (its own `theme` stays its own). */
const bookingProperties = [
  'serviceId', 'serviceIds', 'apiBase', 'apiKey', 'timezone', 'locale', 'daysAhead', 'minNotice', 'customerName',
  'customerEmail', 'customerPhone', 'redirectUrl', 'prefillFromUrl', 'strings', 'fetch', 'clientOptions', 'now',
] as const;
export type BookingPropertyName = (typeof bookingProperties)[number];

// Frameworks that set properties (React 19, the @lit/react wrappers, Vue's bindings) reach the
// widget through the button: `button.serviceId = '1'` is `button.booking.serviceId = '1'`.
export interface ReserveKitBookingButton extends Pick<ReserveKitBooking, BookingPropertyName> {}
for (const name of bookingProperties) {
  Object.defineProperty(ReserveKitBookingButton.prototype, name, {
    get(this: ReserveKitBookingButton) {
      return this.booking[name];
    },
    set(this: ReserveKitBookingButton, value: unknown) {
      Object.assign(this.booking, { [name]: value });
    },
    configurable: true,
  });
}
