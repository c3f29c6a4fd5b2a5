/**
 * Typed JSX for the elements in React 19, which sets properties and listens to `on<event>` props
 * on custom elements itself. Enable with one line anywhere in the app's TypeScript:
 *
 * ```ts
 * import type {} from 'reservekit-booking/types/react';
 * ```
 *
 * React 16-18 set every prop as an attribute and ignore `on…` props on custom elements: use the
 * wrappers of `reservekit-booking/react` there (they work on React 19 too).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ReserveKitBooking } from '../components/booking/booking.component.js';
import type { ReserveKitBookingButton } from '../components/booking-button/booking-button.component.js';
import type { ReserveKitBookingManage } from '../components/booking-manage/booking-manage.component.js';
import type { BookingButtonEventName, BookingButtonProps, BookingEventName, BookingManageEventName, BookingManageProps, BookingProps, Events, Handlers } from './elements.js';

/** React 19 listens to `on` + the exact event name: `onrk-booked={(e) => e.detail.bookingId}`. */
type ElementProps<E extends HTMLElement, Props, M> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Props> & Props & Handlers<M, 'on'>;

export type ReserveKitBookingJsxProps = ElementProps<ReserveKitBooking, BookingProps, Events<BookingEventName>>;
export type ReserveKitBookingButtonJsxProps = ElementProps<ReserveKitBookingButton, BookingButtonProps, Events<BookingButtonEventName>>;
export type ReserveKitBookingManageJsxProps = ElementProps<ReserveKitBookingManage, BookingManageProps, Events<BookingManageEventName>>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'reservekit-booking': ReserveKitBookingJsxProps;
      'reservekit-booking-button': ReserveKitBookingButtonJsxProps;
      'reservekit-booking-manage': ReserveKitBookingManageJsxProps;
    }
  }
}
