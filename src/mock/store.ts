/**
 * The mock API's in-memory data. Plain arrays so tests can inspect (and, when a scenario needs
 * it, tweak) state directly. Ids count up from 1 per resource so tests can predict them.
 * Types are aliases, not interfaces, so they stay assignable to the loose zod types in src/api.
 */
import type { BookingStatus, TimeSlotInput } from '../api/schemas.js';

export type MockService = {
  id: number;
  name: string;
  description: string;
  timezone: string;
  created_at: string;
  updated_at: string;
};

export type MockTimeSlot = {
  id: number;
  service_id: number;
  day_of_week: number;
  start_time: string;
  end_time: string;
  max_bookings: number;
  created_at: string;
  updated_at: string;
};

export type MockCustomer = {
  id: number;
  name: string;
  email: string;
  phone: string;
  created_at: string;
  updated_at: string;
};

export type MockBooking = {
  id: number;
  service_id: number;
  date: string;
  time_slot_id: number;
  status: BookingStatus;
  cancel_reason?: string;
  message?: string;
  created_at: string;
  updated_at: string;
  customer: MockCustomer;
};

export type MockStore = {
  services: MockService[];
  timeSlots: MockTimeSlot[];
  bookings: MockBooking[];
  /** The id the next created record of each kind gets. */
  nextIds: { service: number; timeSlot: number; booking: number; customer: number };
};

export function createStore(): MockStore {
  return { services: [], timeSlots: [], bookings: [], nextIds: freshIds() };
}

function freshIds(): MockStore['nextIds'] {
  return { service: 1, timeSlot: 1, booking: 1, customer: 1 };
}

/** Empties the store in place, so references held by tests stay live. */
export function clearStore(store: MockStore): void {
  store.services.length = 0;
  store.timeSlots.length = 0;
  store.bookings.length = 0;
  store.nextIds = freshIds();
}

/** ISO 8601 UTC without milliseconds, as the seeds show. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type IdKind = keyof MockStore['nextIds'];

function takeId(store: MockStore, kind: IdKind, wanted: number | undefined, taken: (id: number) => boolean): number {
  if (wanted === undefined) {
    // Skip ids a caller claimed explicitly earlier.
    while (taken(store.nextIds[kind])) store.nextIds[kind]++;
    return store.nextIds[kind]++;
  }
  if (!Number.isInteger(wanted) || wanted < 1) throw new Error(`mock store: invalid ${kind} id ${wanted}`);
  if (taken(wanted)) throw new Error(`mock store: ${kind} id ${wanted} already exists`);
  store.nextIds[kind] = Math.max(store.nextIds[kind], wanted + 1);
  return wanted;
}

export function insertService(
  store: MockStore,
  input: { name: string; description?: string; timezone: string; id?: number },
  at: string,
): MockService {
  const id = takeId(store, 'service', input.id, (n) => store.services.some((s) => s.id === n));
  const service: MockService = {
    id,
    name: input.name,
    description: input.description ?? '',
    timezone: input.timezone,
    created_at: at,
    updated_at: at,
  };
  store.services.push(service);
  return service;
}

export function insertTimeSlot(
  store: MockStore,
  serviceId: number,
  input: TimeSlotInput & { id?: number },
  at: string,
): MockTimeSlot {
  const id = takeId(store, 'timeSlot', input.id, (n) => store.timeSlots.some((s) => s.id === n));
  const slot: MockTimeSlot = {
    id,
    service_id: serviceId,
    day_of_week: input.day_of_week,
    start_time: input.start_time,
    end_time: input.end_time,
    max_bookings: input.max_bookings,
    created_at: at,
    updated_at: at,
  };
  store.timeSlots.push(slot);
  return slot;
}

export type BookingRecordInput = {
  id?: number;
  date: string;
  status?: BookingStatus;
  cancel_reason?: string;
  message?: string;
  customer_name?: string;
  customer_email?: string;
  customer_phone?: string;
};

export function insertBooking(store: MockStore, slot: MockTimeSlot, input: BookingRecordInput, at: string): MockBooking {
  const id = takeId(store, 'booking', input.id, (n) => store.bookings.some((b) => b.id === n));
  const customerId = takeId(store, 'customer', undefined, () => false);
  const booking: MockBooking = {
    id,
    service_id: slot.service_id,
    date: input.date,
    time_slot_id: slot.id,
    status: input.status ?? 'pending',
    ...(input.cancel_reason === undefined ? {} : { cancel_reason: input.cancel_reason }),
    ...(input.message === undefined ? {} : { message: input.message }),
    created_at: at,
    updated_at: at,
    customer: {
      id: customerId,
      name: input.customer_name ?? '',
      email: input.customer_email ?? '',
      phone: input.customer_phone ?? '',
      created_at: at,
      updated_at: at,
    },
  };
  store.bookings.push(booking);
  return booking;
}

export function deleteService(store: MockStore, serviceId: number): void {
  // Cascade, as the API does: a service takes its slots and bookings with it.
  removeWhere(store.services, (s) => s.id === serviceId);
  removeWhere(store.timeSlots, (s) => s.service_id === serviceId);
  removeWhere(store.bookings, (b) => b.service_id === serviceId);
}

export function removeWhere<T>(list: T[], predicate: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) list.splice(i, 1);
}
