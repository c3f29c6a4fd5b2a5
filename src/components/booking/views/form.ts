import { html, nothing } from 'lit';
import { COUNTRY_CODES } from '../../../form/phone.js';
import { format } from '../../../i18n/index.js';
import type { LocaleInfo } from '../../shared/locale-controller.js';
import { countryOf, FIELDS, type Field, type FieldMessages, type FormValues } from '../form-data.js';

export interface FormProps {
  locale: LocaleInfo;
  /** Shown above the fields (what is being booked). */
  summary?: unknown;
  values: FormValues;
  errors: FieldMessages;
  /** The fields shown, in order (default all four). */
  fields?: readonly Field[];
  /** An alert shown above the buttons. */
  alert?: unknown;
  /** Sending: the submit button says so and is busy. */
  busy: boolean;
  /** Submitting is refused for now (a rate-limit wait). */
  blocked: boolean;
  /** The submit button's label, and its label while busy (default Book, Booking…). */
  submitLabel?: string;
  busyLabel?: string;
  onInput(name: Field | 'country', value: string): void;
  onSubmit(): void;
  /** Shows a Back button when given. */
  onBack?(): void;
}

const OPTIONAL = new Set<Field>(['phone', 'message']);

/** The contact form: labelled inputs, inline messages tied by `aria-describedby`, Back and Book. */
export function formView(p: FormProps) {
  const { t, value: locale } = p.locale;
  const { values: v, errors } = p;
  const input = (name: Field) => {
    const invalid = errors[name] ? 'true' : 'false';
    const describedby = errors[name] ? `${name}-error` : nothing;
    if (name === 'message') {
      return html`<textarea part="input" id="message" name="message" rows="3" .value=${v.message} aria-invalid=${invalid} aria-describedby=${describedby}></textarea>`;
    }
    if (name !== 'phone') {
      return html`<input part="input" id=${name} name=${name} type=${name === 'email' ? 'email' : nothing} autocomplete=${name} required .value=${v[name]} aria-invalid=${invalid} aria-describedby=${describedby} />`;
    }
    const country = countryOf(v, locale);
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    return html`<div class="phone">
      <select part="input" name="country" aria-label=${t.country} .value=${country}>
        ${COUNTRY_CODES.map(([iso, code]) => html`<option value=${iso} ?selected=${iso === country}>${format(t.countryOption, { country: regions.of(iso) ?? iso, code })}</option>`)}
      </select>
      <input part="input" id="phone" name="phone" type="tel" autocomplete="tel" .value=${v.phone} aria-invalid=${invalid} aria-describedby=${describedby} />
    </div>`;
  };
  const field = (name: Field) => html`<div class="field">
    <label part="label" for=${name}>${OPTIONAL.has(name) ? `${t[name]} ${t.optional}` : t[name]}</label>
    ${input(name)}
    ${errors[name] ? html`<p part="field-error" class="field-error" id="${name}-error">${errors[name]}</p>` : nothing}
  </div>`;
  const typed = (e: Event) => {
    const target = e.target as HTMLInputElement;
    p.onInput(target.name as Field | 'country', target.value);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    p.onSubmit();
  };
  return html`<form part="form" class="form" novalidate @submit=${submit} @input=${typed}>
    ${p.summary ? html`<p class="summary">${p.summary}</p>` : nothing}
    ${(p.fields ?? FIELDS).map(field)}
    ${p.alert ?? nothing}
    <div class="actions">
      ${p.onBack ? html`<button part="button" type="button" @click=${p.onBack}>${t.back}</button>` : nothing}
      <button part="submit" type="submit" class="primary" aria-disabled=${p.busy || p.blocked ? 'true' : 'false'} aria-busy=${p.busy ? 'true' : 'false'}>
        ${p.busy ? (p.busyLabel ?? t.booking) : (p.submitLabel ?? t.book)}
      </button>
    </div>
  </form>`;
}
