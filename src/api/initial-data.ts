/**
 * Data a server-rendered page hands the element inline, so the calendar needs no API round trip:
 *
 *   <reservekit-booking service-id="42" api-base="/api/booking">
 *     <script type="application/json">{"service": {...}, "time_slots": [...]}</script>
 *   </reservekit-booking>
 *
 * `service` and `time_slots` are the `data` of `GET /v1/services/{id}` and
 * `GET /v1/services/{id}/time-slots`; `availability`, optional, is the `data` of the proxy's
 * `GET /v1/services/{id}/availability`. A JSON script is never run, so a strict
 * Content-Security-Policy allows it. It is checked like any API answer.
 */
import * as z from 'zod/mini';
import { checkAvailability, validate, validateEach } from './http.js';
import { AvailabilityListSchema, ServiceSchema, TimeSlotSchema, anyList, once, type Availability, type Service, type TimeSlot } from './schemas.js';
import { ReserveKitError } from './errors.js';

export interface InitialData {
  service: Service;
  slots: TimeSlot[];
  availability?: Availability;
}

/** The lists are checked item by item, a few at a time (`validateEach`): a heavy schedule has hundreds of slots. */
const InitialDataSchema = /* @__PURE__ */ once(() =>
  z.looseObject({ service: ServiceSchema(), time_slots: anyList(), availability: z.optional(AvailabilityListSchema()) }),
);

/** The validated data in `text`; rejects with a `bad_response` ReserveKitError when it is not JSON or not the right shape. */
export async function parseInitialData(text: string): Promise<InitialData> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ReserveKitError('bad_response', 'The inline data is not JSON', { cause });
  }
  const { service, time_slots, availability } = validate(InitialDataSchema(), json);
  return {
    service,
    slots: await validateEach(TimeSlotSchema(), time_slots, ['time_slots']),
    availability: availability && (await checkAvailability(availability, ['availability'])),
  };
}

/** The element's own child `<script type="application/json">`, if it has one. */
export const inlineScript = (host: Element) => host.querySelector(':scope > script[type="application/json"]');

/** The element's own child `<script type="application/json">`, parsed; undefined when it has none. */
export async function readInitialData(host: Element): Promise<InitialData | undefined> {
  const script = inlineScript(host);
  return script ? parseInitialData(script.textContent ?? '') : undefined;
}
