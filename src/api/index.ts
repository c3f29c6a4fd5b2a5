export { DEFAULT_API_BASE, ReserveKitClient, type ClientOptions, type RequestOptions } from './client';
export { PROXY_HEADER, servesAvailability } from './widget-calls';
export { ReserveKitError, isReserveKitError, type ReserveKitErrorCode, type ReserveKitErrorInit } from './errors';
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
} from './schemas';
