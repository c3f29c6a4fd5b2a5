/**
 * Typed markup for the elements in Svelte (`svelte-check`, the Svelte language server): props
 * with their types, `onrk-*` (Svelte 5) and `on:rk-*` (Svelte 4) handlers with their event types.
 * Enable with one line anywhere in the app's TypeScript:
 *
 * ```ts
 * import type {} from 'reservekit-booking/types/svelte';
 * ```
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { ReserveKitBooking } from '../components/booking/booking.component.js';
import type { ReserveKitBookingButton } from '../components/booking-button/booking-button.component.js';
import type { ReserveKitBookingManage } from '../components/booking-manage/booking-manage.component.js';
import type { BookingButtonEventName, BookingButtonProps, BookingEventName, BookingManageEventName, BookingManageProps, BookingProps, Events, Handlers } from './elements.js';

type ElementProps<E extends HTMLElement, Props, M> = Omit<HTMLAttributes<E>, keyof Props> & Props & Handlers<M, 'on'> & Handlers<M, 'on:'>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'reservekit-booking': ElementProps<ReserveKitBooking, BookingProps, Events<BookingEventName>>;
    'reservekit-booking-button': ElementProps<ReserveKitBookingButton, BookingButtonProps, Events<BookingButtonEventName>>;
    'reservekit-booking-manage': ElementProps<ReserveKitBookingManage, BookingManageProps, Events<BookingManageEventName>>;
  }
}
