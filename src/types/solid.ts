/**
 * Typed JSX for the elements in Solid: props with their types (Solid sets them as properties on
 * custom elements) and `on:rk-*` handlers with their event types. Enable with one line anywhere
 * in the app's TypeScript:
 *
 * ```ts
 * import type {} from 'reservekit-booking/types/solid';
 * ```
 */
import type { JSX } from 'solid-js';
import type { ReserveKitBooking } from '../components/booking/booking.component.js';
import type { ReserveKitBookingButton } from '../components/booking-button/booking-button.component.js';
import type { ReserveKitBookingManage } from '../components/booking-manage/booking-manage.component.js';
import type { BookingButtonEventName, BookingButtonProps, BookingEventName, BookingManageEventName, BookingManageProps, BookingProps, Events, Handlers } from './elements.js';

type ElementProps<E extends HTMLElement, Props, M> = Omit<JSX.HTMLAttributes<E>, keyof Props> & Props & Handlers<M, 'on:'>;

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'reservekit-booking': ElementProps<ReserveKitBooking, BookingProps, Events<BookingEventName>>;
      'reservekit-booking-button': ElementProps<ReserveKitBookingButton, BookingButtonProps, Events<BookingButtonEventName>>;
      'reservekit-booking-manage': ElementProps<ReserveKitBookingManage, BookingManageProps, Events<BookingManageEventName>>;
    }
  }
}
