/**
 * Entry of dist/reservekit-booking.js, the single-file build for
 * `<script type="module" src="…/reservekit-booking.js">`: registers both elements and exposes the
 * same API as the package entry, so a page can also `import { openBooking } from '…/reservekit-booking.js'`.
 */
export * from './index';
export * from './components/booking-button/index';
