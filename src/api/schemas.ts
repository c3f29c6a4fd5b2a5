/**
 * zod/mini schemas for every ReserveKit resource. API data is parsed here, at the boundary, and
 * trusted everywhere else. Unknown extra fields are allowed (servers add fields over time);
 * missing or mistyped required fields are a `bad_response`. Each schema is a function that builds
 * it on first use (`once`), not while a page evaluates the script (building them all was a quarter
 * of that evaluation), marked pure, so bundles that need just the widget's calls drop the rest.
 */
import * as z from 'zod/mini';
import { DATE_RE } from '../schedule/dates.js';

// Integers are checked with multipleOf(1): z.int() would pull zod's number formats into the bundle.
// The parts below are functions, so that only a schema's first use builds them.
const int = () => z.multipleOf(1);

/**
 * A schema built on its first use, then kept: none is built while a page evaluates the script.
 * (A `z.lazy` per schema defers the inner schema too, but building the lazy wrappers themselves
 * was still a tenth of the evaluation on a slow phone.)
 */
export const once = <T>(build: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= build());
};

/**
 * `"YYYY-MM-DD HH:MM:SS"` (the seeds) or an ISO 8601 / RFC 3339 string (some servers, the Go
 * SDK), with a clock that exists (`24:00` is the end of a day; `25:99` is refused here, at the
 * boundary, rather than dropping the slot later). The date part is a placeholder.
 */
export const SLOT_TIME_RE = /^\d{4}-\d{2}-\d{2}[ T](([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?|24:00(:00)?)(Z|[+-]\d{2}:?\d{2})?$/;

const id = () => z.number().check(int());
const timestamp = () => z.optional(z.string());
const optionalText = () => z.optional(z.nullable(z.string()));
const count = () => z.number().check(int(), z.gte(0));
const date = () => z.string().check(z.regex(DATE_RE));

export const ServiceSchema = /* @__PURE__ */ once(() => z.looseObject({
  id: id(),
  name: z.string(),
  description: optionalText(),
  timezone: z.string().check(z.regex(/\S/)),
  created_at: timestamp(),
  updated_at: timestamp(),
}));
export type Service = z.infer<ReturnType<typeof ServiceSchema>>;

export const TimeSlotSchema = /* @__PURE__ */ once(() => z.looseObject({
  id: id(),
  service_id: z.optional(id()),
  day_of_week: z.number().check(int(), z.gte(0), z.lte(6)),
  start_time: z.string().check(z.regex(SLOT_TIME_RE)),
  end_time: z.string().check(z.regex(SLOT_TIME_RE)),
  max_bookings: count(),
  created_at: timestamp(),
  updated_at: timestamp(),
}));
export type TimeSlot = z.infer<ReturnType<typeof TimeSlotSchema>>;

/** Builds the calendar's two schemas (and zod's first-parse setup of each), for a task while their data is on its way. */
export const warmSchemas = () => [ServiceSchema(), TimeSlotSchema()].forEach((s) => s.safeParse({}));

export const CustomerSchema = /* @__PURE__ */ once(() => z.looseObject({
  id: z.optional(id()),
  name: optionalText(),
  email: optionalText(),
  phone: optionalText(),
  created_at: timestamp(),
  updated_at: timestamp(),
}));
export type Customer = z.infer<ReturnType<typeof CustomerSchema>>;

export const BookingStatusSchema = /* @__PURE__ */ once(() => z.enum(['pending', 'confirmed', 'cancelled']));
export type BookingStatus = z.infer<ReturnType<typeof BookingStatusSchema>>;

export const BookingSchema = /* @__PURE__ */ once(() => z.looseObject({
  id: id(),
  service_id: z.optional(id()),
  date: date(),
  time_slot_id: id(),
  status: z.optional(z.string()),
  cancel_reason: optionalText(),
  message: optionalText(),
  created_at: timestamp(),
  updated_at: timestamp(),
  customer: z.optional(z.nullable(CustomerSchema())),
  /** Set by our server proxy (with manage links on): the capability for the manage routes. */
  manage_token: z.optional(z.string()),
  /** The owner's manage page for this booking, when the proxy has a URL template. */
  manage_url: z.optional(z.string()),
}));
export type Booking = z.infer<ReturnType<typeof BookingSchema>>;

export const PaginationSchema = /* @__PURE__ */ once(() => z.looseObject({
  current_page: z.number(),
  total_pages: z.number(),
  total_count: z.number(),
  page_size: z.number(),
}));
export type Pagination = z.infer<ReturnType<typeof PaginationSchema>>;

export const ServiceListSchema = /* @__PURE__ */ once(() => z.looseObject({
  services: z.array(ServiceSchema()),
  pagination: PaginationSchema(),
}));
export const TimeSlotListSchema = /* @__PURE__ */ once(() => z.looseObject({
  time_slots: z.array(TimeSlotSchema()),
  pagination: z.optional(PaginationSchema()),
}));
export const BookingListSchema = /* @__PURE__ */ once(() => z.looseObject({
  bookings: z.array(BookingSchema()),
  pagination: PaginationSchema(),
}));
export type Page<K extends string, T> = { [key in K]: T[] } & { pagination: Pagination };

/** Availability, answered by our server proxy (never by the plain ReserveKit API). */
export const AvailabilityEntrySchema = /* @__PURE__ */ once(() => z.looseObject({
  time_slot_id: id(),
  date: date(),
  booked: count(),
  remaining: count(),
}));
export type AvailabilityEntry = z.infer<ReturnType<typeof AvailabilityEntrySchema>>;
/** A list whose items are checked apart, a few per task (`validateEach` in http.ts). */
export const anyList = /* @__PURE__ */ once(() => z.array(z.unknown()));
/** Availability with its entries unchecked: a year of a busy service has thousands (see `checkAvailability`). */
export const AvailabilityListSchema = /* @__PURE__ */ once(() => z.looseObject({
  from: date(),
  to: date(),
  availability: anyList(),
}));
export type Availability = Omit<z.infer<ReturnType<typeof AvailabilityListSchema>>, 'availability'> & { availability: AvailabilityEntry[] };

/**
 * What the proxy's manage routes answer: the booking (with a new `manage_token` after a
 * reschedule), its service and its time slot, so a manage page needs no other read to show it.
 */
export const ManagedBookingSchema = /* @__PURE__ */ once(() => z.looseObject({
  booking: BookingSchema(),
  service: ServiceSchema(),
  time_slot: TimeSlotSchema(),
}));
export type ManagedBooking = z.infer<ReturnType<typeof ManagedBookingSchema>>;

export const OkSchema = /* @__PURE__ */ once(() => z.unknown());

/** Request bodies (what we send). */
export interface TimeSlotInput {
  day_of_week: number;
  start_time: string;
  end_time: string;
  max_bookings: number;
}
export interface CreateServiceInput {
  name: string;
  description?: string;
  timezone: string;
  time_slots?: TimeSlotInput[];
}
export interface UpdateServiceInput {
  name?: string;
  description?: string;
  timezone?: string;
}
export interface CreateBookingInput {
  date: string;
  time_slot_id: number;
  customer_name?: string;
  customer_email?: string;
  customer_phone?: string;
  message?: string;
}
export interface UpdateBookingInput {
  date?: string;
  status?: BookingStatus;
  cancel_reason?: string;
  message?: string;
}
export interface RescheduleInput {
  /** Service-local `YYYY-MM-DD`, as a new booking posts it. */
  date: string;
  time_slot_id: number;
}
export interface UpdateCustomerInput {
  name?: string;
  email?: string;
  phone?: string;
}
