import { css, unsafeCSS } from 'lit';

/**
 * The widget sets its token defaults on its own `:host`, so a token set on this element would not
 * reach it by inheritance alone. We therefore hold the same defaults here and pass every token
 * down with `inherit`: `reservekit-booking-button { --rk-accent: … }` themes the whole popup.
 * Keep these values in step with booking.styles.ts.
 */
const light = {
  accent: '#2f5bd3',
  bg: '#ffffff',
  fg: '#1b1f24',
  muted: '#5a6270',
  border: '#d3d8e0',
  surface: '#f5f7fa',
  danger: '#b3261e',
  success: '#1b6e3a',
};
const dark: typeof light = {
  accent: '#8fb0ff',
  bg: '#15181d',
  fg: '#eef1f5',
  muted: '#aab2bf',
  border: '#3a414c',
  surface: '#1f242b',
  danger: '#ffb4ab',
  success: '#7fdc9f',
};
const shared = {
  radius: '10px',
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  'font-size': '1rem',
  gap: '0.75rem',
  'accent-text': 'oklch(from var(--rk-accent) clamp(0, (0.62 - l) * 1000, 1) 0 0)',
  'accent-hover': 'color-mix(in oklab, var(--rk-accent) 85%, var(--rk-fg))',
  'accent-soft': 'color-mix(in oklab, var(--rk-accent) 14%, var(--rk-bg))',
  focus: 'var(--rk-accent)',
};
const tokens = (values: Record<string, string>) => unsafeCSS(Object.entries(values).map(([k, v]) => `--rk-${k}: ${v};`).join('\n'));
const inherited = unsafeCSS(Object.keys({ ...light, ...shared }).map((k) => `--rk-${k}: inherit;`).join('\n'));

export const styles = css`
  :host {
    ${tokens({ ...light, ...shared })}
    display: inline-block;
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${tokens(dark)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not([theme='dark'])) {
      ${tokens(dark)}
      color-scheme: dark;
    }
  }
  reservekit-booking {
    ${inherited}
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: 600 var(--rk-font-size) / 1.2 var(--rk-font);
    cursor: pointer;
    min-height: 2.75rem;
    min-width: 2.75rem;
    border-radius: calc(var(--rk-radius) * 0.6);
  }
  :focus-visible {
    outline: 3px solid var(--rk-focus);
    outline-offset: 2px;
  }
  [part='button'] {
    background: var(--rk-accent);
    color: var(--rk-accent-text);
    border: 1px solid var(--rk-accent);
    padding: 0.6em 1.2em;
  }
  [part='button']:hover {
    background: var(--rk-accent-hover);
  }
  dialog {
    width: min(56rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--rk-border);
    border-radius: var(--rk-radius);
    background: var(--rk-bg);
    color: var(--rk-fg);
    font: var(--rk-font-size) / 1.45 var(--rk-font);
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
    gap: var(--rk-gap);
    padding: calc(var(--rk-gap) * 0.75) var(--rk-gap) calc(var(--rk-gap) * 0.75) calc(var(--rk-gap) * 1.5);
    background: var(--rk-bg);
    border-bottom: 1px solid var(--rk-border);
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
    border-color: var(--rk-border);
  }
  [part='body'] {
    padding: var(--rk-gap);
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
`;
