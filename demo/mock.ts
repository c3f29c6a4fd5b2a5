/**
 * The demo's backend: the package's mock API running in a service worker, seeded with two
 * services and a believable amount of existing bookings. The widget talks to it in proxy mode
 * (`api-base="/demo-api"`), which is how a site runs it in production, and the mock stands in for
 * the proxy's manage links and availability, so the widget shows places left.
 */
import type { SetupWorker } from 'msw/browser';
import { DateTime } from 'luxon';
import { activeBookings, createMockApi, seedConsultation, type MockApi, type MockTimeSlot } from '../src/mock';
import { startMockWorker } from '../src/mock/browser';
import { occurrencesBetween, type Occurrence } from '../src/schedule';

export const API_BASE = '/demo-api';
/** Minimum notice the demo widget is configured with (minutes). */
export const MIN_NOTICE = 60;
export const DAYS_AHEAD = 60;

export interface DemoService {
  id: number;
  key: string;
  label: string;
}

export const SERVICES: DemoService[] = [
  { id: 1, key: 'consultation', label: 'Consultation: one-to-one, New York' },
  { id: 2, key: 'yoga', label: 'Yoga class: groups of 12, Berlin' },
];
/** The `service` setting that leaves out service-id: the visitor chooses from the list first. */
export const ALL_SERVICES = { key: 'all', label: 'Both, from a list (no service-id)' };

/**
 * Manage links as the proxy issues them. The demo's store lives in this page (a reload starts
 * afresh), so the link is a fragment of this page: following it opens the manage step in place.
 */
const MANAGE = { secret: 'demo only: this secret signs manage links offline', url: '#manage={token}' };

const clock = (hour: number, minute = 0) => `2023-01-01 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;

/** Both services, then existing bookings from other customers so the calendar looks lived in. */
export function seed(api: MockApi, viewerZone?: string, now = new Date()): void {
  seedConsultation(api, { id: 1 });
  const yoga = [
    ...[1, 3, 5].map((day) => ({ day_of_week: day, start_time: clock(7), end_time: clock(8), max_bookings: 12 })),
    ...[1, 2, 3, 4].map((day) => ({ day_of_week: day, start_time: clock(18, 30), end_time: clock(19, 45), max_bookings: 12 })),
    { day_of_week: 6, start_time: clock(10), end_time: clock(11, 30), max_bookings: 12 },
  ];
  api.seedService({
    id: 2,
    name: 'Sunrise & Sunset Yoga',
    description: 'Small-group classes in our Kreuzberg studio, all levels welcome',
    timezone: 'Europe/Berlin',
    time_slots: yoga,
  });
  seedBackground(api, now, viewerZone);
}

/** A stable pseudo-random number in [0, 1) for a key, so a reload shows the same calendar. */
function hash(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

const PEOPLE = ['Jordan Lee', 'Priya Nair', 'Mateo García', 'Hana Sato', 'Lena Fischer', 'Omar Haddad', 'Chloé Martin', 'Sam Okafor'];

function bookOthers(api: MockApi, slot: MockTimeSlot, date: string, count: number, tag = 'guest'): void {
  const taken = activeBookings(api.store, slot.id, date).length;
  for (let i = 0; i < count && taken + i < slot.max_bookings; i++) {
    const name = PEOPLE[(slot.id + i + date.length) % PEOPLE.length];
    api.seedBooking({
      date,
      time_slot_id: slot.id,
      customer_name: name,
      customer_email: `${tag}-${slot.id}-${date}-${i}@example.com`,
      status: 'confirmed',
    });
  }
}

/**
 * Other customers' bookings over the next two months. The first day a visitor sees is left
 * untouched so that the scenarios below decide exactly what it shows.
 */
function seedBackground(api: MockApi, now: Date, viewerZone?: string): void {
  for (const service of api.store.services) {
    const keep = new Set(featuredDay(api, service.id, service.timezone, now, viewerZone).map((o) => o.key));
    const start = DateTime.fromJSDate(now, { zone: service.timezone }).startOf('day');
    for (let d = 0; d <= DAYS_AHEAD + 1; d++) {
      const day = start.plus({ days: d });
      const date = day.toISODate()!;
      for (const slot of api.store.timeSlots) {
        if (slot.service_id !== service.id || slot.day_of_week !== day.weekday % 7) continue;
        if (keep.has(`${slot.id}@${date}`)) continue;
        const r = hash(`${slot.id}@${date}`);
        // Sooner days are busier, as in real life.
        const busy = r * (1 - d / (DAYS_AHEAD * 2));
        bookOthers(api, slot, date, Math.round(busy * slot.max_bookings * 1.3));
      }
    }
  }
}

/**
 * What the widget will offer first: the first viewer-local day with at least three times (or
 * the first day at all). The scenarios prepare this day and their hints name it.
 */
export function featuredDay(api: MockApi, serviceId: number, serviceZone: string, now = new Date(), viewerZone = serviceZone): Occurrence[] {
  const slots = api.store.timeSlots.filter((s) => s.service_id === serviceId);
  const from = DateTime.fromJSDate(now, { zone: viewerZone });
  const list = occurrencesBetween(
    { slots, serviceZone, viewerZone, now, minNoticeMinutes: MIN_NOTICE, daysAhead: DAYS_AHEAD },
    from.toISODate()!,
    from.plus({ days: 21 }).toISODate()!,
  );
  const byDay = new Map<string, Occurrence[]>();
  for (const o of list) (byDay.get(o.viewerDate) ?? byDay.set(o.viewerDate, []).get(o.viewerDate)!).push(o);
  const days = [...byDay.values()];
  return days.find((d) => d.length >= 3) ?? days[0] ?? [];
}

export { bookOthers };

export interface DemoBackend {
  api: MockApi;
  worker: SetupWorker;
  /** Empties the store, clears every knob and injected failure, and seeds again for a viewer zone. */
  reset(viewerZone?: string): void;
  /** True while the outage scenario runs (every request fails), for the request log. */
  down: boolean;
  /** The viewer zone the data was last seeded for. */
  zone?: string;
}

export async function startBackend(): Promise<DemoBackend> {
  const api = createMockApi({ apiBase: API_BASE, manage: MANAGE });
  seed(api);
  const backend: DemoBackend = {
    api,
    worker: undefined as unknown as SetupWorker,
    down: false,
    reset(viewerZone) {
      api.reset();
      api.setOptions({ latencyMs: 0, rateLimit: null });
      backend.down = false;
      backend.zone = viewerZone;
      seed(api, viewerZone);
    },
  };
  backend.worker = await startMockWorker(api);
  return backend;
}
