/**
 * Entry of dist/reservekit-booking.js, the self-contained module for
 * `<script type="module" src="…/reservekit-booking.js">`: one file, one integrity hash, nothing
 * else fetched. It registers `<reservekit-booking>` (inline), `<reservekit-booking-button>`
 * (popup) and `<reservekit-booking-manage>` (the page behind a booking's manage link), exports
 * their classes and `openBooking()`, and carries every translation.
 */
export { ReserveKitBooking } from './components/booking/reservekit-booking.js';
export type { BookedDetail, ErrorDetail, OccurrenceDetail, RescheduledDetail, RkEvent, RkEventMap } from './components/shared/events.js';
export * from './components/booking-button/index.js';
export * from './components/booking-manage/index.js';
