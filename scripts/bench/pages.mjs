/**
 * The network bench's pages: one per way of putting the widget on a page (and, in
 * scripts/bench-peers.mjs, one per peer). Each page carries the same small inline probe, first
 * in <head>: it records long tasks and resolves `window.__bench.interactive` with the time of the
 * first frame painted after the page's `ready()` test passes (checked once per frame).
 */
import { embedSnippet } from '../embed-snippet.mjs';
import { intlWarmUp } from '../intl-warmup-snippet.mjs';

/**
 * The probe. `ready` is the source of a function that says whether the page is interactive. The
 * mark 'bench:interactive' lets the trace tell the tasks before interactive from those after.
 */
export const probe = (ready) => `<script>
(() => {
  const b = (window.__bench = { longtasks: [] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const ready = ${ready};
  b.interactive = new Promise((resolve) => {
    const frame = () => {
      if (!ready()) return requestAnimationFrame(frame);
      // Called from a frame's rAF: a task posted now runs once that frame is painted.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.mark('bench:interactive').startTime);
      ch.port2.postMessage(0);
    };
    requestAnimationFrame(frame);
  });
})();
</script>`;

export const page = ({ title = 'Book a consultation', head = '', body }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${head}
<style>body { margin: 0; font: 16px system-ui, sans-serif; } main { max-width: 720px; padding: 16px; }</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;

/** Interactive: the calendar grid shows at least one day that can be picked. */
const calendarReady = `() => !!document.querySelector('reservekit-booking')?.shadowRoot?.querySelector('[role=grid] button.day:not([aria-disabled])')`;
/** Interactive: the service list shows the services' buttons. */
const listReady = `() => !!document.querySelector('reservekit-booking')?.shadowRoot?.querySelector('button.service')`;
/** Interactive: the booking is shown with what the visitor can do with it. */
const manageReady = `() => !!document.querySelector('reservekit-booking-manage')?.shadowRoot?.querySelector('.manage-actions button')`;
/** Interactive: the control script has run. */
const controlReady = `() => window.__rkControl === true`;
/** Runs right after the widget's module script (module scripts run in document order). */
const evaluatedMark = `<script type="module">performance.mark('bench:evaluated')</script>`;

/** Where the control script is served: beside the bundle. */
const controlSrc = (src) => src.replace(/[^/]*$/, 'control.js');

/**
 * The control page's script: the bundle's exact bytes inside a comment, then one statement. Its
 * gzip size is the bundle's (within a few bytes), the browser downloads, streams and scans it the
 * same way, and it does no work: what the harness shows for it is the least any script of the
 * widget's size can reach on this page, network emulation, navigation and frames included.
 */
export const controlScript = (bundle) => `/*${bundle.replace(/\*\//g, '* /')}*/\nwindow.__rkControl = true;\n`;

/** JSON for a <script> element: `<` escaped so no `</script>` can end it early. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * Our page variants, by flag name. Each returns { path, describe, html(context) }.
 *   script   the <script type=module> and the element, nothing else: the API calls start once the script has run
 *   preload  the documented snippet: the two GETs preloaded, in parallel with the script, and ICU warmed meanwhile
 *   inline   server-rendered data in a child <script type="application/json">: no API round trip; ICU warmed while the script downloads
 *   list     no `service-id`: the list of services (the proxy's `GET /v1/services`), the script tag only
 *   manage   the page behind a booking's manage link: `<reservekit-booking-manage token>`, the script tag only
 *   control  the script page with the bundle's bytes in a comment (`controlScript`): no widget, no work
 * `api(ctx)` lists the API paths (under apiBase) whose answers the interactive state needs: the floor counts their bytes.
 */
export function ourVariants({ src, apiBase = '/api' }) {
  const warmUp = intlWarmUp().code;
  const snippet = (ctx) => embedSnippet({ src, apiBase, serviceId: ctx.service.id, warmUp });
  const scriptTag = `<script type="module" src="${src}"></script>`;
  const calendarApi = (ctx) => [`/v1/services/${ctx.service.id}`, `/v1/services/${ctx.service.id}/time-slots`];
  return {
    script: {
      describe: 'script tag and element only; the API calls start after the script has run',
      html: (ctx) => page({ head: `${probe(calendarReady)}\n${scriptTag}\n${evaluatedMark}`, body: snippet(ctx).body }),
      api: calendarApi,
    },
    preload: {
      describe: 'the documented snippet: the two GETs preloaded with the page',
      html: (ctx) => {
        const s = snippet(ctx);
        return page({ head: `${probe(calendarReady)}\n${s.head}\n${evaluatedMark}`, body: s.body });
      },
      api: calendarApi,
    },
    inline: {
      describe: 'service and slots inline in the page (server-rendered): no API round trip',
      html: (ctx) => {
        const s = snippet(ctx);
        const body = s.body.replace('></reservekit-booking>', `>\n<script type="application/json">${scriptJson(ctx.initial)}</script>\n</reservekit-booking>`);
        // The documented snippet without its preloads: the data is in the page.
        return page({ head: `${probe(calendarReady)}\n<script>${warmUp}</script>\n${scriptTag}\n${evaluatedMark}`, body });
      },
      api: () => [],
    },
    list: {
      describe: 'no service-id: the list of services to choose from',
      html: () => page({ title: 'Book with us', head: `${probe(listReady)}\n${scriptTag}\n${evaluatedMark}`, body: `<reservekit-booking api-base="${apiBase}"></reservekit-booking>` }),
      api: () => ['/v1/services'],
    },
    manage: {
      describe: 'the manage page: one booking, from its manage link',
      html: (ctx) =>
        page({
          title: 'Your booking',
          head: `${probe(manageReady)}\n${scriptTag}\n${evaluatedMark}`,
          body: `<reservekit-booking-manage api-base="${apiBase}" token="${ctx.manageToken}"></reservekit-booking-manage>`,
        }),
      api: (ctx) => [`/v1/manage/${ctx.manageToken}`],
    },
    control: {
      describe: 'the control: a script of the same bytes that does nothing (the bundle inside a comment), interactive as soon as it has run',
      // The bench serves the control script beside the bundle (`controlScript`); the element stays undefined.
      html: (ctx) => page({ head: `${probe(controlReady)}\n<script type="module" src="${controlSrc(src)}"></script>\n${evaluatedMark}`, body: snippet(ctx).body }),
      api: () => [],
      script: controlSrc(src),
    },
  };
}
