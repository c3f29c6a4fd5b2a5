/**
 * The mock ReserveKit API inside a page under test, created in that page's realm. Tests hand its
 * `fetch` to the widget (as test/booking/setup.ts does): an msw service worker is shared by every
 * page of the parallel test run, and one page's worker start or close can strand another's requests.
 */
import { createMockApi, type MockApi } from '../../src/mock/index';

declare global {
  interface Window {
    mock?: { api: MockApi };
  }
}

window.mock = { api: createMockApi() };
