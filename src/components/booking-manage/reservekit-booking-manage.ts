/** Registers `<reservekit-booking-manage>`; the only module here with a side effect. */
import { ReserveKitBookingManage } from './booking-manage.component.js';
import { define } from '../shared/rk-element.js';

export { ReserveKitBookingManage };
// Whoever imports the element gets its events typed too (the module declares them globally).
export type { RkEventMap } from '../shared/events.js';

define('reservekit-booking-manage', ReserveKitBookingManage);

declare global {
  interface HTMLElementTagNameMap {
    'reservekit-booking-manage': ReserveKitBookingManage;
  }
}
