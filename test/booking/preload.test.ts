/**
 * The documented preload snippet (scripts/embed-snippet.mjs, printed by the build): Chromium
 * hands the element's own GETs the preloaded answers, so the page pays no second request.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { createMockApi } from '../../src/mock/index';
import { startMockWorker } from '../../src/mock/browser';
import '../../src/components/booking/reservekit-booking';
import { preloadLinks } from '../../scripts/embed-snippet.mjs';
import { NOW } from './setup';

const BASE = '/rk-preload-test';
const api = createMockApi({ apiBase: `${location.origin}${BASE}` });

describe('preloaded startup requests', () => {
  let worker: SetupWorker;
  let links: HTMLLinkElement[] = [];
  before(async () => {
    worker = await startMockWorker(api);
  });
  after(() => worker.stop());
  beforeEach(() => {
    api.reset();
    api.seedService({ id: 7, name: 'Consultation', timezone: 'America/New_York', time_slots: [{ day_of_week: 3, start_time: '2023-01-01 10:00:00', end_time: '2023-01-01 11:00:00', max_bookings: 1 }] });
  });
  afterEach(() => links.forEach((l) => l.remove()));

  /** Adds the links the snippet prints (or a variant of them) to the head, as a page's markup would. */
  function preload(edit: (tag: string) => string = (tag) => tag) {
    const holder = document.createElement('div');
    holder.innerHTML = preloadLinks(BASE, 7).map(edit).join('');
    links = [...holder.querySelectorAll('link')];
    document.head.append(...links);
  }

  async function mountAndCount() {
    const el = await fixture(html`<reservekit-booking service-id="7" api-base=${BASE} locale="en-US" .now=${() => NOW}></reservekit-booking>`);
    await oneEvent(el, 'rk-ready');
    const gets = (path: string) => api.requests.filter((r) => r.method === 'GET' && r.url.pathname === `${BASE}${path}`).length;
    return { service: gets('/v1/services/7'), slots: gets('/v1/services/7/time-slots'), el };
  }

  it('with the preload links present, the element makes no second request', async () => {
    preload();
    const { service, slots, el } = await mountAndCount();
    expect({ service, slots }).to.deep.equal({ service: 1, slots: 1 });
    expect(el.shadowRoot!.querySelector('[role=grid]')).to.exist;
  });

  it('a preload that does not match (no crossorigin: no-cors mode) is fetched twice, which is what the snippet avoids', async () => {
    preload((tag) => tag.replace(' crossorigin', ''));
    const { service, slots } = await mountAndCount();
    expect({ service, slots }).to.deep.equal({ service: 2, slots: 2 });
  });
});
