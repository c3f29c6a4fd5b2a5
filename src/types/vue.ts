/**
 * Typed templates for the elements in Vue 3 (`vue-tsc`, Volar): props with their types and
 * `@rk-*` handlers with their event types. Enable with one line anywhere in the app's TypeScript:
 *
 * ```ts
 * import type {} from 'reservekit-booking/types/vue';
 * ```
 *
 * Vue also needs to know the tags are custom elements:
 * `compilerOptions.isCustomElement = (tag) => tag.startsWith('reservekit-')` in the Vue plugin's options.
 * The shape below is the one Vue's guide gives for custom elements not built with Vue.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { ReserveKitBooking } from '../components/booking/booking.component.js';
import type { ReserveKitBookingButton } from '../components/booking-button/booking-button.component.js';
import type { ReserveKitBookingManage } from '../components/booking-manage/booking-manage.component.js';
import type { BookingButtonEventName, BookingButtonProps, BookingEventName, BookingManageEventName, BookingManageProps, BookingProps, Events } from './elements.js';

type VueEmit<M> = EmitFn<{ [K in keyof M]: (event: M[K]) => void }>;

/** Vue reads template props from `$props` and events from `$emit`; neither exists at run time. */
export type DefineCustomElement<E extends HTMLElement, Props, M> = new () => E & {
  /** @deprecated Template typing only: not a property of the element. */
  $props: HTMLAttributes & Props & PublicProps;
  /** @deprecated Template typing only: not a method of the element. */
  $emit: VueEmit<M>;
};

declare module 'vue' {
  interface GlobalComponents {
    'reservekit-booking': DefineCustomElement<ReserveKitBooking, BookingProps, Events<BookingEventName>>;
    'reservekit-booking-button': DefineCustomElement<ReserveKitBookingButton, BookingButtonProps, Events<BookingButtonEventName>>;
    'reservekit-booking-manage': DefineCustomElement<ReserveKitBookingManage, BookingManageProps, Events<BookingManageEventName>>;
  }
}
