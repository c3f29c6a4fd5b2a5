import { createMockApi, seedConsultation } from 'reservekit-booking/mock';

/**
 * The packaged mock API, answering in the page: the widget gets its `fetch`. It stands in for
 * the proxy's manage links too, so a booking's `rk-booked` carries a token the manage page takes.
 */
export function mockApi() {
  const api = createMockApi({ latencyMs: 20, manage: { secret: 'the secret of the test apps, 32 bytes or more' } });
  seedConsultation(api, { id: 1 });
  return api;
}
