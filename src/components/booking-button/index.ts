/** The popup mode: `<reservekit-booking-button>` and `openBooking()`. Importing registers both elements. */
export { ReserveKitBookingButton } from './reservekit-booking-button.js';
export { openBooking, type BookingDialog, type OpenBookingOptions } from './open-booking.js';
