/**
 * React components for the elements, made with `@lit/react`: properties (`fetch`, `strings`,
 * `now`, …) are set as properties and the `rk-*` events reach `on…` props, on React 16.8 to 19.
 * Using a component registers its element (and only its: an app without the manage page does
 * not bundle it).
 *
 * ```tsx
 * import { ReserveKitBooking } from 'reservekit-booking/react';
 * <ReserveKitBooking serviceId="123" apiBase="/api/booking" onBooked={(e) => e.detail.bookingId} />
 * ```
 */
export { ReserveKitBooking, ReserveKitBookingButton, type BookingEventProps, type BookingButtonEventProps } from './booking.js';
export { ReserveKitBookingManage, type BookingManageEventProps } from './manage.js';
