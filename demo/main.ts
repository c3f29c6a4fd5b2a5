/// <reference types="vite/client" />
/**
 * The sales demo: the widget inline or in a popup, restyled and re-localized live, on a mock
 * API whose knobs the scenario panel turns. Every setting is in the URL, so a link reproduces a
 * view (docs/screenshots are taken that way): ?theme=dark&accent=0f766e&locale=ar-EG&tz=Asia/Tokyo
 * &service=yoga&mode=popup&scenario=filling, plus only=widget&width=320 for the widget alone.
 */
import '../src/components/booking/reservekit-booking';
import '../src/components/booking-manage/reservekit-booking-manage';
import { DateTime } from 'luxon';
import { ALL_SERVICES, API_BASE, DAYS_AHEAD, MIN_NOTICE, SERVICES, featuredDay, startBackend, type DemoBackend } from './mock';
import { SCENARIOS, scenarioById, type ActiveScenario } from './scenarios';
import type { Occurrence } from '../src/schedule';
import { preloadLinks } from '../scripts/embed-snippet.mjs';

// The popup element is optional here: the demo works (inline) without it.
const loadPopup = Object.values(import.meta.glob('../src/components/booking-button/reservekit-booking-button.ts'))[0];

type Theme = 'light' | 'dark' | 'auto';
type Mode = 'inline' | 'popup';
interface Settings {
  theme: Theme;
  /** '' = the theme's own accent. */
  accent: string;
  locale: string;
  /** '' = the browser's zone. */
  tz: string;
  service: string;
  mode: Mode;
  scenario: string;
}

const CUSTOMER = { name: 'Alex Morgan', email: 'alex.morgan@example.com' };
const DEFAULTS: Settings = { theme: 'light', accent: '', locale: 'en-US', tz: '', service: 'consultation', mode: 'inline', scenario: 'normal' };
const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Cairo',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
];
/** The pretend customer site around the widget, one per service. */
const SITES: Record<string, { name: string; text: string; address: string; button: string; offers: [string, string][] }> = {
  consultation: {
    name: 'Northwind Advisory',
    text: 'Talk to one of our advisers about your plans. One hour, by video or at our New York office.',
    address: 'northwind-advisory.example/book',
    button: 'Book a consultation',
    offers: [
      ['First home', 'Budget, mortgage and timing'],
      ['Retirement', 'A plan you can live with'],
      ['Investing', 'Start small, stay steady'],
    ],
  },
  all: {
    name: 'Northwind Wellbeing',
    text: 'Advice in New York, yoga in Berlin: choose what you need, then a time that suits you.',
    address: 'northwind-wellbeing.example/book',
    button: 'Book a session',
    offers: [
      ['Consultation', 'One hour, one to one'],
      ['Yoga', 'Small groups, all levels'],
      ['Manage online', 'Move or cancel from your email'],
    ],
  },
  yoga: {
    name: 'Kreuzberg Yoga Loft',
    text: 'Morning and evening classes for every level. Mats and tea provided, just bring yourself.',
    address: 'kreuzberg-yoga.example/classes',
    button: 'Book a class',
    offers: [
      ['Sunrise flow', 'Mon, Wed, Fri at 7:00'],
      ['Sunset stretch', 'Mon to Thu at 18:30'],
      ['Weekend slow', 'Saturdays at 10:00'],
    ],
  },
};

/** rk-* events are typed on elements; they are composed and bubble, so the page hears them all. */
function onRk<K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions) {
  document.addEventListener(type, listener as EventListener, options);
}
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const params = new URLSearchParams(location.search);
const only = params.get('only') === 'widget';
const onlyWidth = Number(params.get('width')) || 0;
const settings = readSettings(params);

let backend: DemoBackend | undefined;
let scenario: ActiveScenario = { hint: '' };
let scenarioEvents = new AbortController();
let mountId = 0;

// ---- settings <-> URL -------------------------------------------------------------------------

