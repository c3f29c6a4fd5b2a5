import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

/** Tokens come from ../shared/tokens.styles.ts and reach the widget inside by inheritance. */
export const styles = [
  tokens,
  css`
  :host {
    display: inline-block;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: 600 var(--_font-size) / 1.2 var(--_font);
    cursor: pointer;
    min-height: 2.75rem;
    min-width: 2.75rem;
    border-radius: calc(var(--_radius) * 0.6);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [part='button'] {
    background: var(--_accent);
    color: var(--_accent-text);
    border: 1px solid var(--_accent);
    padding: 0.6em 1.2em;
  }
  [part='button']:hover {
    background: var(--_accent-hover);
  }
  /* floating: a corner badge, at the bottom end (right, or left in a right-to-left page). */
  :host([floating]) {
    position: fixed;
    inset-block-end: var(--rk-floating-offset, 1.25rem);
    inset-inline-end: var(--rk-floating-offset, 1.25rem);
    z-index: var(--rk-floating-z-index, 1000);
  }
  :host([floating]) [part='button'] {
    border-radius: 999px;
    padding: 0.8em 1.4em;
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.25);
  }
  @media print {
    :host([floating]) {
      display: none;
    }
  }
  dialog {
    width: min(56rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--_font-size) / 1.45 var(--_font);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: var(--rk-backdrop, rgb(10 12 16 / 0.55));
  }
  .bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    padding: calc(var(--_gap) * 0.75) var(--_gap) calc(var(--_gap) * 0.75) calc(var(--_gap) * 1.5);
    background: var(--_bg);
    border-bottom: 1px solid var(--_border);
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
  }
  .close {
    border: 1px solid transparent;
    background: none;
    color: inherit;
    font-size: 1.5em;
    font-weight: 400;
    line-height: 1;
  }
  .close:hover {
    border-color: var(--_border);
  }
  [part='body'] {
    padding: var(--_gap);
  }
  /* A phone gets the whole screen: no margins to mis-tap, no page peeking behind. */
  @media (max-width: 40rem) {
    dialog {
      width: 100%;
      max-width: none;
      height: 100%;
      max-height: none;
      margin: 0;
      border: none;
      border-radius: 0;
    }
    [part='body'] {
      padding: 0;
    }
  }
`,
];
