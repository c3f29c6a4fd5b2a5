import type { TimeSlot } from '../api/schemas.js';
import { parseClock, seconds, type Clock } from './clock.js';

const minutes = (c: Clock) => seconds(c) / 60;

/**
 * The length of a service's visits in minutes, when every weekly slot lasts the same (wall-clock
 * length: a DST change does not make a service "vary"); undefined when they differ, or there are none.
 */
export function serviceDuration(slots: readonly TimeSlot[]): number | undefined {
  let found: number | undefined;
  for (const slot of slots) {
    let length = minutes(parseClock(slot.end_time)) - minutes(parseClock(slot.start_time));
    if (length <= 0) length += 24 * 60; // ends the next day
    if (found !== undefined && length !== found) return undefined;
    found = length;
  }
  return found;
}
