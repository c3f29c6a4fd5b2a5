/** The wall-clock part of a slot time. No zone and no luxon here, so the server proxy can use it. */

export interface Clock {
  hour: number;
  minute: number;
  second: number;
}

const CLOCK_RE = /(?:^|[T ])(\d{1,2}):(\d{2})(?::(\d{2}))?/;

/**
 * Clock part of a slot time: `"YYYY-MM-DD HH:MM:SS"`, ISO 8601 (`"2023-01-01T09:00:00Z"`,
 * `"...+02:00"`) or a bare `"HH:MM[:SS]"`. The digits are taken as written and any offset is
 * ignored: the date part is a placeholder and the time is a wall-clock time in the service's
 * zone, so an offset (often a serializer's `Z`) would only shift it away from what the owner set.
 */
export function parseClock(value: string): Clock {
  const m = CLOCK_RE.exec(value.trim());
  const clock = { hour: Number(m?.[1]), minute: Number(m?.[2]), second: Number(m?.[3] ?? 0) };
  if (!(clock.minute < 60 && clock.second < 60 && seconds(clock) <= 86_400)) {
    throw new RangeError(`Invalid slot time "${value}"`);
  }
  return clock;
}

/** Seconds after midnight. */
export const seconds = (c: Clock): number => c.hour * 3600 + c.minute * 60 + c.second;
