/**
 * The scenario panel's stories. Each starts from fresh data (the page remounts the widget
 * afterwards, so every scenario is a fresh visit) and turns the mock API's knobs to stage one
 * real-world problem. `hint` is the one line a salesperson reads out: what to click, what to see.
 */
import type { Occurrence } from '../src/schedule';
import { bookOthers, type DemoBackend } from './mock';

export type ScenarioId = 'normal' | 'filling' | 'duplicate' | 'rate-limit' | 'slow' | 'outage' | 'server-error';

export interface ScenarioContext {
  backend: DemoBackend;
  /** The day the widget offers first, in the viewer's zone, after the reset. */
  day: Occurrence[];
  /** Formats an occurrence's start for a hint, in the viewer's zone. */
  when(o: Occurrence, withTime?: boolean): string;
  /** Prefilled customer, the same every visit. */
  customer: { name: string; email: string };
  log(text: string, kind?: 'info' | 'warn'): void;
  /**
   * Listens to the widget's rk-* events for as long as this scenario runs. They are composed
   * and bubble, so the page hears them from the inline widget and from the popup's alike.
   */
  on<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => void): void;
}

export interface ActiveScenario {
  hint: string;
  /** Extra action shown next to the hint (e.g. ending an outage). */
  action?: { label: string; run(): void };
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  summary: string;
  start(ctx: ScenarioContext): ActiveScenario;
}

const pickable = (ctx: ScenarioContext) => ctx.day.filter((o) => o.slot.max_bookings > 1)[0] ?? ctx.day[0];

export const SCENARIOS: Scenario[] = [
  {
    id: 'normal',
    title: 'Normal day',
    summary: 'Everything works.',
    start: (ctx) => ({
      hint: ctx.day.length
        ? `Pick ${ctx.when(ctx.day[0])}, choose a time and press Book: the details are already filled in.`
        : 'Pick a day, choose a time and press Book.',
    }),
  },
  {
    id: 'filling',
    title: 'Last place goes',
    summary: 'A time fills up while the visitor decides.',
    start(ctx) {
      const { api } = ctx.backend;
      if (!ctx.day.length) return { hint: 'No time to book in the next weeks.' };
      // Every time on the first day is down to its last place...
      for (const o of ctx.day) bookOthers(api, api.store.timeSlots.find((s) => s.id === o.slot.id)!, o.serviceDate, o.slot.max_bookings - 1, 'early');
      // ...and another visitor takes the one this visitor submits, a moment before them.
      let sniped = false;
      ctx.on('rk-before-submit', (e) => {
        if (sniped) return;
        const { payload } = e.detail;
        const slot = api.store.timeSlots.find((s) => s.id === payload.time_slot_id);
        if (!slot) return;
        sniped = true;
        bookOthers(api, slot, payload.date, slot.max_bookings, 'rival');
        ctx.log('Another visitor just took the last place at that time.', 'warn');
      });
      return { hint: `Every time on ${ctx.when(ctx.day[0])} has 1 place left. Pick one and press Book: someone else gets there first.` };
    },
  },
  {
    id: 'duplicate',
    title: 'Already booked',
    summary: 'The customer books the same time twice.',
    start(ctx) {
      const o = pickable(ctx);
      if (!o) return { hint: 'No time to book in the next weeks.' };
      ctx.backend.api.seedBooking({
        date: o.serviceDate,
        time_slot_id: o.slot.id,
        customer_name: ctx.customer.name,
        customer_email: ctx.customer.email,
        status: 'confirmed',
      });
      return { hint: `${ctx.customer.name} already booked ${ctx.when(o, true)}. Pick that time and press Book.` };
    },
  },
  {
    id: 'rate-limit',
    title: 'Rate limited',
    summary: 'The API answers 429 with Retry-After.',
    start(ctx) {
      const { api } = ctx.backend;
      api.setOptions({ rateLimit: { limit: 0, retryAfterSeconds: 10, methods: ['POST'] } });
      // The limit lifts after one refusal, so the attempt after the countdown shows the happy ending.
      ctx.on('rk-error', (e) => {
        if (e.detail.code === 'rate_limited') api.setOptions({ rateLimit: null });
      });
      return { hint: 'Press Book: the API says "too many requests, retry in 10 s". Watch the countdown, then press Book again.' };
    },
  },
  {
    id: 'slow',
    title: 'Slow network',
    summary: 'Every answer takes 2.5 seconds.',
    start(ctx) {
      ctx.backend.api.setOptions({ latencyMs: 2500 });
      return { hint: 'Watch the loading state, then book. Double-click Book if you like: only one booking is sent.' };
    },
  },
  {
    id: 'outage',
    title: 'Service outage',
    summary: 'The booking service cannot be reached.',
    start(ctx) {
      const { backend } = ctx;
      backend.api.failNext({ times: Infinity }, 'network');
      backend.down = true;
      let restored = false;
      return {
        hint: 'The widget retries quietly, then says it cannot reach the service and offers Retry. Restore the service, then press Retry.',
        action: {
          label: 'Restore service',
          run() {
            if (restored) return;
            restored = true;
            backend.reset(backend.zone);
            ctx.log('The booking service is back.');
          },
        },
      };
    },
  },
  {
    id: 'server-error',
    title: 'Server error',
    summary: 'The booking request fails with 503.',
    start(ctx) {
      ctx.backend.api.failNext({ method: 'POST', path: '/v1/bookings' }, { status: 503 });
      return { hint: 'Press Book: the server fails once. Nothing you typed is lost; press Retry and it goes through.' };
    },
  },
];

export const scenarioById = (id: string | null) => SCENARIOS.find((s) => s.id === id) ?? SCENARIOS[0];
