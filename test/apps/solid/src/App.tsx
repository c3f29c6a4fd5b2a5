import { createSignal, For } from 'solid-js';
import 'reservekit-booking';
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
      <ol>
        <For each={log()}>{(line) => <li>{line}</li>}</For>
      </ol>
    </>
  );
}
