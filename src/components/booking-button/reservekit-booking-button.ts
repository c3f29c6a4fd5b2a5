/** Registers `<reservekit-booking-button>` (and the `<reservekit-booking>` it opens). */
import '../booking/reservekit-booking.js';
import { ReserveKitBookingButton } from './booking-button.component.js';
import { upgrading } from '../shared/rk-element.js';

export { ReserveKitBookingButton };
// Whoever imports the element gets its events typed too (the module declares them globally).
export type { RkEventMap } from '../shared/events.js';

if (typeof customElements !== 'undefined' && !customElements.get('reservekit-booking-button')) {
  upgrading(() => customElements.define('reservekit-booking-button', ReserveKitBookingButton));
}

declare global {
  interface HTMLElementTagNameMap {
    'reservekit-booking-button': ReserveKitBookingButton;
  }
}
