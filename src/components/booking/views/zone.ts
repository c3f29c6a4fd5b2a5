import { html, nothing } from 'lit';
import { format } from '../../../i18n/index.js';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import { isolate } from '../../shared/format.js';
import { zoneLabel, zoneList } from '../../shared/zones.js';

export interface ZoneProps {
  locale: LocaleInfo;
  zone: string;
  serviceZone: string;
  /** The switcher is open. */
  picking: boolean;
  /** Opens (true) or closes (false) the switcher. */
  onToggle(open: boolean): void;
  /** What the visitor typed or picked in the switcher. */
  onChoose(typed: string): void;
}

/** "Your timezone: …" with a Change switcher, and the service's zone when it differs. */
export function zoneView(p: ZoneProps) {
  const { t } = p.locale;
  const zone = p.zone;
  // Escape closes the switcher only: a popup around the widget must not close too.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    p.onToggle(false);
  };
  return html`<div part="timezone" class="zone">
    <span>${t.yourTimezone}: <strong>${zoneLabel(zone)}</strong></span>
    ${p.picking
      ? html`<label class="zone-picker"
          ><span class="sr-only">${t.changeTimezone}</span>
          <input
            part="input"
            list="rk-zones"
            autocomplete="off"
            placeholder=${zone}
            aria-label=${t.changeTimezone}
            data-focus
            @change=${(e: Event) => p.onChoose((e.target as HTMLInputElement).value)}
            @keydown=${onKey}
          />
          <datalist id="rk-zones">${zoneList().map((z) => html`<option value=${z}>${zoneLabel(z)}</option>`)}</datalist></label
        >`
      : html`<button part="button" class="link" @click=${() => p.onToggle(true)} aria-label=${t.changeTimezone}>${t.change}</button>`}
    ${p.serviceZone !== zone ? html`<span class="muted">${format(t.serviceTimezone, { zone: isolate(zoneLabel(p.serviceZone)) })}</span>` : nothing}
  </div>`;
}
