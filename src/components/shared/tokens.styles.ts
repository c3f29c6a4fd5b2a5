import { css } from 'lit';

/**
 * The design tokens, shared by `<reservekit-booking>` and `<reservekit-booking-button>`. Each
 * public `--rk-*` custom property is read with its default as a fallback into a private `--_*`
 * one, so a token set anywhere above the element (the page, a wrapper, the popup button)
 * reaches it by plain inheritance. light-dark() picks each default by the host's color-scheme,
 * which theme="light|dark" pins and theme="auto" leaves to prefers-color-scheme. The brand
 * colour alone derives hover, soft and text-on-accent colours.
 */
export const tokens = css`
  :host {
    --_accent: var(--rk-accent, light-dark(#2f5bd3, #8fb0ff));
    --_bg: var(--rk-bg, light-dark(#ffffff, #15181d));
    --_fg: var(--rk-fg, light-dark(#1b1f24, #eef1f5));
    --_muted: var(--rk-muted, light-dark(#5a6270, #aab2bf));
    --_border: var(--rk-border, light-dark(#d3d8e0, #3a414c));
    --_surface: var(--rk-surface, light-dark(#f5f7fa, #1f242b));
    --_danger: var(--rk-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--rk-success, light-dark(#1b6e3a, #7fdc9f));
    --_radius: var(--rk-radius, 10px);
    --_font: var(--rk-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--rk-font-size, 1rem);
    --_gap: var(--rk-gap, 0.75rem);
    --_accent-text: var(--rk-accent-text, oklch(from var(--_accent) clamp(0, (0.62 - l) * 1000, 1) 0 0));
    --_accent-hover: color-mix(in oklab, var(--_accent) 85%, var(--_fg));
    --_accent-soft: light-dark(color-mix(in oklab, var(--_accent) 14%, var(--_bg)), color-mix(in oklab, var(--_accent) 24%, var(--_bg)));
    --_focus: var(--rk-focus, var(--_accent));
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;
