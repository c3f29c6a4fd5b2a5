import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';
import '../../src/components/booking/reservekit-booking';
import { accessibleName, BookingPage } from './page';
import { NOW, api } from './setup';

const slot = (day: number, start: string, end: string) => ({ day_of_week: day, start_time: `2023-01-01 ${start}:00`, end_time: `2023-01-01 ${end}:00`, max_bookings: 1 });

/** Three services: one of 30-minute visits, one whose visits differ, one of 90 minutes. */
function seedServices() {
  api.reset();
  api.setOptions({ latencyMs: 0, errorShape: 'string', rateLimit: null });
  api.seedService({ id: 1, name: 'Consultation', description: 'A first talk', timezone: 'America/New_York', time_slots: [slot(3, '14:00', '14:30'), slot(4, '09:00', '09:30')] });
  api.seedService({ id: 2, name: 'Workshop', description: 'Hands on', timezone: 'America/New_York', time_slots: [slot(3, '10:00', '11:00'), slot(4, '10:00', '12:00')] });
  api.seedService({ id: 3, name: 'Massage', timezone: 'America/New_York', time_slots: [slot(3, '16:00', '17:30')] });
}

async function mount(attrs: { serviceIds?: string } = {}) {
  const el = await fixture<ReserveKitBooking>(html`<reservekit-booking
    service-ids=${attrs.serviceIds ?? ''}
    timezone="America/New_York"
    locale="en-US"
    .now=${() => NOW}
    .fetch=${api.fetch}
    .clientOptions=${{ retries: 0, timeoutMs: 2000 }}
  ></reservekit-booking>`);
  return { el, page: new BookingPage(el) };
}

const listed = (page: BookingPage) => [...page.root.querySelectorAll('.service')].map(accessibleName);
const gets = (path: string) => api.requests.filter((r) => r.method === 'GET' && r.url.pathname === path);

