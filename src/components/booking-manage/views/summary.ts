import { html, nothing } from 'lit';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import type { Occurrence } from '../../../schedule/index.js';
import { whenView } from '../../booking/views/when.js';

export interface SummaryProps {
  locale: LocaleInfo;
  serviceName: string;
  /** The booked time; undefined when its weekly slot is gone (the date alone is shown). */
  occurrence?: Occurrence;
  date: string;
  zone: string;
  serviceZone: string;
  status: string;
  /** Why it was cancelled (the visitor's words, or the proxy's "Rescheduled to …"). */
  cancelReason?: string | null;
}

/** The booking as it stands: service, time in both zones, status (and why, once cancelled). */
export function summaryView(p: SummaryProps) {
  const { t } = p.locale;
  const status = ({ pending: t.statusPending, confirmed: t.statusConfirmed, cancelled: t.statusCancelled } as Record<string, string>)[p.status];
  return html`<dl part="summary">
    <dt>${t.serviceLabel}</dt>
    <dd>${p.serviceName}</dd>
    <dt>${t.whenLabel}</dt>
    <dd>${p.occurrence ? whenView(p.occurrence, p.zone, p.serviceZone, p.locale) : p.date}</dd>
    <dt>${t.statusLabel}</dt>
    <dd part="status-value" class=${`status-${p.status}`}>${status ?? (p.status || nothing)}${p.status === 'cancelled' && p.cancelReason ? html`<br /><span class="muted">${p.cancelReason}</span>` : nothing}</dd>
  </dl>`;
}
