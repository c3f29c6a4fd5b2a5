/**
 * A page object for the widget: finds things the way a visitor (or a screen reader) does,
 * by role and accessible name inside the shadow root, so tests read like a visit.
 */
import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { ReserveKitBooking } from '../../src/components/booking/reservekit-booking';

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button',
  textbox: 'input:not([type]), input[type=text], input[type=email], input[type=tel], textarea',
  combobox: 'select, input[list]',
  heading: 'h1, h2, h3, h4',
  link: 'a[href]',
  alert: '[role=alert]',
  status: '[role=status]',
  grid: '[role=grid]',
};

export function accessibleName(el: Element): string {
  const root = el.getRootNode() as ShadowRoot | Document;
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) return labelledby.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
  const label = el.getAttribute('aria-label');
  if (label) return label;
  if (el.id) {
    const l = root.querySelector(`label[for="${el.id}"]`);
    if (l) return l.textContent!.replace(/\s+/g, ' ').trim();
  }
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Works for any of our elements: `new BookingPage(manageElement)` too. */
export class BookingPage<E extends LitElement = ReserveKitBooking> {
  constructor(readonly el: E) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  all(role: string, name?: string | RegExp): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(ROLE_SELECTORS[role] ?? role)].filter((e) => {
      if (name === undefined) return true;
      const n = accessibleName(e);
      return typeof name === 'string' ? n === name : name.test(n);
    });
  }

  get(role: string, name?: string | RegExp): HTMLElement {
    const found = this.all(role, name);
    if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}: ${this.all(role).map(accessibleName).join(' | ')}`);
    return found[0];
  }

  query(role: string, name?: string | RegExp): HTMLElement | undefined {
    return this.all(role, name)[0];
  }

  async find(role: string, name?: string | RegExp, timeout = 4000): Promise<HTMLElement> {
    await waitUntil(() => this.all(role, name).length > 0, `no ${role} named ${String(name)}`, { timeout });
    return this.get(role, name);
  }

  /** Day buttons of the visible month. */
  days(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>('[role=grid] button')];
  }

  enabledDays(): string[] {
    return this.days().filter((d) => d.getAttribute('aria-disabled') !== 'true').map(accessibleName);
  }

  slots(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>('.slots li button')];
  }

  async ready() {
    // The grid shows before the data, busy: ready is the grid with the data in it.
    await waitUntil(() => this.root?.querySelector('[role=grid]:not([aria-busy])'), 'calendar never appeared', { timeout: 5000 });
    await this.el.updateComplete;
  }

  async click(role: string, name?: string | RegExp) {
    (await this.find(role, name)).click();
    await this.el.updateComplete;
  }

  async type(label: string | RegExp, value: string) {
    const input = (await this.find('textbox', label)) as HTMLInputElement;
    input.focus();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }

  value(label: string | RegExp): string {
    return (this.get('textbox', label) as HTMLInputElement).value;
  }

  async fill(values: { name?: string; email?: string; phone?: string; message?: string }) {
    if (values.name !== undefined) await this.type('Name', values.name);
    if (values.email !== undefined) await this.type('Email', values.email);
    if (values.phone !== undefined) await this.type(/^Phone/, values.phone);
    if (values.message !== undefined) await this.type(/^Message/, values.message);
  }

  alertText(): string {
    return this.all('alert').map((a) => a.textContent!.replace(/\s+/g, ' ').trim()).join(' ');
  }
}