describe('<reservekit-booking> without service-id: choosing a service', () => {
  beforeEach(seedServices);

  it('lists the services as buttons named by the service, with description and duration', async () => {
    const { el, page } = await mount();
    await page.find('heading', 'Choose a service');
    expect(listed(page)).to.deep.equal(['Consultation', 'Workshop', 'Massage']);
    await waitUntil(() => page.root.querySelector('[part~=service-duration]'), 'no duration shown');
    const about = (name: string) => page.root.getElementById(page.get('button', name).getAttribute('aria-describedby')!)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(about('Consultation')).to.match(/^A first talk Duration: 30\s?min$/);
    expect(about('Workshop'), 'slots of different lengths: no duration').to.equal('Hands on');
    expect(about('Massage')).to.match(/^Duration: 1\s?hr,? 30\s?min$/);
    await expect(el).to.be.accessible();
  });

  it('reads to a screen reader as a heading and a list of buttons, each named by its service and described', async () => {
    const { page } = await mount();
    await waitUntil(() => page.root.querySelector('[part~=service-duration]'));
    type Node = { role: string; name: string; description?: string; children?: Node[] };
    const lines: string[] = [];
    const walk = (n: Node) => {
      if (['heading', 'list', 'listitem', 'button'].includes(n.role)) lines.push(`${n.role}: ${n.name}${n.description ? ` — ${n.description}` : ''}`.trim());
      n.children?.forEach(walk);
    };
    walk((await a11ySnapshot({})) as unknown as Node);
    expect(lines[0]).to.equal('heading: Choose a service');
    const buttons = lines.filter((l) => l.startsWith('button:')).map((l) => l.replace(/\s+/g, ' '));
    expect(buttons).to.have.length(3);
    expect(buttons[0]).to.match(/^button: Consultation — A first talk Duration: 30\s?min$/);
    expect(buttons[1]).to.equal('button: Workshop — Hands on');
    expect(buttons[2]).to.match(/^button: Massage — Duration: 1\s?hr,? 30\s?min$/);
  });

  it('walks every page of the list', async () => {
    api.reset();
    for (let id = 1; id <= 130; id++) api.seedService({ id, name: `Service ${id}`, timezone: 'Europe/Berlin' });
    const { page } = await mount();
    await page.find('button', 'Service 130');
    expect(listed(page)).to.have.length(130);
    expect(gets('/v1/services').map((r) => r.url.searchParams.get('page'))).to.deep.equal(['1', '2']);
    // A long list is a catalogue: no per-service slot requests for durations.
    expect(api.requests.filter((r) => r.url.pathname.endsWith('/time-slots'))).to.have.length(0);
  });

  it('choosing one opens its calendar and says so; Back returns to the list with focus on it', async () => {
    const { el, page } = await mount();
    const chosen = oneEvent(el, 'rk-service-select');
    await page.click('button', 'Workshop');
    expect((await chosen).detail).to.deep.equal({ serviceId: 2 });
    await page.ready();
    expect(page.get('heading', 'Workshop')).to.exist;
    const back = page.get('button', /All services/);
    expect(page.root.activeElement, 'focus moves to Back, not lost with the list').to.equal(back);

    back.click();
    await page.find('heading', 'Choose a service');
    await el.updateComplete;
    expect(page.root.activeElement).to.equal(page.get('button', 'Workshop'));
    await page.click('button', 'Massage');
    await page.find('heading', 'Massage');
    await page.ready();
  });

  it('reuses the slots it read for the list: choosing asks only for the service', async () => {
    const { page } = await mount();
    await waitUntil(() => page.root.querySelector('[part~=service-duration]'));
    const before = gets('/v1/services/1/time-slots').length;
    await page.click('button', 'Consultation');
    await page.ready();
    expect(gets('/v1/services/1/time-slots')).to.have.length(before);
    expect(gets('/v1/services/1')).to.have.length(1);
  });

  it("a page's inline data serves the service it is for; choosing another fetches it, with no console warning about service-id", async () => {
    const body = async (path: string) => (await (await api.fetch(`https://api.reservekit.io${path}`)).json()).data;
    const inline = { service: await body('/v1/services/1'), time_slots: await body('/v1/services/1/time-slots') };
    const before = api.requests.length;
    const asked = () => api.requests.slice(before).map((r) => r.url.pathname);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      holder.innerHTML = `<reservekit-booking timezone="America/New_York" locale="en-US"><script type="application/json">${JSON.stringify(inline)}</script></reservekit-booking>`;
      const el = holder.firstElementChild as ReserveKitBooking;
      Object.assign(el, { now: () => NOW, fetch: api.fetch, clientOptions: { retries: 0, timeoutMs: 2000 } });
      const page = new BookingPage(el);
      await page.click('button', 'Workshop');
      await page.ready();
      expect(page.get('heading', 'Workshop')).to.exist;
      expect(asked()).to.include('/v1/services/2');
      page.get('button', /All services/).click();
      await page.click('button', 'Consultation');
      await page.ready();
      expect(asked(), 'the inline data served it').not.to.include('/v1/services/1');
      expect(warnings.filter((w) => w.includes('service-id'))).to.deep.equal([]);
    } finally {
      console.warn = original;
    }
  });

  it('a service-id the page sets overrides the visitor\'s pick: clearing it again shows the list, not the old pick', async () => {
    const { el, page } = await mount();
    await page.click('button', 'Workshop');
    await page.ready();
    el.serviceId = '3';
    await page.find('heading', 'Massage');
    el.serviceId = '';
    await page.find('heading', 'Choose a service');
    expect(listed(page)).to.deep.equal(['Consultation', 'Workshop', 'Massage']);
  });

  it('service-ids narrows and orders the list', async () => {
    const { page } = await mount({ serviceIds: '3, 1' });
    await page.find('heading', 'Choose a service');
    expect(listed(page)).to.deep.equal(['Massage', 'Consultation']);
  });

  it('one service means no list: straight to its calendar, no Back', async () => {
    const one = await mount({ serviceIds: '2' });
    await one.page.ready();
    expect(one.page.get('heading', 'Workshop')).to.exist;
    expect(gets('/v1/services'), 'one id needs no list').to.have.length(0);
    expect(one.page.query('button', /All services/)).to.equal(undefined);

    api.reset();
    api.seedService({ id: 9, name: 'Only one', timezone: 'Europe/Berlin', time_slots: [slot(3, '10:00', '11:00')] });
    const only = await mount();
    await only.page.ready();
    expect(only.page.get('heading', 'Only one')).to.exist;
    expect(only.page.query('button', /All services/)).to.equal(undefined);
  });

  it('Up, Down, Home and End move between the services', async () => {
    const { page } = await mount();
    (await page.find('button', 'Consultation')).focus();
    const focused = () => accessibleName(page.root.activeElement!);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('Workshop');
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal('Massage');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(), 'stops at the last').to.equal('Massage');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal('Workshop');
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal('Consultation');
    await sendKeys({ press: 'Enter' });
    await page.ready();
    expect(page.get('heading', 'Consultation')).to.exist;
  });

  it('a list that fails to load says so, with Retry, and loads on Retry', async () => {
    api.failNext({ method: 'GET', path: '/v1/services' }, 'network');
    const { page } = await mount();
    await page.find('alert');
    expect(page.alertText()).to.contain("Can't reach the booking service");
    await page.click('button', 'Retry');
    await page.find('button', 'Consultation');
  });

  it('an empty list says there is nothing to book', async () => {
    api.reset();
    const { page } = await mount();
    await waitUntil(() => page.root.textContent!.includes('There are no services to book right now'));
  });
});
