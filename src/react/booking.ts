import * as React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import { ReserveKitBooking as BookingElement } from '../components/booking/reservekit-booking.js';
import { ReserveKitBookingButton as ButtonElement } from '../components/booking-button/reservekit-booking-button.js';
import type { Handler } from './events.js';

/** Written out (a type, not an interface: `@lit/react` wants an index signature), so the declarations name the event types instead of inlining them. */
export type BookingEventProps = {
  onServiceSelect: Handler<'rk-service-select'>;
  onReady: Handler<'rk-ready'>;
  onDateSelect: Handler<'rk-date-select'>;
  onSlotSelect: Handler<'rk-slot-select'>;
  onBeforeSubmit: Handler<'rk-before-submit'>;
  onBooked: Handler<'rk-booked'>;
  onError: Handler<'rk-error'>;
};
export type BookingButtonEventProps = BookingEventProps & {
  onOpen: Handler<'rk-open'>;
  onClose: Handler<'rk-close'>;
};

const bookingEvents = {
  onServiceSelect: 'rk-service-select',
  onReady: 'rk-ready',
  onDateSelect: 'rk-date-select',
  onSlotSelect: 'rk-slot-select',
  onBeforeSubmit: 'rk-before-submit',
  onBooked: 'rk-booked',
  onError: 'rk-error',
} as BookingEventProps;

/** `<reservekit-booking>` for React. */
export const ReserveKitBooking: ReactWebComponent<BookingElement, BookingEventProps> = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'reservekit-booking',
  elementClass: BookingElement,
  events: bookingEvents,
  displayName: 'ReserveKitBooking',
});

/** `<reservekit-booking-button>` for React; the widget's events bubble out of it, so its props take them too. */
export const ReserveKitBookingButton: ReactWebComponent<ButtonElement, BookingButtonEventProps> = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'reservekit-booking-button',
  elementClass: ButtonElement,
  events: { ...bookingEvents, onOpen: 'rk-open', onClose: 'rk-close' } as BookingButtonEventProps,
  displayName: 'ReserveKitBookingButton',
});
