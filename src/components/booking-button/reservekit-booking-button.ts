/** Registers `<reservekit-booking-button>` (and the `<reservekit-booking>` it opens). */
import '../booking/reservekit-booking.js';
import { ReserveKitBookingButton } from './booking-button.component.js';

export { ReserveKitBookingButton };

if (typeof customElements !== 'undefined' && !customElements.get('reservekit-booking-button')) {
  customElements.define('reservekit-booking-button', ReserveKitBookingButton);
}

declare global {
  interface HTMLElementTagNameMap {
    'reservekit-booking-button': ReserveKitBookingButton;
  }
}
