import { useState } from 'react';
import { ReserveKitBooking, ReserveKitBookingButton } from 'reservekit-booking/react';
import type { BookedDetail } from 'reservekit-booking';
import { mockApi } from './mock';
import { typed } from './typed';

const api = mockApi();

/** The @lit/react wrappers: `fetch` must arrive as a property, every `on…` prop must be called. */
export function Wrapped() {
  const [log, setLog] = useState<string[]>([]);
  const add = (line: string) => setLog((lines) => [...lines, line]);
  return (
    <section>
      <ReserveKitBooking
        id="wrapped"
        serviceId="1"
        daysAhead={30}
        fetch={api.fetch}
        strings={{ book: 'Book it' }}
        onReady={(e) => add(`ready ${typed(e.detail).service.name}`)}
        onDateSelect={(e) => add(`date ${typed(e.detail).date}`)}
        onSlotSelect={(e) => add(`slot ${typed(e.detail).timeSlotId}`)}
        onBeforeSubmit={(e) => add(`before-submit ${typed(e.detail).payload.date}`)}
        onBooked={(e) => {
          const detail: BookedDetail = typed(e.detail);
          add(`booked ${detail.bookingId}`);
        }}
        onError={(e) => add(`error ${typed(e.detail).code}`)}
      />
      <ReserveKitBookingButton
        id="popup"
        serviceId="1"
        fetch={api.fetch}
        ref={(button) => {
          // The wrapper forwards refs to the element.
          if (button) button.dataset.ref = 'set';
        }}
        onOpen={() => add('open')} onBooked={(e) => add(`popup booked ${typed(e.detail).bookingId}`)}>
        Book a call
      </ReserveKitBookingButton>
      {/* @ts-expect-error daysAhead is a number */}
      <ReserveKitBooking serviceId="1" daysAhead="soon" hidden />
      {/* @ts-expect-error rk-booked's detail has no such field */}
      <ReserveKitBooking serviceId="1" hidden onBooked={(e) => e.detail.notAField} />
      <ol id="wrapped-log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  );
}
