/**
 * zod/mini schemas for every ReserveKit resource. Schemas only the full client uses are marked
 * pure, so bundles that need just the widget's calls drop them; the widget's own are `z.lazy`, so
 * each is built on its first parse, not while a page evaluates the script. API data is parsed
 * here, at the boundary, and trusted everywhere else. Unknown extra fields are allowed (servers add fields over time);
 * missing or mistyped required fields are a `bad_response`.
 */
import * as z from 'zod/mini';
import { DATE_RE } from '../schedule/dates.js';

// Integers are checked with multipleOf(1): z.int() would pull zod's number formats into the bundle.
const int = z.multipleOf(1);

/**
 * `"YYYY-MM-DD HH:MM:SS"` (the seeds) or an ISO 8601 / RFC 3339 string (some servers, the Go
 * SDK), with a clock that exists (`24:00` is the end of a day; `25:99` is refused here, at the
 * boundary, rather than dropping the slot later). The date part is a placeholder.
 */
export const SLOT_TIME_RE = /^\d{4}-\d{2}-\d{2}[ T](([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?|24:00(:00)?)(Z|[+-]\d{2}:?\d{2})?$/;

const id = z.number().check(int);
const timestamp = z.string();
const optionalText = z.optional(z.nullable(z.string()));

export const ServiceSchema = z.lazy(() => z.looseObject({
  id,
  name: z.string(),
  description: optionalText,
  timezone: z.string().check(z.regex(/\S/)),
  created_at: z.optional(timestamp),
  updated_at: z.optional(timestamp),
}));
export type Service = z.infer<typeof ServiceSchema>;

export const TimeSlotSchema = z.lazy(() => z.looseObject({
  id,
  service_id: z.optional(id),
  day_of_week: z.number().check(int, z.gte(0), z.lte(6)),
  start_time: z.string().check(z.regex(SLOT_TIME_RE)),
  end_time: z.string().check(z.regex(SLOT_TIME_RE)),
  max_bookings: z.number().check(int, z.gte(0)),
  created_at: z.optional(timestamp),
  updated_at: z.optional(timestamp),
}));
export type TimeSlot = z.infer<typeof TimeSlotSchema>;

/** zod builds a lazy schema on its first parse: this builds the calendar's two, for a task while their data is on its way. */
export const warmSchemas = () => [ServiceSchema, TimeSlotSchema].forEach((s) => s.safeParse({}));

export const CustomerSchema = z.lazy(() => z.looseObject({
  id: z.optional(id),
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  created_at: z.optional(timestamp),
  updated_at: z.optional(timestamp),
}));
export type Customer = z.infer<typeof CustomerSchema>;

export const BookingStatusSchema = /* @__PURE__ */ z.enum(['pending', 'confirmed', 'cancelled']);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;

export const BookingSchema = z.lazy(() => z.looseObject({
  id,
  service_id: z.optional(id),
  date: z.string().check(z.regex(DATE_RE)),
  time_slot_id: id,
  status: z.optional(z.string()),
  cancel_reason: optionalText,
  message: optionalText,
  created_at: z.optional(timestamp),
  updated_at: z.optional(timestamp),
  customer: z.optional(z.nullable(CustomerSchema)),
  /** Set by our server proxy (with manage links on): the capability for the manage routes. */
  manage_token: z.optional(z.string()),
  /** The owner's manage page for this booking, when the proxy has a URL template. */
  manage_url: z.optional(z.string()),
}));
export type Booking = z.infer<typeof BookingSchema>;

export const PaginationSchema = /* @__PURE__ */ z.looseObject({
  current_page: z.number(),
  total_pages: z.number(),
  total_count: z.number(),
  page_size: z.number(),
});
export type Pagination = z.infer<typeof PaginationSchema>;

export const ServiceListSchema = /* @__PURE__ */ z.looseObject({
  services: z.array(ServiceSchema),
  pagination: PaginationSchema,
});
export const TimeSlotListSchema = /* @__PURE__ */ z.looseObject({
  time_slots: z.array(TimeSlotSchema),
  pagination: z.optional(PaginationSchema),
});
export const BookingListSchema = /* @__PURE__ */ z.looseObject({
  bookings: z.array(BookingSchema),
  pagination: PaginationSchema,
});
export type Page<K extends string, T> = { [key in K]: T[] } & { pagination: Pagination };

/** Availability, answered by our server proxy (never by the plain ReserveKit API). */
export const AvailabilityEntrySchema = z.lazy(() => z.looseObject({
  time_slot_id: id,
  date: z.string().check(z.regex(DATE_RE)),
  booked: z.number().check(int, z.gte(0)),
  remaining: z.number().check(int, z.gte(0)),
}));
export type AvailabilityEntry = z.infer<typeof AvailabilityEntrySchema>;
export const AvailabilitySchema = z.lazy(() => z.looseObject({
  from: z.string().check(z.regex(DATE_RE)),
  to: z.string().check(z.regex(DATE_RE)),
  availability: z.array(AvailabilityEntrySchema),
}));
export type Availability = z.infer<typeof AvailabilitySchema>;

/**
 * What the proxy's manage routes answer: the booking (with a new `manage_token` after a
 * reschedule), its service and its time slot, so a manage page needs no other read to show it.
 */
export const ManagedBookingSchema = /* @__PURE__ */ z.looseObject({
  booking: BookingSchema,
  service: ServiceSchema,
  time_slot: TimeSlotSchema,
});
export type ManagedBooking = z.infer<typeof ManagedBookingSchema>;

export const OkSchema = /* @__PURE__ */ z.unknown();

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
