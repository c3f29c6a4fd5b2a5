/** Registers `<reservekit-booking-manage>`; the only module here with a side effect. */
import { ReserveKitBookingManage } from './booking-manage.component.js';
import { upgrading } from '../shared/rk-element.js';

export { ReserveKitBookingManage };
// Whoever imports the element gets its events typed too (the module declares them globally).
export type { RkEventMap } from '../shared/events.js';

if (typeof customElements !== 'undefined' && !customElements.get('reservekit-booking-manage')) {
  upgrading(() => customElements.define('reservekit-booking-manage', ReserveKitBookingManage));
}

declare global {
  interface HTMLElementTagNameMap {
    'reservekit-booking-manage': ReserveKitBookingManage;
  }
}
