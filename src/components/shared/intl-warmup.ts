/**
 * The first Intl call on a page loads ICU's data: 65-100 ms of main-thread CPU on a 4x slower
 * phone, in one task, whichever API comes first. These steps load it in pieces instead, each meant
 * for a task of its own; the largest (a locale keyword's first use, which nothing splits further)
 * measured 30-45 ms at 4x. Each step is nearly free once ICU is warm.
 *
 * The element runs them while its API calls are out (`intlLoaded`); the embed snippet's inline
 * script runs them while the element's script is still downloading (scripts/embed-snippet.mjs,
 * docs/startup.md), so that on a page with it the work is off the critical path altogether.
 * Keep this module free of imports: the snippet is built from it alone.
 */
export function intlSteps(lang: string): (() => unknown)[] {
  return [
    () => new Intl.Locale(lang).maximize(),
    () => new Intl.Locale(lang, { numberingSystem: 'latn' }).toString(),
    () => (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone'),
    () => Intl.DateTimeFormat.supportedLocalesOf([lang]),
    () => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', weekday: 'long', month: 'long', day: 'numeric' }).formatToParts(0),
    () => Intl.DateTimeFormat().resolvedOptions(),
  ];
}

/** The page's language as the steps take it: `<html lang>`, else the browser's (and on a server, which has neither, English). */
export const pageLang = () => globalThis.document?.documentElement?.lang || globalThis.navigator?.language || 'en';

/** Runs the steps, each after `next()` (a new task); a step the browser refuses (an odd `lang`) is skipped. */
export async function warmUpIntl(next: () => Promise<void>, lang = pageLang()) {
  for (const step of intlSteps(lang)) {
    await next();
    try {
      step();
    } catch {
      // Intl.Locale refuses a malformed tag; the later steps still load ICU.
    }
  }
}
