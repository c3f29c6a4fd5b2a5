import { useState } from 'react';
import { ReserveKitBooking, ReserveKitBookingButton, ReserveKitBookingManage } from 'reservekit-booking/react';
import type { BookedDetail } from 'reservekit-booking';
import { mockApi } from './mock';
import { typed } from './typed';

const api = mockApi();

/**
 * The @lit/react wrappers: `fetch` must arrive as a property, every `on…` prop must be called.
 * The booking's manage token opens the manage page, where the visitor cancels it.
 */
export function Wrapped() {
  const [log, setLog] = useState<string[]>([]);
  const [token, setToken] = useState<string | null>(null);
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
          setToken(detail.manageToken);
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
      {token && (
        <ReserveKitBookingManage
          id="wrapped-manage"
          token={token}
          fetch={api.fetch}
          strings={{ confirmCancel: 'Cancel it' }}
          onCancelled={(e) => add(`cancelled ${typed(e.detail).bookingId}`)}
          onRescheduled={(e) => add(`rescheduled ${typed(e.detail).previousBookingId}`)}
          onUpdated={(e) => add(`updated ${typed(e.detail).bookingId}`)}
          onError={(e) => add(`error ${typed(e.detail).code}`)}
        />
      )}
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

/** Compiled, never rendered: what the wrappers' props refuse and what their events carry. */
export function TypesOnly() {
  return (
    <>
      <ReserveKitBooking serviceIds="3,1" onServiceSelect={(e) => typed(e.detail).serviceId.toFixed()} />
      <ReserveKitBookingButton serviceIds="3,1" onServiceSelect={(e) => typed(e.detail).serviceId.toFixed()} />
      <ReserveKitBookingManage token="t" apiBase="/api/booking" locale="de" daysAhead={30} now={() => new Date()} onRescheduled={(e) => typed(e.detail).manageToken.length} />
      {/* @ts-expect-error rk-service-select's detail has no such field */}
      <ReserveKitBooking onServiceSelect={(e) => e.detail.notAField} />
      {/* @ts-expect-error the token is a string */}
      <ReserveKitBookingManage token={42} />
      {/* @ts-expect-error the manage page has no service-id */}
      <ReserveKitBookingManage serviceId="1" />
      {/* @ts-expect-error rk-cancelled's detail has no such field */}
      <ReserveKitBookingManage onCancelled={(e) => e.detail.notAField} />
      {/* @ts-expect-error the manage page fires no rk-booked */}
      <ReserveKitBookingManage onBooked={() => {}} />
    </>
  );
}
