/**
 * Entry of dist/reservekit-booking-button.js: the popup (`<reservekit-booking-button>` and
 * `openBooking()`), on top of dist/reservekit-booking.js, which it imports.
 */
export * from './standalone';
export * from './components/booking-button/index';