function readSettings(p: URLSearchParams): Settings {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  const accent = (p.get('accent') ?? '').replace(/^#/, '');
  return {
    theme: pick(p.get('theme'), ['light', 'dark', 'auto'] as const, DEFAULTS.theme),
    accent: /^[0-9a-f]{6}$/i.test(accent) ? `#${accent.toLowerCase()}` : '',
    locale: pick(p.get('locale'), [...$<HTMLSelectElement>('#locale').options].map((o) => o.value), DEFAULTS.locale),
    tz: pick(p.get('tz'), ZONES, ''),
    service: pick(p.get('service'), [...SERVICES.map((s) => s.key), ALL_SERVICES.key], DEFAULTS.service),
    mode: pick(p.get('mode'), ['inline', 'popup'] as const, DEFAULTS.mode),
    scenario: scenarioById(p.get('scenario')).id,
  };
}

function writeUrl() {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(settings) as [keyof Settings, string][]) {
    if (value !== DEFAULTS[key]) p.set(key, key === 'accent' ? value.slice(1) : value);
  }
  if (only) p.set('only', 'widget');
  if (onlyWidth) p.set('width', String(onlyWidth));
  const query = p.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

const viewerZone = () => settings.tz || browserZone;
const service = () => SERVICES.find((s) => s.key === settings.service) ?? SERVICES[0];

// ---- the widget ---------------------------------------------------------------------------------

/** Attributes shared by the inline widget and the popup (which forwards them to its widget). */
function widgetAttributes(): Record<string, string> {
  const attrs: Record<string, string> = {
    'service-id': String(service().id),
    'api-base': API_BASE,
    theme: settings.theme,
    locale: settings.locale,
    'min-notice': String(MIN_NOTICE),
    'days-ahead': String(DAYS_AHEAD),
    'customer-name': CUSTOMER.name,
    'customer-email': CUSTOMER.email,
  };
  if (settings.tz) attrs.timezone = settings.tz;
  if (settings.service === ALL_SERVICES.key) delete attrs['service-id'];
  return attrs;
}

function applyAppearance(el: HTMLElement) {
  const attrs = widgetAttributes();
  for (const name of ['theme', 'locale', 'timezone']) {
    if (attrs[name]) el.setAttribute(name, attrs[name]);
    else el.removeAttribute(name);
  }
  if (settings.accent) el.style.setProperty('--rk-accent', settings.accent);
  else el.style.removeProperty('--rk-accent');
}

/**
 * The preload snippet that `npm run build` prints (docs/startup.md): the widget's two startup GETs
 * start before it does, and it reuses their answers. Added here, not in index.html, because the
 * demo's API is a service worker that must be running first.
 */
function preload(serviceId: number) {
  for (const old of document.head.querySelectorAll('link[data-rk-preload]')) old.remove();
  document.head.insertAdjacentHTML('beforeend', preloadLinks(API_BASE, serviceId).map((link) => link.replace('<link ', '<link data-rk-preload ')).join(''));
}

async function mount() {
  const id = ++mountId;
  const host = $('#widget-host');
  delete document.documentElement.dataset.ready;
  let el: HTMLElement;
  if (settings.mode === 'popup') {
    if (loadPopup) {
      await loadPopup();
      if (id !== mountId) return;
      el = document.createElement('reservekit-booking-button');
      el.setAttribute('heading', SITES[settings.service].button);
      el.textContent = SITES[settings.service].button;
      // The popup's widget loads on first open; the page is ready to show now.
      document.documentElement.dataset.ready = 'popup';
    } else {
      // POPUP PLACEHOLDER: shown until src/components/booking-button/ provides <reservekit-booking-button>.
      el = document.createElement('p');
      el.className = 'popup-missing';
      el.textContent = 'The popup element <reservekit-booking-button> is not part of this build yet.';
      document.documentElement.dataset.ready = 'popup';
    }
  } else {
    preload(service().id);
    el = document.createElement('reservekit-booking');
  }
  if (el.localName !== 'p') {
    for (const [name, value] of Object.entries(widgetAttributes())) el.setAttribute(name, value);
    applyAppearance(el);
  }
  host.replaceChildren(el);
  $('#manage-step').hidden = true;
  host.classList.toggle('is-popup', settings.mode === 'popup');
  $('.browser').dataset.mode = settings.mode;
}

/**
 * The page behind a booking's manage link (what the customer's confirmation email opens), in
 * place of the widget: `#manage=<token>` is the demo's manage URL.
 */
function showManage(token: string) {
  const el = document.createElement('reservekit-booking-manage');
  el.setAttribute('token', token);
  el.setAttribute('api-base', API_BASE);
  el.setAttribute('min-notice', String(MIN_NOTICE));
  el.setAttribute('days-ahead', String(DAYS_AHEAD));
  applyAppearance(el);
  const back = document.createElement('button');
  back.type = 'button';
  back.className = 'button';
  back.textContent = 'Back to booking';
  back.addEventListener('click', () => {
    history.replaceState(null, '', location.pathname + location.search);
    void mount();
  });
  const note = document.createElement('p');
  note.className = 'manage-note';
  note.textContent = 'The manage page: what the link in the confirmation email opens.';
  $('#widget-host').replaceChildren(note, el, back);
  $('#manage-step').hidden = true;
}

function onHash() {
  const token = /^#manage=(.+)$/.exec(location.hash)?.[1];
  if (token) showManage(decodeURIComponent(token));
}

// ---- scenarios ----------------------------------------------------------------------------------

function when(o: Occurrence, withTime = false): string {
  const start = DateTime.fromMillis(o.startMs, { zone: viewerZone(), locale: 'en-US' });
  const day = start.toLocaleString({ weekday: 'long', month: 'long', day: 'numeric' });
  return withTime ? `${day} at ${start.toLocaleString(DateTime.TIME_SIMPLE)}` : day;
}

/** Fresh data for the current viewer, the chosen scenario's knobs, a fresh widget. */
function startScenario() {
  if (!backend) return;
  scenarioEvents.abort();
  scenarioEvents = new AbortController();
  const signal = scenarioEvents.signal;
  backend.reset(viewerZone());
  const svc = backend.api.store.services.find((s) => s.id === service().id)!;
  const chosen = scenarioById(settings.scenario);
  scenario = chosen.start({
    backend,
    day: featuredDay(backend.api, svc.id, svc.timezone, new Date(), viewerZone()),
    when,
    customer: CUSTOMER,
    log,
    on: (type, listener) => onRk(type, listener, { signal }),
  });
  $('#hint-title').textContent = `${chosen.title}:`;
  $('#hint-text').textContent = scenario.hint;
  const action = $<HTMLButtonElement>('#scenario-action');
  action.hidden = !scenario.action;
  action.textContent = scenario.action?.label ?? '';
  if (chosen.id !== 'normal') log(`Scenario: ${chosen.title}. ${chosen.summary}`);
  void mount();
}

// ---- activity log -------------------------------------------------------------------------------

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function log(text: string, kind: 'info' | 'warn' | 'ok' | 'error' | 'event' = 'info') {
  const list = $('#activity');
  const item = document.createElement('li');
  item.className = `log-${kind}`;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString('en-GB');
  const body = document.createElement('span');
  body.textContent = text;
  item.append(time, body);
  list.prepend(item);
  while (list.children.length > 40) list.lastElementChild!.remove();
}

function watchActivity(b: DemoBackend) {
  const apiPath = (url: string) => {
    const u = new URL(url);
    return u.pathname.startsWith(API_BASE) ? u.pathname.slice(API_BASE.length) + (u.search.includes('from=') ? '?from…' : '') : null;
  };
  // A request failed with a network error gets no response event: log it as it starts.
  b.worker.events.on('request:start', ({ request }) => {
    const path = apiPath(request.url);
    if (path !== null && b.down) log(`${request.method} ${path}: no answer (service down)`, 'error');
  });
  b.worker.events.on('response:mocked', async ({ request, response }) => {
    const path = apiPath(request.url);
    if (path === null) return;
    if (response.type === 'error' || response.status === 0) return;
    let reason = '';
    if (response.status >= 400) {
      const body = await response.clone().text().catch(() => '');
      const match = /"(?:error|message)"\s*:\s*(?:\{[^}]*"message"\s*:\s*)?"([^"]+)"/.exec(body);
      reason = match ? `: ${match[1]}` : '';
      const retry = response.headers.get('Retry-After');
      if (retry) reason += ` (Retry-After: ${retry})`;
    }
    log(`${request.method} ${path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''}${reason}`, response.status >= 400 ? 'error' : 'ok');
  });

  onRk('rk-ready', (e) => {
    document.documentElement.dataset.ready = 'widget';
    log(`rk-ready: ${e.detail.service.name}, ${e.detail.slots.length} weekly times`, 'event');
  });
  onRk('rk-date-select', (e) => log(`rk-date-select: ${e.detail.date}`, 'event'));
  onRk('rk-slot-select', (e) =>
    log(`rk-slot-select: ${DateTime.fromISO(e.detail.start).setZone(e.detail.viewerTimezone).toFormat('ccc d LLL, HH:mm')} (${e.detail.viewerTimezone})`, 'event'),
  );
  onRk('rk-booked', (e) => {
    log(`rk-booked: booking #${e.detail.bookingId ?? '(found earlier)'} for ${e.detail.customer.name}`, 'event');
    const step = $<HTMLAnchorElement>('#manage-step');
    step.hidden = !e.detail.manageUrl;
    if (e.detail.manageUrl) step.href = e.detail.manageUrl;
  });
  onRk('rk-service-select', (e) => log(`rk-service-select: service ${e.detail.serviceId}`, 'event'));
  onRk('rk-cancelled', (e) => log(`rk-cancelled: booking #${e.detail.bookingId}${e.detail.reason ? `, "${e.detail.reason}"` : ''}`, 'event'));
  onRk('rk-rescheduled', (e) => log(`rk-rescheduled: booking #${e.detail.previousBookingId} is now #${e.detail.bookingId}, new manage link issued`, 'event'));
  onRk('rk-updated', (e) => log(`rk-updated: booking #${e.detail.bookingId}, contact details saved`, 'event'));
  onRk('rk-error', (e) => log(`rk-error: ${e.detail.code}, "${e.detail.message}"`, 'warn'));
}

