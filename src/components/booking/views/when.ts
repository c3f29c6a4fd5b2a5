import { html, nothing } from 'lit';
import { format } from '../../../i18n/index.js';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import type { Occurrence } from '../../../schedule/index.js';
import { isolate, whenLabel } from '../../shared/format.js';
import { cityOf } from '../../shared/zones.js';

/** "Wednesday, December 2, 2026, 2:00 – 3:00 PM", and the service's own time below when its zone differs. */
export function whenView(o: Occurrence, zone: string, serviceZone: string, locale: LocaleInfo) {
  return html`<strong>${whenLabel(o, zone, locale.value)}</strong>${serviceZone !== zone
      ? html`<br /><span class="muted">${serviceTime(o, serviceZone, locale)}</span>`
      : nothing}`;
}

/** "Service time {time} ({city})" in the service's zone. */
export const serviceTime = (o: Occurrence, serviceZone: string, { t, value }: LocaleInfo) =>
  format(t.serviceTime, { time: whenLabel(o, serviceZone, value), zone: isolate(cityOf(serviceZone)) });
