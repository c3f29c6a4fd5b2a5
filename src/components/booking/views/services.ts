import { html, nothing } from 'lit';
import type { Service } from '../../../api/schemas.js';
import { format } from '../../../i18n/index.js';
import type { LocaleInfo } from '../../shared/locale-controller.js';

export interface ServiceListProps {
  locale: LocaleInfo;
  services: readonly Service[];
  /** Minutes a visit lasts, when all of the service's slots last the same; undefined otherwise or not known yet. */
  duration(service: Service): number | undefined;
  onPick(service: Service): void;
}

type DurationFormatCtor = new (locale: string, options: { style: string }) => { format(d: { hours: number; minutes: number }): string };

/** "1 hr, 30 min" in the visitor's language (Intl.DurationFormat, else unit-formatted numbers). */
export function durationText(total: number, locale: string): string {
  const hours = Math.floor(total / 60);
  const minutes = Math.round(total % 60);
  const DurationFormat = (Intl as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  if (DurationFormat) return new DurationFormat(locale, { style: 'short' }).format({ hours, minutes });
  const unit = (value: number, unit: string) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  return [hours && unit(hours, 'hour'), (minutes || !hours) && unit(minutes, 'minute')].filter(Boolean).join(' ');
}

/**
 * The services to choose from: each a button named by the service, its description and duration
 * read as the button's description. Up/Down (and Home/End) move between them.
 */
export function serviceListView(p: ServiceListProps) {
  const { t, value: locale } = p.locale;
  const onKey = (e: KeyboardEvent) => {
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('.service')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (at < 0 || to === undefined || !buttons[to]) return;
    e.preventDefault();
    buttons[to].focus();
  };
  const item = (s: Service) => {
    const minutes = p.duration(s);
    const about = `rk-service-${s.id}`;
    // Only the name is inside the button (its accessible name is its visible text); the rest
    // describes it, and the whole card takes the click (.service::after).
    return html`<li class="service-item">
      <button part="service" class="service" data-service=${s.id} aria-describedby=${about} @click=${() => p.onPick(s)}>${s.name}</button>
      <p id=${about} class="muted">
        ${s.description ? html`<span part="service-description">${s.description}</span>` : nothing}
        ${minutes ? html`<span part="service-duration" class="small">${format(t.duration, { duration: durationText(minutes, locale) })}</span>` : nothing}
      </p>
    </li>`;
  };
  return html`<section part="services" class="services" aria-labelledby="rk-services">
    <h3 id="rk-services">${t.chooseService}</h3>
    ${p.services.length
      ? html`<ul role="list" @keydown=${onKey}>${p.services.map(item)}</ul>`
      : html`<p class="empty muted">${t.noServices}</p>`}
  </section>`;
}
