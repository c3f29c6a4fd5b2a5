import { html } from 'lit';
import type { Strings } from '../../../i18n/index.js';

export interface ActionsProps {
  t: Strings;
  onReschedule(): void;
  onEdit(): void;
  onCancel(): void;
}

/** What a visitor can do with a live booking. */
export function actionsView({ t, onReschedule, onEdit, onCancel }: ActionsProps) {
  return html`<div class="actions manage-actions">
    <button part="button" type="button" @click=${onReschedule}>${t.reschedule}</button>
    <button part="button" type="button" @click=${onEdit}>${t.editDetails}</button>
    <button part="button" type="button" @click=${onCancel}>${t.cancelBooking}</button>
  </div>`;
}