// ---- controls -----------------------------------------------------------------------------------

function zoneLabel(zone: string) {
  const city = zone.split('/').pop()!.replaceAll('_', ' ');
  return `${city} (${DateTime.now().setZone(zone).toFormat("'UTC'Z")})`;
}

function buildControls() {
  const tz = $<HTMLSelectElement>('#tz');
  tz.append(new Option(`Browser default: ${zoneLabel(browserZone)}`, ''));
  for (const zone of ZONES) tz.append(new Option(zoneLabel(zone), zone));
  const svc = $<HTMLSelectElement>('#service');
  for (const s of [...SERVICES, ALL_SERVICES]) svc.append(new Option(s.label, s.key));

  const list = $('#scenario-list');
  for (const s of SCENARIOS) {
    const label = document.createElement('label');
    label.className = 'scenario';
    label.innerHTML = `<input type="radio" name="scenario" /><span class="scenario-text"><span class="scenario-title"></span><span class="scenario-summary"></span></span>`;
    const input = label.querySelector('input')!;
    input.value = s.id;
    label.querySelector('.scenario-title')!.textContent = s.title;
    label.querySelector('.scenario-summary')!.textContent = s.summary;
    list.append(label);
  }
}

function syncControls() {
  const form = $<HTMLFormElement>('#controls');
  const radio = (name: string, value: string) => {
    for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) input.checked = input.value === value;
  };
  radio('theme', settings.theme);
  radio('accent', settings.accent);
  radio('scenario', settings.scenario);
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) input.checked = input.value === settings.mode;
  $<HTMLInputElement>('#accent-custom').value = settings.accent || '#2f5bd3';
  $<HTMLSelectElement>('#locale').value = settings.locale;
  $<HTMLSelectElement>('#tz').value = settings.tz;
  $<HTMLSelectElement>('#service').value = settings.service;
}

