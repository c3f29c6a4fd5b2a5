/** Registers `<reservekit-booking>`; the only module with a side effect. */
import { ReserveKitBooking } from './booking.component.js';
import { define } from '../shared/rk-element.js';

export { ReserveKitBooking };
// Whoever imports the element gets its events typed too (the module declares them globally).
export type { RkEventMap } from '../shared/events.js';

define('reservekit-booking', ReserveKitBooking);

declare global {
  interface HTMLElementTagNameMap {
    'reservekit-booking': ReserveKitBooking;
  }
}
