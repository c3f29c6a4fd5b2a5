import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

/**
 * Every visual value comes from the tokens (../shared/tokens.styles.ts). Layout reacts to the
 * widget's own width (container queries), because it often sits in a sidebar of a wide page.
 */
export const styles = [
  tokens,
  css`
  :host {
    display: block;
    container-type: inline-size;
    font: var(--_font-size) / 1.45 var(--_font);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .rk {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_gap) * 1.5);
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.3em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.05em;
  }
  [part~='description'],
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: 0.85em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    min-height: 2.75rem;
    min-width: 2.75rem;
    border-radius: calc(var(--_radius) * 0.6);
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: 0.4em 0.9em;
  }
  button:hover:not([disabled]):not([aria-disabled='true']) {
    border-color: var(--_accent);
  }
  button[disabled],
  button[aria-disabled='true'] {
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    font-weight: 600;
  }
  .primary:hover:not([aria-disabled='true']) {
    background: var(--_accent-hover);
  }
  .primary[aria-disabled='true'] {
    opacity: 0.75;
  }
  .link {
    border: none;
    background: none;
    min-height: 1.5rem;
    min-width: 1.5rem;
    padding: 0;
    color: var(--_fg);
    text-decoration: underline;
  }
  .zone {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    font-size: 0.92em;
  }
  .zone-picker input {
    min-width: 14rem;
  }
  .picker {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: calc(var(--_gap) * 2);
    align-items: start;
  }
  @container (max-width: 560px) {
    .picker {
      grid-template-columns: minmax(0, 1fr);
    }
    /* Stacked, the page scrolls: a second scroll area inside it would only trap the thumb. */
    .picker .slots ul {
      max-height: none;
      overflow: visible;
    }
  }
  @container (min-width: 561px) {
    /* Side by side, the times take the calendar's height and scroll within it. */
    .picker {
      align-items: stretch;
    }
    .picker .slots {
      contain: size;
      min-height: 16rem;
      grid-template-rows: auto auto minmax(0, 1fr);
      align-content: start;
    }
    .picker .slots ul {
      max-height: none;
      align-content: start;
      /* Room for the focus ring, which the scroll box would otherwise clip. */
      margin: -5px;
      padding: 5px;
    }
    /* A fade at the foot of the visible times says "more below"; scrolled to the end, it sits under the last one. */
    .picker .slots ul::after {
      content: '';
      position: sticky;
      bottom: -5px;
      height: 1.75rem;
      background: linear-gradient(color-mix(in oklab, var(--_bg) 0%, transparent), var(--_bg));
      pointer-events: none;
    }
  }
  .month-nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .month-nav h3 {
    text-transform: capitalize;
    text-align: center;
  }
  .nav {
    border: none;
    background: none;
    font-size: 1.4em;
    padding: 0;
  }
  .nav[disabled] {
    opacity: 0.35;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-weight: 500;
    font-size: 0.8em;
    color: var(--_muted);
    padding-bottom: 0.25rem;
  }
  td {
    padding: 2px;
    text-align: center;
  }
  .day {
    width: 100%;
    min-width: 1.5rem;
    min-height: 2.5rem;
    aspect-ratio: 1;
    max-height: 3rem;
    padding: 0;
    border: 1px solid transparent;
    background: var(--_accent-soft);
  }
  /* Open and closed days share one weight: the shell has already laid out the numbers in it, so the
     render with data lays out no new text (bold open days cost 10-18 ms of a 4x phone's CPU there).
     Closed days are faded by opacity, which forced-colors mode keeps (it replaces colours and
     backgrounds, so those alone would make open and closed days look the same there). */
  .day[aria-disabled='true'] {
    background: none;
    opacity: 0.55;
  }
  .day[aria-describedby='rk-reason-full'] {
    text-decoration: line-through;
    text-decoration-color: color-mix(in oklab, var(--_muted) 60%, transparent);
  }
  .day[aria-current='date'] {
    border-color: var(--_muted);
  }
  .day[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .slots {
    display: grid;
    gap: 0.5rem;
  }
  .slots > p {
    font-size: 0.9em;
  }
  .slots ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
    max-height: 22rem;
    overflow-y: auto;
  }
  .slot {
    width: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    align-content: center;
    gap: 0.1rem 0.75rem;
    text-align: start;
  }
  .slot .time {
    font-weight: 600;
  }
  /* Places left (or "Fully booked") share the first line when it fits; the service's own time goes below. */
  .slot > .small:not(.muted) {
    order: 1;
    margin-inline-start: auto;
    color: var(--_muted);
  }
  .slot > .muted {
    order: 2;
    flex-basis: 100%;
  }
  .slot[aria-pressed='true'] > .small:not(.muted) {
    color: inherit;
  }
  .slot[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
  }
  .slot[aria-pressed='true'] .muted {
    color: inherit;
  }
  .slot[aria-disabled='true'] {
    opacity: 0.7;
    text-decoration: line-through;
  }
  .form {
    display: grid;
    gap: var(--_gap);
    border-top: 1px solid var(--_border);
    padding-top: var(--_gap);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
    font-size: 0.92em;
  }
  input,
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.45em 0.65em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_bg);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .phone {
    display: grid;
    grid-template-columns: minmax(0, 11rem) minmax(0, 1fr);
    gap: 0.5rem;
  }
  @container (max-width: 420px) {
    /* Phone widths: the count always goes under the time, so every row has the same shape. */
    .slot > .small:not(.muted) {
      flex-basis: 100%;
      margin-inline-start: 0;
    }
  }
  @container (max-width: 360px) {
    .phone {
      grid-template-columns: minmax(0, 1fr);
    }
    .rk {
      padding: var(--_gap);
    }
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  .alert {
    border: 2px solid var(--_danger);
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.6rem 0.8rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }
  .done {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .done h3 {
    color: var(--_success);
    font-size: 1.2em;
  }
  .loading {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    min-height: 8rem;
    justify-content: center;
    color: var(--_muted);
  }
  .spinner {
    width: 1.25rem;
    height: 1.25rem;
    border: 3px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: rk-spin 0.8s linear infinite;
  }
  @keyframes rk-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-top-color: var(--_border);
    }
  }
  [hidden] {
    display: none !important;
  }
`,
];