/** The page follows the widget's theme and brand colour, so the demo reads as one product. */
function applyPage() {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  if (settings.accent) root.style.setProperty('--brand', settings.accent);
  else root.style.removeProperty('--brand');
  const site = SITES[settings.service];
  $('#site-name').textContent = site.name;
  $('#site-text').textContent = site.text;
  $('#site-address').textContent = site.address;
  $('#offers').replaceChildren(
    ...site.offers.map(([title, text]) => {
      const item = document.createElement('li');
      const strong = document.createElement('strong');
      strong.textContent = title;
      const span = document.createElement('span');
      span.textContent = text;
      item.append(strong, span);
      return item;
    }),
  );
  $('.browser').dataset.service = settings.service;
  $('#snippet').textContent = snippet();
}

function snippet(): string {
  const attrs = widgetAttributes();
  delete attrs['customer-name'];
  delete attrs['customer-email'];
  delete attrs['days-ahead'];
  attrs['api-base'] = '/booking-api';
  if (settings.theme === DEFAULTS.theme) delete attrs.theme;
  if (settings.locale === DEFAULTS.locale) delete attrs.locale;
  const tag = settings.mode === 'popup' ? 'reservekit-booking-button' : 'reservekit-booking';
  const lines = Object.entries(attrs).map(([k, v]) => `  ${k}="${v}"`);
  if (settings.accent) lines.push(`  style="--rk-accent: ${settings.accent}"`);
  const body = settings.mode === 'popup' ? SITES[settings.service].button : '';
  // The one-file script defines both elements (README: "Put it on a page in one minute").
  const script = '<!-- dist/reservekit-booking.js, hosted by you or a CDN -->\n<script type="module" src="/js/reservekit-booking.js"></script>';
  return `${script}\n\n<${tag}\n${lines.join('\n')}\n>${body}</${tag}>`;
}

