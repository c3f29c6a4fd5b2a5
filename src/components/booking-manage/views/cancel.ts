import { html } from 'lit';
import type { Strings } from '../../../i18n/index.js';

export interface CancelProps {
  t: Strings;
  /** What the visitor typed as the reason; kept across errors. */
  reason: string;
  busy: boolean;
  blocked: boolean;
  alert?: unknown;
  onReason(value: string): void;
  onConfirm(): void;
  onKeep(): void;
}

/** The confirm step: an optional reason, then "Yes, cancel it" or "No, keep it". */
export function cancelView(p: CancelProps) {
  const { t } = p;
  const submit = (e: Event) => {
    e.preventDefault();
    p.onConfirm();
  };
  return html`<form part="form" class="form" novalidate aria-labelledby="rk-cancel" @submit=${submit}>
    <h3 id="rk-cancel" tabindex="-1">${t.cancelQuestion}</h3>
    <div class="field">
      <label part="label" for="reason">${t.cancelReason} ${t.optional}</label>
      <textarea part="input" id="reason" name="reason" rows="3" maxlength="500" .value=${p.reason} @input=${(e: Event) => p.onReason((e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    ${p.alert}
    <div class="actions">
      <button part="button" type="button" @click=${p.onKeep}>${t.keepBooking}</button>
      <button part="submit" type="submit" class="primary" aria-disabled=${p.busy || p.blocked ? 'true' : 'false'} aria-busy=${p.busy ? 'true' : 'false'}>
        ${p.busy ? t.cancelling : t.confirmCancel}
      </button>
    </div>
  </form>`;
}
