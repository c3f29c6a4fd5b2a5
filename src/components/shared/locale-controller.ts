import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { catalogueFor, en, firstDayOfWeek, isRtl, loadLocale, resolveLocale, type Strings } from '../../i18n/index.js';

/** What views need to know about the locale (a LocaleController is one). */
export interface LocaleInfo {
  /** Canonical BCP 47 tag. */
  readonly value: string;
  readonly t: Strings;
  readonly rtl: boolean;
  /** 1 = Monday … 7 = Sunday. */
  readonly firstDay: number;
}

export interface LocaleOptions {
  /** The host's own `locale` attribute or property, if any. */
  attribute(): string | null | undefined;
  /** Per-string overrides (the `strings` property). */
  overrides?(): Partial<Strings> | undefined;
}

/**
 * The locale of an element and what follows from it: catalogue, direction, first day of the
 * week. Resolved when the host connects and before each render (never in a constructor, so
 * nothing touches the DOM before the element is in a document); a translation that is not
 * loaded yet loads on demand and the host renders again once it is there.
 */
export class LocaleController implements ReactiveController, LocaleInfo {
  /** Canonical BCP 47 tag; 'en' until resolved. */
  value = 'en';
  t: Strings = en;
  // Direction and first weekday come from Intl.Locale, whose first use on a page loads ICU's
  // data (40-80 ms on a slow phone): asked only when a view needs them, not when the host connects.
  #facts?: { locale: string; rtl: boolean; firstDay: number };
  get rtl(): boolean {
    return this.#localeFacts().rtl;
  }
  /** 1 = Monday … 7 = Sunday. */
  get firstDay(): number {
    return this.#localeFacts().firstDay;
  }
  #localeFacts() {
    const locale = this.value;
    if (this.#facts?.locale !== locale) this.#facts = { locale, rtl: isRtl(locale), firstDay: firstDayOfWeek(locale) };
    return this.#facts;
  }
  /** Settles when the translation for `value` is loaded (or known to be unavailable); undefined before the host connects. */
  ready?: Promise<unknown>;
  #host: ReactiveControllerHost & HTMLElement;
  #options: LocaleOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocaleOptions) {
    (this.#host = host).addController(this);
    this.#options = options;
  }

  hostConnected() {
    this.resolve();
  }

  hostUpdate() {
    this.resolve();
  }

  /**
   * Lit SSR calls neither hook: a host calls this from `willUpdate`, which the server renderer
   * does call, so the server's markup is in the element's language (its `locale`, else English).
   */
  serverUpdate() {
    if (isServer) this.resolve();
  }

  /** Re-reads the locale; cheap when nothing changed. */
  resolve() {
    const locale = resolveLocale(this.#host, this.#options.attribute() || null);
    if (locale !== this.value) {
      this.value = locale;
      // A locale set after loading renders in English until its translation arrives.
      // A server renders once, synchronously: it loads translations beforehand (`loadLocale`).
      this.ready = loadLocale(locale).then((added) => added && !isServer && this.#host.requestUpdate());
    }
    // Cheaper than knowing whether a translation arrived since the last update.
    this.t = catalogueFor(locale, this.#options.overrides?.());
  }
}