function onControlChange(e: Event) {
  const input = e.target as HTMLInputElement | HTMLSelectElement;
  const before = { ...settings };
  switch (input.name || input.id) {
    case 'theme':
      settings.theme = input.value as Theme;
      break;
    case 'accent':
      settings.accent = input.value;
      break;
    case 'accent-custom':
      settings.accent = input.value.toLowerCase();
      for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="accent"]')) radio.checked = false;
      break;
    case 'locale':
      settings.locale = input.value;
      break;
    case 'tz':
      settings.tz = input.value;
      break;
    case 'service':
      settings.service = input.value;
      break;
    case 'mode':
      settings.mode = input.value as Mode;
      break;
    case 'scenario':
      settings.scenario = input.value;
      break;
    default:
      return;
  }
  writeUrl();
  applyPage();
  // Look and language change the running widget in place; the rest is a new visit.
  if (before.tz !== settings.tz || before.service !== settings.service || before.scenario !== settings.scenario) startScenario();
  else if (before.mode !== settings.mode) void mount();
  else {
    const el = $('#widget-host').firstElementChild as HTMLElement | null;
    if (el?.localName.startsWith('reservekit-')) applyAppearance(el);
  }
}

// ---- start ----------------------------------------------------------------------------------------

async function main() {
  if (only) {
    document.documentElement.classList.add('only-widget');
    if (onlyWidth) document.documentElement.style.setProperty('--only-width', `${onlyWidth}px`);
  }
  buildControls();
  syncControls();
  applyPage();
  const form = $<HTMLFormElement>('#controls');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', onControlChange);
  $('#accent-custom').addEventListener('input', onControlChange);
  $('#mode').addEventListener('change', onControlChange);
  $('#reset').addEventListener('click', () => {
    settings.scenario = 'normal';
    syncControls();
    writeUrl();
    $('#activity').replaceChildren();
    startScenario();
  });
  $('#scenario-action').addEventListener('click', () => scenario.action?.run());

  try {
    backend = await startBackend();
  } catch (error) {
    console.error(error);
    const note = document.createElement('p');
    note.className = 'popup-missing';
    note.textContent =
      'The simulated API needs a service worker, which browsers only allow on http://localhost or https. Run `npm start` and open the address it prints.';
    $('#widget-host').replaceChildren(note);
    return;
  }
  watchActivity(backend);
  // A manage link from an earlier visit names a booking this fresh store does not have.
  if (location.hash.startsWith('#manage=')) history.replaceState(null, '', location.pathname + location.search);
  addEventListener('hashchange', onHash);
  startScenario();
}

void main();
