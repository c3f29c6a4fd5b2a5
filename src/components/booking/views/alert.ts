import { html, nothing } from 'lit';
import type { Strings } from '../../../i18n/index.js';

export interface AlertProps {
  message: string;
  /** Offers a Retry button (labelled `retryLabel`) when given. */
  onRetry?: () => void;
  retryLabel?: string;
  /** Retry is shown but refused for now (a rate-limit wait). */
  retryBlocked?: boolean;
}

/** An announced error (`role="alert"`), with a way forward when there is one. */
export function alertView(p: AlertProps) {
  return html`<div part="alert" class="alert" role="alert">
    <p>${p.message}</p>
    ${p.onRetry
      ? html`<button part="button" type="button" aria-disabled=${p.retryBlocked ? 'true' : nothing} data-focus @click=${p.onRetry}>
          ${p.retryLabel}
        </button>`
      : nothing}
  </div>`;
}

/** The polite loading line. */
export function loadingView(t: Strings) {
  return html`<div part="status" class="loading" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true"></span><span>${t.loading}</span>
  </div>`;
}
