/** Registers `<reservekit-booking>`; the only module with a side effect. */
import { ReserveKitBooking } from './booking.component.js';

export { ReserveKitBooking };

if (typeof customElements !== 'undefined' && !customElements.get('reservekit-booking')) {
  customElements.define('reservekit-booking', ReserveKitBooking);
}

declare global {
  interface HTMLElementTagNameMap {
    'reservekit-booking': ReserveKitBooking;
  }
}
