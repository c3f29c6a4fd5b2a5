import * as React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import { ReserveKitBookingManage as ManageElement } from '../components/booking-manage/reservekit-booking-manage.js';
import type { Handler } from './events.js';

export type BookingManageEventProps = {
  onCancelled: Handler<'rk-cancelled'>;
  onRescheduled: Handler<'rk-rescheduled'>;
  onUpdated: Handler<'rk-updated'>;
  onError: Handler<'rk-error'>;
};

/** `<reservekit-booking-manage>` for React: the page behind a booking's manage link. */
export const ReserveKitBookingManage: ReactWebComponent<ManageElement, BookingManageEventProps> = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'reservekit-booking-manage',
  elementClass: ManageElement,
  events: { onCancelled: 'rk-cancelled', onRescheduled: 'rk-rescheduled', onUpdated: 'rk-updated', onError: 'rk-error' } as BookingManageEventProps,
  displayName: 'ReserveKitBookingManage',
});
