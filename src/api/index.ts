export { DEFAULT_API_BASE, ReserveKitClient, type ClientOptions, type RequestOptions } from './client.js';
export { ReserveKitError, isReserveKitError, type ReserveKitErrorCode, type ReserveKitErrorInit } from './errors.js';
export type {
  Availability,
  AvailabilityEntry,
  Booking,
  BookingStatus,
  CreateBookingInput,
  CreateServiceInput,
  Customer,
  Page,
  Pagination,
  Service,
  TimeSlot,
  TimeSlotInput,
  UpdateBookingInput,
  UpdateCustomerInput,
  UpdateServiceInput,
} from './schemas.js';
