import { html, nothing } from 'lit';
import { format, plural } from '../../../i18n/index.js';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import type { Occurrence } from '../../../schedule/index.js';
import { dateText, isolate, timeRange } from '../../shared/format.js';
import { cityOf } from '../../shared/zones.js';

export interface SlotListProps {
  locale: LocaleInfo;
  /** The viewer-local day listed (`YYYY-MM-DD`). */
  date: string;
  /** The viewer's zone; the service's is shown beside it when they differ. */
  zone: string;
  serviceZone: string;
  occurrences: readonly Occurrence[];
  /** Places left: 0 is full (shown, not choosable), undefined unknown. */
  remaining(o: Occurrence): number | undefined;
  /** The chosen occurrence's key, or ''. */
  selectedKey: string;
  /** An occurrence already held (a booking being moved): marked with `currentLabel`, not choosable. */
  currentKey?: string;
  currentLabel?: string;
  onPick(o: Occurrence): void;
}

/** The times of one day, each a button named by its start and end in the viewer's zone. */
export function slotListView(p: SlotListProps) {
  const { t, value: locale } = p.locale;
  const { zone, serviceZone } = p;
  const dateLabel = dateText(p.date, locale, 'hugeDate');
  const open = p.occurrences.filter((o) => p.remaining(o) !== 0 && o.key !== p.currentKey).length;
  const item = (o: Occurrence) => {
    const left = p.remaining(o);
    const full = left === 0;
    const current = o.key === p.currentKey;
    const chosen = o.key === p.selectedKey;
    const other = serviceZone !== zone ? timeRange(o, serviceZone, locale) : '';
    const note = current ? p.currentLabel : full ? t.dayFull : left !== undefined ? plural(t, 'placesLeft', left, locale) : '';
    return html`<li>
      <button
        part="slot${chosen ? ' slot-selected' : ''}"
        class="slot"
        aria-pressed=${chosen ? 'true' : 'false'}
        aria-current=${current ? 'true' : nothing}
        aria-disabled=${full || current ? 'true' : nothing}
        @click=${() => !full && !current && p.onPick(o)}
      >
        <span class="time">${timeRange(o, zone, locale)}</span>
        ${other ? html`<span class="muted small">${format(t.serviceTime, { time: other, zone: isolate(cityOf(serviceZone)) })}</span>` : nothing}
        ${note ? html`<span class="small">${note}</span>` : nothing}
      </button>
    </li>`;
  };
  return html`<section part="slots" class="slots" aria-labelledby="rk-day">
    <h3 id="rk-day">${dateLabel}</h3>
    <p class="muted" role="status">${open ? plural(t, 'timesAvailable', open, locale, { date: dateLabel }) : nothing}</p>
    ${p.occurrences.length
      ? html`<ul role="list">${p.occurrences.map(item)}</ul>`
      : html`<p class="empty muted" tabindex="-1">${t.noTimes}</p>`}
  </section>`;
}
