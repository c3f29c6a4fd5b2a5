/**
 * reservekit-booking/manage: registers `<reservekit-booking-manage>`, the page behind the manage
 * link of a booking made through the proxy.
 */
export { ReserveKitBookingManage } from './reservekit-booking-manage.js';
