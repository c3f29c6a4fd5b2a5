export { DEFAULT_API_BASE, ReserveKitClient, type ClientOptions, type RequestOptions } from './client.js';
export { PROXY_HEADER, servesAvailability } from './widget-calls.js';
export { ReserveKitError, isReserveKitError, type ReserveKitErrorCode, type ReserveKitErrorInit } from './errors.js';
export type {
  Availability,
  AvailabilityEntry,
  Booking,
  BookingStatus,
  CreateBookingInput,
  CreateServiceInput,
  Customer,
  ManagedBooking,
  Page,
  Pagination,
  RescheduleInput,
  Service,
  TimeSlot,
  TimeSlotInput,
  UpdateBookingInput,
  UpdateCustomerInput,
  UpdateServiceInput,
} from './schemas.js';
