import { IANAZone } from 'luxon';
import { DAY, MINUTE, isoDate } from './dates.js';

/** A local day's offset in minutes, or the one transition near it. */
type Day = number | { before: number; after: number; at: number };

/**
 * Wall clock <-> instant for one IANA zone, on top of luxon's zone offsets.
 *
 * A "local" number is a wall time written as if it were UTC (`Date.UTC(y, m, d, h, mi, s)`), so
 * calendar arithmetic is plain addition. `IANAZone.offset` goes through `Intl`, too dear to ask
 * per occurrence, so offsets are resolved once per local day and kept for the session
 * (one shared instance per zone: zone rules do not change while a page is open).
 */
export class WallClock {
  static readonly #shared = new Map<string, WallClock>();

  static for(name: string): WallClock {
    let clock = WallClock.#shared.get(name);
    if (!clock) {
      const zone = IANAZone.create(name);
      if (!zone.isValid) throw new RangeError(`Unknown time zone "${name}"`);
      WallClock.#shared.set(name, (clock = new WallClock(zone)));
    }
    return clock;
  }

  readonly #days = new Map<number, Day>();
  readonly #offsets = new Map<number, number>();

  readonly #zone: IANAZone;

  private constructor(zone: IANAZone) {
    this.#zone = zone;
  }

  /** The IANA name, as given. */
  get name(): string {
    return this.#zone.name;
  }

  /**
   * Instant of a local wall time. Ambiguous (fall-back) times take the earlier offset, i.e. the
   * first instant; times in a spring-forward gap keep the pre-transition offset, which moves them
   * forward by the gap, as luxon does. luxon's `DateTime.fromObject` is not used for this: for an
   * ambiguous time it keeps whichever offset the zone has at the machine's real current time, so
   * the same slot would land an hour apart depending on the season the page is opened in.
   */
  toInstant(local: number): number {
    const day = Math.floor(local / DAY) * DAY;
    const info = this.#days.get(day) ?? this.#day(day);
    if (typeof info === 'number') return local - info * MINUTE;
    const early = local - info.before * MINUTE;
    const late = local - info.after * MINUTE;
    // `early` is valid before the transition, `late` from it on; neither: a gap.
    return early < info.at || late < info.at ? early : late;
  }

  /** ISO 8601 of an instant with this zone's offset, as luxon's `toISO()` writes it: `2026-06-01T21:00:00.000-04:00`. */
  iso(ms: number): string {
    return new Date(ms + this.#zone.offset(ms) * MINUTE).toISOString().slice(0, 23) + this.#zone.formatOffset(ms, 'short');
  }

  /** Wall-clock date of an instant. */
  dateOf(ms: number): string {
    return isoDate(ms + this.#zone.offset(ms) * MINUTE);
  }

  #day(day: number): Day {
    // Every instant a wall time of this day maps to lies within a day either side (offsets stay
    // within -12h..+14h). Real zones never change offset twice within three days, so equal
    // offsets at both ends mean none in between, and unequal ones bracket a single transition.
    let lo = day - DAY;
    let hi = day + 2 * DAY;
    const before = this.#offset(lo);
    const after = this.#offset(hi);
    let info: Day = before;
    if (before !== after) {
      // Transitions fall on whole seconds: bisect to one.
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.#zone.offset(mid) === before) lo = mid;
        else hi = mid;
      }
      info = { before, after, at: hi };
    }
    this.#days.set(day, info);
    return info;
  }

  /** Day-aligned probes are shared by neighbouring days. */
  #offset(ms: number): number {
    let offset = this.#offsets.get(ms);
    if (offset === undefined) this.#offsets.set(ms, (offset = this.#zone.offset(ms)));
    return offset;
  }
}
