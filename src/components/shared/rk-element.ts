import { LitElement, isServer, type PropertyDeclarations } from 'lit';
import type { ClientOptions } from '../../api/http.js';
import { nextTask } from '../../api/tasks.js';
import { warmUpIntl } from './intl-warmup.js';
import type { Strings } from '../../i18n/index.js';

export { nextTask };

/** True while `upgrading` runs: the markup already in the page is being upgraded. */
let upgrade = false;

/**
 * Runs `register`, a module's `customElements.define`, which upgrades the markup already in the
 * page there and then (in the task that evaluates the script), with the elements told so.
 */
export function upgrading(register: () => void) {
  // An upgrade that throws is reported, not thrown out of `define`: the flag always comes down.
  upgrade = true;
  register();
  upgrade = false;
}

let intl: Promise<void> | undefined;
/**
 * Settles once the page's Intl data is loaded: ICU's first use, in several tasks of its own
 * (`warmUpIntl`), queued when the first element connects, so before that element's first render.
 */
export const intlLoaded = () => (intl ??= warmUpIntl(nextTask));

/**
 * What our elements share: the visitor's zone, language and theme, the booking window, string
 * overrides, and the injectable `fetch`, client options and clock. Not an element itself.
 *
 * @csspart base - The outer box.
 * @csspart header - The heading area.
 * @csspart title - The main heading.
 * @csspart timezone - The timezone line and its switcher.
 * @csspart calendar - The month calendar.
 * @csspart nav-button - Previous and next month buttons.
 * @csspart month - The month heading.
 * @csspart day - Every day button (`day-selected`, `day-today`, `day-disabled` are added as relevant).
 * @csspart slots - The list of times for the chosen day.
 * @csspart slot - A time button (`slot-selected` when chosen).
 * @csspart form - A form (contact details, the cancel step).
 * @csspart label - Form labels.
 * @csspart input - Form inputs, select and textarea.
 * @csspart field-error - The inline message under a field.
 * @csspart submit - The button that carries out the step (Book, Yes cancel it, Move booking, Save).
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons (Retry, Change, Back and the like).
 * @csspart confirmation - The outcome panel.
 * @csspart add-to-calendar - The add-to-calendar links.
 * @csspart calendar-link - Each add-to-calendar link (.ics file, Google Calendar, Outlook.com).
 * @csspart manage-link - The link to the booking's manage page, when the proxy issues one.
 * @csspart status - The loading indicator.
 *
 * @cssprop --rk-accent - Brand colour; hover, focus and text-on-accent colours derive from it.
 * @cssprop --rk-accent-text - Text on the accent colour (default: black or white, whichever contrasts).
 * @cssprop --rk-bg - Background.
 * @cssprop --rk-fg - Text colour.
 * @cssprop --rk-muted - Secondary text.
 * @cssprop --rk-border - Borders and dividers.
 * @cssprop --rk-surface - Background of buttons and inputs.
 * @cssprop --rk-danger - Error colour.
 * @cssprop --rk-success - Success colour.
 * @cssprop --rk-radius - Corner radius.
 * @cssprop --rk-font - Font family.
 * @cssprop --rk-font-size - Base font size.
 * @cssprop --rk-gap - Base spacing.
 * @cssprop --rk-focus - Focus ring colour.
 */
export class RkElement extends LitElement {
  /** `static properties` rather than decorators, whose runtime would weigh on the script bundle. */
  static override properties: PropertyDeclarations = {
    timezone: {},
    locale: {},
    theme: { reflect: true },
    daysAhead: { attribute: 'days-ahead', type: Number },
    minNotice: { attribute: 'min-notice', type: Number },
    strings: { attribute: false },
    fetch: { attribute: false },
    clientOptions: { attribute: false },
    now: { attribute: false },
  };

  /** The visitor's IANA timezone; defaults to the browser's. */
  timezone = '';
  /** BCP 47 locale; defaults to the nearest `[lang]`, then the browser. */
  locale = '';
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  theme: 'light' | 'dark' | 'auto' = 'auto';
  /** How many days ahead a time can be chosen. */
  daysAhead = 60;
  /** Minimum notice in minutes. */
  minNotice = 0;
  /** Overrides for any UI string. */
  strings: Partial<Strings> = {};
  /** Injectable `fetch` (tests, instrumentation). */
  fetch: typeof globalThis.fetch | undefined = undefined;
  /** Extra client options: `timeoutMs`, `retries`, `retryBaseMs`, `retryMaxMs`. */
  clientOptions: ClientOptions = {};
  /** Injectable clock (tests). */
  now: () => Date = () => new Date();

  override connectedCallback() {
    if (isServer) return super.connectedCallback();
    void intlLoaded();
    // The markup already in the page, upgraded inside `upgrading` while the script evaluates, leaves
    // its shadow root, styles and controllers for a task of their own: 15-25 ms of a 4x slower
    // phone's CPU out of that task. The first render waits for them (`enableUpdating`). Elements
    // created and added by a page or an app connect at once, as any element does.
    if (!upgrade) super.connectedCallback();
    else void nextTask().then(() => this.isConnected && !this.renderRoot && super.connectedCallback());
  }

  /** The first render gets a task of its own, apart from the one that evaluated the script and upgraded the element. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.hasUpdated ? super.scheduleUpdate() : nextTask().then(() => super.scheduleUpdate());
  }
}
