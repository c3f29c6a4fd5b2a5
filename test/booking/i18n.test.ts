import { expect, fixture, html } from '@open-wc/testing';
import { api, mount, seed, NOW } from './setup';
import { BookingPage, accessibleName } from './page';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';

const headers = (page: BookingPage) => [...page.root.querySelectorAll('th')].map((th) => th.getAttribute('abbr'));
const times = (page: BookingPage) => page.slots().map((s) => s.querySelector('.time')!.textContent!.replace(/\s+/g, ' ').trim());

describe('<reservekit-booking> languages and regions', () => {
  it('en-US: Sunday first, English month, 12-hour clock', async () => {
    await seed();
    const { page } = await mount({ locale: 'en-US' });
    await page.ready();
    expect(headers(page)[0]).to.equal('Sunday');
    await page.click('button', 'Wednesday, December 2, 2026');
    expect(times(page)).to.deep.equal(['2:00 PM – 3:00 PM'].map((t) => t.replace(/ (AM|PM)/g, '\u202f$1').replace(/\u202f/g, ' ')));
  });

  it('de-DE: Monday first, German month and labels, 24-hour clock', async () => {
    await seed();
    const { page } = await mount({ locale: 'de-DE' });
    await page.ready();
    expect(headers(page)[0]).to.equal('Montag');
    expect(page.get('heading', 'Dezember 2026')).to.exist;
    expect(page.get('button', 'Nächster Monat')).to.exist;
    await page.click('button', 'Mittwoch, 2. Dezember 2026');
    expect(times(page)).to.deep.equal(['14:00 – 15:00']);
    await page.click('button', /^14:00/);
    expect(page.get('button', 'Buchen')).to.exist;
  });

  it('es-ES: Monday first, Spanish month and labels, 24-hour clock', async () => {
    await seed();
    const { page } = await mount({ locale: 'es-ES' });
    await page.ready();
    expect(headers(page)[0]).to.equal('lunes');
    expect(page.get('heading', 'diciembre de 2026')).to.exist;
    await page.click('button', 'miércoles, 2 de diciembre de 2026');
    expect(times(page)).to.deep.equal(['14:00 – 15:00']);
  });

  it('ja-JP: Japanese month and labels', async () => {
    await seed();
    const { page } = await mount({ locale: 'ja-JP' });
    await page.ready();
    expect(headers(page)[0]).to.equal('日曜日');
    expect(page.get('heading', '2026年12月')).to.exist;
    await page.click('button', /2026年12月2日/);
    expect(times(page)).to.deep.equal(['14:00 – 15:00']);
  });

  it('country options follow each language\'s own formatting', async () => {
    const option = async (locale: string) => {
      await seed();
      const { page } = await mount({ locale });
      await page.ready();
      await page.click('button', page.enabledDays()[0]);
      page.slots()[0].click();
      await page.el.updateComplete;
      const select = page.root.querySelector('select[name=country]')!;
      return select.querySelector('option[value=JP]')!.textContent!.trim();
    };
    expect(await option('ja-JP')).to.equal('日本（+81）');
    expect(await option('ar-EG')).to.equal('اليابان (\u2066+81\u2069)');
    expect(await option('en-US')).to.equal('Japan (+81)');
  });

  it('ar-EG: right-to-left, Saturday first, Arabic labels, arrows swap', async () => {
    await seed();
    const { el, page } = await mount({ locale: 'ar-EG' });
    await page.ready();
    expect(page.root.querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
    expect(headers(page)[0]).to.equal('السبت');
    expect(getComputedStyle(page.root.querySelector('.picker')!).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('follows the nearest [lang] ancestor when no locale is set', async () => {
    await seed();
    // Built by hand: open-wc's fixture() waits for an animation frame, which a background test page may never get.
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr-FR';
    wrapper.innerHTML = '<section><reservekit-booking service-id="1" timezone="America/New_York"></reservekit-booking></section>';
    const el = wrapper.querySelector('reservekit-booking')!;
    Object.assign(el, { now: () => NOW, fetch: api.fetch, clientOptions: { retries: 0 } });
    document.body.append(wrapper);
    const page = new BookingPage(el);
    await page.ready();
    expect(page.get('heading', 'décembre 2026')).to.exist;
    expect(page.get('button', 'Mois suivant')).to.exist;
    wrapper.remove();
  });

  it('lets the site owner override any string', async () => {
    await seed();
    const { el, page } = await mount({ extra: { strings: { book: 'Reserve my seat', nextMonth: 'Later' } } });
    await page.ready();
    expect(page.get('button', 'Later')).to.exist;
    await page.click('button', 'Wednesday, December 2, 2026');
    await page.click('button', /^2:00/);
    expect(page.get('button', 'Reserve my seat')).to.exist;
    expect(el.strings.book).to.equal('Reserve my seat');
  });

  it('shows the viewer timezone, lets the visitor change it and re-lists the times', async () => {
    await seed();
    const { el, page } = await mount({ timezone: 'America/New_York' });
    await page.ready();
    expect(page.root.querySelector('[part=timezone] strong')!.textContent).to.equal('New York (America/New_York)');
    await page.click('button', 'Change timezone');
    const input = page.get('combobox', 'Change timezone') as HTMLInputElement;
    expect(page.root.activeElement).to.equal(input);
    expect(page.root.querySelectorAll('datalist option').length).to.be.greaterThan(300);
    input.value = 'Asia/Tokyo';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(page.root.querySelector('[part=timezone] strong')!.textContent).to.equal('Tokyo (Asia/Tokyo)');
    await page.click('button', 'Tuesday, December 8, 2026');
    expect(times(page)[0]).to.match(/^11:00\s?AM – 12:00\s?PM$/);
    // The choice is remembered for the visit: a new widget whose page set no zone starts in Tokyo too…
    const second = new BookingPage(
      await fixture<ReserveKitBooking>(html`<reservekit-booking service-id="1" locale="en-US" .now=${() => NOW} .fetch=${api.fetch}></reservekit-booking>`),
    );
    await second.ready();
    expect(second.root.querySelector('[part=timezone] strong')!.textContent).to.equal('Tokyo (Asia/Tokyo)');
    // …while a page's explicit timezone still applies, and a later change of it wins over the visitor's pick.
    const third = await mount({ timezone: 'Europe/Paris' });
    await third.page.ready();
    expect(third.page.root.querySelector('[part=timezone] strong')!.textContent).to.equal('Paris (Europe/Paris)');
    el.timezone = 'Europe/Berlin';
    await el.updateComplete;
    expect(page.root.querySelector('[part=timezone] strong')!.textContent).to.equal('Berlin (Europe/Berlin)');
  });
});

describe('<reservekit-booking> themes and layout', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme} theme passes axe in the calendar, form and error states`, async () => {
      await seed();
      const { el, page } = await mount();
      el.theme = theme;
      await page.ready();
      const bg = getComputedStyle(page.root.querySelector('[part=base]')!).backgroundColor;
      expect(bg).to.equal(theme === 'dark' ? 'rgb(21, 24, 29)' : 'rgb(255, 255, 255)');
      await expect(el).to.be.accessible();
      await page.click('button', 'Wednesday, December 2, 2026');
      await page.click('button', /^2:00/);
      await page.click('button', 'Book');
      expect(page.get('textbox', 'Name').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      await page.fill({ name: 'Jane Doe', email: 'jane@example.com' });
      await page.click('button', 'Book');
      await page.find('heading', "You're booked");
      await expect(el).to.be.accessible();
    });

    it(`${theme} theme passes axe while loading and on a load error`, async () => {
      await seed();
      api.setOptions({ latencyMs: 200 });
      api.failNext({ method: 'GET', path: '/v1/services/1' }, 'network');
      const { el, page } = await mount();
      el.theme = theme;
      await el.updateComplete;
      expect(page.get('status').textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
      await page.find('alert');
      await expect(el).to.be.accessible();
    });
  }

  it('derives text on the brand colour from --rk-accent', async () => {
    await seed();
    const { el, page } = await mount();
    el.style.setProperty('--rk-accent', '#ffd400');
    await page.ready();
    await page.click('button', 'Wednesday, December 2, 2026');
    const chosen = page.get('button', 'Wednesday, December 2, 2026');
    expect(getComputedStyle(chosen).color).to.match(/rgb\(0, 0, 0\)|oklch\(0 0 0\)|color\(srgb 0 0 0\)/);
    el.style.setProperty('--rk-accent', '#1a237e');
    expect(getComputedStyle(chosen).color).to.match(/rgb\(255, 255, 255\)|oklch\(1 0 0\)|color\(srgb 1 1 1\)/);
  });

  it('takes tokens set on any ancestor, not only on the element', async () => {
    await seed();
    const { el, page } = await mount();
    await page.ready();
    el.parentElement!.style.setProperty('--rk-bg', 'rgb(1, 2, 3)');
    expect(getComputedStyle(page.root.querySelector('[part=base]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('stacks calendar and times in a narrow container (container query, not viewport)', async () => {
    await seed();
    const { el, page } = await mount();
    await page.ready();
    const picker = page.root.querySelector('.picker')!;
    expect(getComputedStyle(picker).gridTemplateColumns.split(' ')).to.have.length(2);
    el.style.width = '320px';
    await el.updateComplete;
    expect(getComputedStyle(picker).gridTemplateColumns.split(' ')).to.have.length(1);
    expect(el.scrollWidth).to.be.at.most(320);
    for (const day of page.days()) {
      const r = day.getBoundingClientRect();
      expect(r.width >= 24 && r.height >= 24, `${accessibleName(day)} ${r.width}x${r.height}`).to.equal(true);
    }
    await expect(el).to.be.accessible();
  });
});
