import { createMockApi, seedConsultation } from 'reservekit-booking/mock';

/** The packaged mock API, answering in the page: the widget gets its `fetch`. */
export function mockApi() {
  const api = createMockApi({ latencyMs: 20 });
  seedConsultation(api, { id: 1 });
  return api;
}
