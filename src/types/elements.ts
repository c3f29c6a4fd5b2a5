/**
 * What a template may set on each element and which events it fires, in one place for every
 * framework's typings (react.ts, vue.ts, svelte.ts, solid.ts): the public properties with their types, the kebab-case
 * attributes, and the `rk-*` events with their detail types.
 */
import type { ReserveKitBooking } from '../components/booking/booking.component.js';
import type { ReserveKitBookingButton } from '../components/booking-button/booking-button.component.js';
import type { ReserveKitBookingManage } from '../components/booking-manage/booking-manage.component.js';

/** Attributes every element has (zone, language, theme, booking window). */
type SharedAttributeKeys = 'timezone' | 'locale' | 'theme' | 'daysAhead' | 'minNotice';
/** Properties that are also attributes (`serviceId` <-> `service-id`). */
type BookingAttributeKeys =
  | SharedAttributeKeys | 'serviceId' | 'serviceIds' | 'apiBase' | 'apiKey'
  | 'customerName' | 'customerEmail' | 'customerPhone' | 'redirectUrl' | 'prefillFromUrl';
type ManageAttributeKeys = SharedAttributeKeys | 'token' | 'apiBase';
/** JS-only properties (set as properties by React 19 and Vue, never as attributes). */
type PropertyKeys = 'strings' | 'fetch' | 'clientOptions' | 'now';

type Kebab<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : S;

type Attributes<E, K extends keyof E & string> = { [P in K as Kebab<P>]?: E[P] };

type Props<E, K extends keyof E & string> = Partial<Pick<E, K | (PropertyKeys & keyof E)>> & Attributes<E, K>;

export type BookingProps = Props<ReserveKitBooking, BookingAttributeKeys>;
export type BookingManageProps = Props<ReserveKitBookingManage, ManageAttributeKeys>;
export type BookingButtonProps = Omit<BookingProps, 'theme'> & Partial<Pick<ReserveKitBookingButton, 'heading' | 'theme' | 'floating' | 'trigger'>>;

/** Events of `<reservekit-booking>`, as `addEventListener` types them. */
export type BookingEventName = 'rk-service-select' | 'rk-ready' | 'rk-date-select' | 'rk-slot-select' | 'rk-before-submit' | 'rk-booked' | 'rk-error';
/** `<reservekit-booking-button>` fires its own two and lets the widget's bubble out. */
export type BookingButtonEventName = BookingEventName | 'rk-open' | 'rk-close';
/** Events of `<reservekit-booking-manage>`. */
export type BookingManageEventName = 'rk-cancelled' | 'rk-rescheduled' | 'rk-updated' | 'rk-error';

export type Events<N extends keyof HTMLElementEventMap> = { [K in N]: HTMLElementEventMap[K] };

/** Handler props named `${prefix}${event}`: `onrk-booked` (React 19, Svelte 5), `on:rk-booked` (Solid, Svelte 4). */
export type Handlers<M, Prefix extends string> = { [K in keyof M & string as `${Prefix}${K}`]?: (event: M[K]) => void };
