import { html, nothing } from 'lit';
import { format } from '../../../i18n/index.js';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import type { Occurrence } from '../../../schedule/index.js';
import { when } from '../../shared/format.js';
import { serviceTime } from './when.js';

export interface ConfirmationProps {
  locale: LocaleInfo;
  serviceName: string;
  occurrence: Occurrence;
  zone: string;
  serviceZone: string;
  /** The booking was found after an unanswered attempt rather than created by this one. */
  foundEarlier: boolean;
  /** More content after the sentence (links, an add-to-calendar panel). */
  extra?: unknown;
  onAnother(): void;
}

/** The success panel: a focusable heading, what was booked when, and a way to book again. */
export function confirmationView(p: ConfirmationProps) {
  const { t, value: locale } = p.locale;
  const o = p.occurrence;
  return html`<section part="confirmation" class="done" aria-labelledby="rk-done">
    <h3 id="rk-done" tabindex="-1" data-focus>${t.bookedHeading}</h3>
    <p>${format(t.bookedText, { service: p.serviceName, ...when(o, p.zone, locale) })}</p>
    ${p.serviceZone !== p.zone ? html`<p class="muted">${serviceTime(o, p.serviceZone, p.locale)}</p>` : nothing}
    ${p.foundEarlier ? html`<p class="muted">${t.foundEarlier}</p>` : nothing}
    ${p.extra ?? nothing}
    <button part="button" @click=${p.onAnother}>${t.bookAnother}</button>
  </section>`;
}
