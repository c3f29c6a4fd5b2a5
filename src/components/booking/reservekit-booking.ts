/** Registers `<reservekit-booking>`; the only module with a side effect. */
import { ReserveKitBooking } from './booking.component.js';
import { upgrading } from '../shared/rk-element.js';

export { ReserveKitBooking };
// Whoever imports the element gets its events typed too (the module declares them globally).
export type { RkEventMap } from '../shared/events.js';

if (typeof customElements !== 'undefined' && !customElements.get('reservekit-booking')) {
  upgrading(() => customElements.define('reservekit-booking', ReserveKitBooking));
}

declare global {
  interface HTMLElementTagNameMap {
    'reservekit-booking': ReserveKitBooking;
  }
}
