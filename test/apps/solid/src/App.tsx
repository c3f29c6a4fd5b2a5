import { createSignal, For } from 'solid-js';
import 'reservekit-booking';
import 'reservekit-booking/manage';
import type {} from 'reservekit-booking/types/solid';
import { mockApi } from './mock';
import { typed } from './typed';

const api = mockApi();

export function App() {
  const [log, setLog] = createSignal<string[]>([]);
  const add = (line: string) => setLog((lines) => [...lines, line]);
  return (
    <>
      <reservekit-booking
        service-id="1"
        daysAhead={30}
        fetch={api.fetch}
        on:rk-ready={(e) => add(`ready ${typed(e.detail).service.name}`)}
        on:rk-booked={(e) => add(`booked ${typed(e.detail).bookingId}`)}
      />
      {/* @ts-expect-error rk-error's detail has no such field */}
      <reservekit-booking service-id="1" on:rk-error={(e) => e.detail.notAField} />
      <reservekit-booking service-ids="3,1" on:rk-service-select={(e) => add(`service ${typed(e.detail).serviceId}`)} />
      <reservekit-booking-manage
        token="t"
        apiBase="/api/booking"
        fetch={api.fetch}
        on:rk-cancelled={(e) => add(`cancelled ${typed(e.detail).reason}`)}
        on:rk-rescheduled={(e) => add(`rescheduled ${typed(e.detail).manageToken}`)}
      />
      {/* @ts-expect-error rk-updated's detail has no such field */}
      <reservekit-booking-manage token="t" on:rk-updated={(e) => e.detail.notAField} />
      {/* @ts-expect-error the token is a string */}
      <reservekit-booking-manage token={42} />
      <ol>
        <For each={log()}>{(line) => <li>{line}</li>}</For>
      </ol>
    </>
  );
}
