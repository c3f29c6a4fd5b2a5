/** Ready-made data for the demo page and tests. */
import type { TimeSlotInput } from '../api/schemas.js';
import type { MockApi } from './index.js';
import type { MockService, MockTimeSlot } from './store.js';

const MORNING = [9, 10, 11];
const AFTERNOON = [13, 14, 15, 16];

function clock(hour: number): string {
  // The date part is a placeholder the API ignores; the seeds use 2023-01-01.
  return `2023-01-01 ${String(hour).padStart(2, '0')}:00:00`;
}

/**
 * A weekday office schedule in one-hour slots, Monday to Friday, lunch 12-13 off: mornings are
 * one-to-one (max_bookings 1), afternoons take two. Ordered day by day, then by time, so slot
 * ids are predictable: on a fresh store Monday 09:00 is id 1, Monday 16:00 is 7, Tuesday 09:00 is 8.
 */
export function consultationTimeSlots(): TimeSlotInput[] {
  const slots: TimeSlotInput[] = [];
  for (let day = 1; day <= 5; day++) {
    for (const hour of [...MORNING, ...AFTERNOON]) {
      slots.push({
        day_of_week: day,
        start_time: clock(hour),
        end_time: clock(hour + 1),
        max_bookings: MORNING.includes(hour) ? 1 : 2,
      });
    }
  }
  return slots;
}

/** Seeds the "Consultation" service (America/New_York) with consultationTimeSlots(). */
export function seedConsultation(
  api: MockApi,
  options: { id?: number; timezone?: string } = {},
): { service: MockService; slots: MockTimeSlot[] } {
  return api.seedService({
    id: options.id,
    name: 'Consultation',
    description: 'One-hour consultation with one of our advisers',
    timezone: options.timezone ?? 'America/New_York',
    time_slots: consultationTimeSlots(),
  });
}
