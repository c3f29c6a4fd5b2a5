/**
 * Locale resolution and the string catalogue. Everything locale-specific that Intl already
 * knows (dates, times, numbers, country names, 12/24 h) is left to Intl; this module only holds
 * our own sentences and the few facts Intl exposes unevenly across browsers.
 */
import { en, type PluralKey, type Strings, type Translation } from './strings.js';

export { en };
export type { PluralKey, Strings, Translation };

/** Translations loaded so far, by BCP 47 tag (lower case); a full tag such as 'pt-br' may sit beside 'pt'. */
export const translations: Record<string, Partial<Strings>> = {};

/**
 * Translations load on demand, so an app bundler can split each into a chunk of its own (most
 * pages need one language). The standalone script inlines them all (scripts/build.mjs: one file,
 * one integrity hash), where these imports resolve at once.
 */
const loaders: Record<string, () => Promise<{ translation: Translation }>> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};

/** A translation's sentences under `en`'s keys, in order, with its extra plural forms. */
function keyed(translation: Translation): Partial<Strings> {
  const keys = Object.keys(en);
  const out: Record<string, string> = {};
  let i = 0;
  for (const line of translation) {
    if (typeof line === 'string') out[keys[i++]] = line;
    else Object.assign(out, line);
  }
  return out;
}

/**
 * Loads the translation `locale` needs, if we ship one and it is not loaded yet; resolves to true
 * when this call added it (so a caller re-renders once, not on every render).
 */
export async function loadLocale(locale: string): Promise<boolean> {
  const lang = locale.toLowerCase().split('-')[0];
  if (translations[lang] || !loaders[lang]) return false;
  try {
    const strings = keyed((await loaders[lang]()).translation);
    return translations[lang] ? false : !!(translations[lang] = strings);
  } catch {
    // Unreachable locale file: English stays, which beats no widget at all.
    return false;
  }
}

/** English, then the translation for the full tag or else its language, then `overrides`. */
export function catalogueFor(locale: string, overrides?: Partial<Strings>): Strings {
  const tag = locale.toLowerCase();
  const out: Strings = { ...en, ...(translations[tag] ?? translations[tag.split('-')[0]]) };
  // Skip non-strings so that `{ name: undefined }` from a JS caller can't blank a label.
  for (const [k, v] of Object.entries(overrides ?? {})) if (typeof v === 'string') (out as Record<string, string>)[k] = v;
  return out;
}

/** Fills `{name}` placeholders; unknown ones stay as they are, so a second pass can fill them. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}

/**
 * The plural form of `key` for `count` (Intl.PluralRules category, falling back to `_other`),
 * with `{count}` filled in as a localized number and `params` filled in too.
 */
export function plural(
  strings: Strings,
  key: PluralKey,
  count: number,
  locale: string,
  params?: Record<string, string | number>,
): string {
  const loc = canonical(locale) ?? 'en';
  const table = strings as Record<string, string | undefined>;
  const template = table[`${key}_${new Intl.PluralRules(loc).select(count)}`] ?? strings[`${key}_other`];
  return format(template, { ...params, count: new Intl.NumberFormat(loc).format(count) });
}

function canonical(tag: string | null | undefined): string | undefined {
  try {
    return tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    return undefined;
  }
}

const warned = new Set<string>();

/**
 * The locale for `el`: its own `locale` attribute (`attr`), else the nearest `[lang]` at or above
 * it (crossing shadow roots), else `<html lang>`, else `navigator.language`, else 'en'. Invalid
 * tags are skipped; an invalid `locale` attribute warns once per value.
 */
export function resolveLocale(el: Element, attr?: string | null): string {
  if (attr) {
    const c = canonical(attr);
    if (c) return c;
    if (!warned.has(attr)) {
      warned.add(attr);
      const fixed = canonical(attr.trim().replace(/_/g, '-'));
      console.warn(
        `<${el.localName}>: locale="${attr}" is not a valid BCP 47 language tag` +
          (fixed ? ` (did you mean "${fixed}"?)` : ' (use e.g. "en-US" or "de")') +
          '; using the page language instead.',
      );
    }
  }
  for (let e: Element | null = el; e; e = e.parentElement ?? (e.getRootNode?.() as ShadowRoot | undefined)?.host ?? null) {
    const c = canonical(e.getAttribute('lang'));
    if (c) return c;
  }
  // The walk misses these when `el` is not connected yet; a server renderer has neither.
  return canonical(globalThis.document?.documentElement.getAttribute('lang')) ?? canonical(globalThis.navigator?.language) ?? 'en';
}

/** What Intl.Locale offers in recent engines, as a method (new) or a getter (Chromium < 130). */
type LocaleInfo = Intl.Locale & {
  getTextInfo?(): { direction?: string };
  textInfo?: { direction?: string };
  getWeekInfo?(): { firstDay?: number };
  weekInfo?: { firstDay?: number };
};

function intlLocale(locale: string): LocaleInfo | undefined {
  try {
    return new Intl.Locale(locale);
  } catch {
    return undefined;
  }
}

/** Right-to-left scripts, for engines without Intl.Locale text info. */
const RTL_SCRIPTS = /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg|Mand|Samr)$/;
const RTL_LANGS = ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb'];

export function isRtl(locale: string): boolean {
  const l = intlLocale(locale);
  if (!l) return false;
  const dir = (l.getTextInfo?.() ?? l.textInfo)?.direction;
  if (dir) return dir === 'rtl';
  return l.script ? RTL_SCRIPTS.test(l.script) : RTL_LANGS.includes(l.language);
}

// CLDR weekData (2024). Two-letter codes separated by spaces, so `includes` only matches whole codes.
const SUNDAY_FIRST =
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW';
const SATURDAY_FIRST = 'AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY';

/** First day of the week for `locale`: 1 = Monday … 7 = Sunday (ISO 8601 numbering, like luxon). */
export function firstDayOfWeek(locale: string): number {
  const l = intlLocale(locale);
  if (!l) return 1;
  const day = (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay;
  if (day && day >= 1 && day <= 7) return day;
  const region = l.maximize().region ?? '';
  if (region.length !== 2) return 1;
  return SUNDAY_FIRST.includes(region) ? 7 : SATURDAY_FIRST.includes(region) ? 6 : 1;
}

/** Tags with a translation, English first (for locale pickers in demos). */
export const SUPPORTED_LOCALES = ['en', ...Object.keys(loaders)];
