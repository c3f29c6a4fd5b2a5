import { useState } from 'react';
import 'reservekit-booking';
import 'reservekit-booking/manage';
import type {} from 'reservekit-booking/types/react';
import { mockApi } from './mock';
import { typed } from './typed';

const api = mockApi();

/** React 19 alone: the plain tag, properties and `onrk-*` handlers set by React itself. */
export function Raw() {
  const [log, setLog] = useState<string[]>([]);
  const add = (line: string) => setLog((lines) => [...lines, line]);
  return (
    <section>
      <reservekit-booking
        id="raw"
        service-id="1"
        days-ahead={30}
        fetch={api.fetch}
        strings={{ book: 'Book it' }}
        onrk-ready={(e) => add(`ready ${typed(e.detail).service.name}`)}
        onrk-date-select={(e) => add(`date ${typed(e.detail).date}`)}
        onrk-slot-select={(e) => add(`slot ${typed(e.detail).timeSlotId}`)}
        onrk-booked={(e) => add(`booked ${typed(e.detail).bookingId}`)}
        onrk-error={(e) => add(`error ${typed(e.detail).code}`)}
      />
      {/* @ts-expect-error rk-error's detail has no such field */}
      <reservekit-booking service-id="1" hidden onrk-error={(e) => e.detail.notAField} />
      <ol id="raw-log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  );
}

/** Compiled, never rendered: React 19's typed JSX for the manage page and the service list. */
export function RawTypesOnly() {
  return (
    <>
      <reservekit-booking-button floating service-ids="3,1" onrk-service-select={(e) => typed(e.detail).serviceId} />
      <reservekit-booking service-ids="3,1" onrk-service-select={(e) => typed(e.detail).serviceId.toFixed()} />
      <reservekit-booking-manage token="t" api-base="/api/booking" locale="de" fetch={api.fetch} onrk-cancelled={(e) => typed(e.detail).reason} onrk-updated={(e) => typed(e.detail).bookingId} />
      {/* @ts-expect-error rk-rescheduled's detail has no such field */}
      <reservekit-booking-manage token="t" onrk-rescheduled={(e) => e.detail.notAField} />
      {/* @ts-expect-error the manage page has no serviceId (hyphenated names are never checked in JSX) */}
      <reservekit-booking-manage serviceId="1" />
      {/* @ts-expect-error days-ahead is a number */}
      <reservekit-booking-manage days-ahead="soon" />
    </>
  );
}
