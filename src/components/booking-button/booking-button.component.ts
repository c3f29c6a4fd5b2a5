import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ReserveKitBooking } from '../booking/booking.component';
import { catalogueFor, resolveLocale } from '../../i18n';
import { styles } from './booking-button.styles';

declare global {
  interface HTMLElementEventMap {
    'rk-open': CustomEvent<Record<string, never>>;
    'rk-close': CustomEvent<Record<string, never>>;
  }
}

/** The focused element, looking through open shadow roots (the opener is often inside one). */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | null {
  const active = root.activeElement as HTMLElement | null;
  return active?.shadowRoot?.activeElement ? deepActiveElement(active.shadowRoot) : active;
}

/**
 * A button that opens `<reservekit-booking>` in a modal dialog. The native `<dialog>` keeps focus
 * inside, makes the page behind inert and closes on Escape; focus returns to the opener on close.
 * Every attribute of `<reservekit-booking>` (`service-id`, `api-base`, `timezone`, `customer-*`,
 * …) set on this element is passed to the widget inside. Events of the widget (`rk-booked`, …)
 * bubble out of this element.
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
 * @csspart booking - The `<reservekit-booking>` inside (style its own parts from the page with its tokens).
 *
 * @cssprop --rk-backdrop - The backdrop behind the dialog.
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

  /** The dialog's title and accessible name; defaults to the button's label. */
  @property() accessor heading = '';
  /** `light`, `dark` or `auto`, for the dialog and the widget. */
  @property({ reflect: true }) accessor theme: 'light' | 'dark' | 'auto' = 'auto';
  /** Set to false to render no button and open the dialog from script (`openBooking()` does). */
  @property({ type: Boolean, attribute: false }) accessor trigger = true;

  /**
   * The widget inside. It exists from the start, so JS-only properties (`fetch`, `strings`,
   * `now`, `clientOptions`) can be set before the first open; it joins the page (and loads) on
   * the first open, and stays afterwards, so a visitor who closes the dialog keeps what they typed.
   */
  readonly booking: ReserveKitBooking = document.createElement('reservekit-booking') as ReserveKitBooking;

  @state() accessor _loaded = false;
  @query('dialog') accessor _dialog!: HTMLDialogElement | null;
  private _opener: HTMLElement | null = null;

  constructor() {
    super();
    this.booking.setAttribute('part', 'booking');
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if ((this.constructor as typeof ReserveKitBookingButton).forwardedAttributes.includes(name)) {
      if (value === null) this.booking.removeAttribute(name);
      else this.booking.setAttribute(name, value);
    }
  }

  /** Opens the dialog; focus returns to `opener` (default: whatever has focus now) on close. */
  async open(opener: HTMLElement | null = deepActiveElement()) {
    this._loaded = true;
    await this.updateComplete;
    const dialog = this._dialog;
    if (!dialog || dialog.open) return;
    this._opener = opener;
    dialog.showModal();
    this.dispatchEvent(new CustomEvent('rk-open', { detail: {}, bubbles: true, composed: true }));
  }

  /** Closes the dialog, as Escape or the Close button do. */
  close() {
    this._dialog?.close();
  }

  private _label() {
    return this.heading || this.textContent?.replace(/\s+/g, ' ').trim() || 'Book now';
  }

  override render() {
    const t = catalogueFor(resolveLocale(this, this.getAttribute('locale')), this.booking.strings);
    return html`${this.trigger
        ? html`<button part="button" type="button" aria-haspopup="dialog" @click=${() => this.open()}><slot>Book now</slot></button>`
        : nothing}
      <dialog part="dialog" aria-labelledby="heading" closedby="any" @close=${this._onClose}>
        <header part="header">
          <h2 part="heading" id="heading">${this._label()}</h2>
          <button part="close" class="close" type="button" aria-label=${t.close} @click=${this.close}><span aria-hidden="true">×</span></button>
        </header>
        <div part="body">${this._loaded ? this.booking : nothing}</div>
      </dialog>`;
  }

  private _onClose = () => {
    // The opener may be gone (or inert) by now; focusing it is then a harmless no-op.
    this._opener?.focus();
    this._opener = null;
    this.dispatchEvent(new CustomEvent('rk-close', { detail: {}, bubbles: true, composed: true }));
  };
}
