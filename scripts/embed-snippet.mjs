/**
 * The markup that embeds the widget with its API calls preloaded, printed by `npm run build` next
 * to the SRI hash and used by the bench's pages, so what is documented is what is measured.
 *
 * `<link rel="preload" as="fetch" crossorigin>` starts the element's two GETs while the page is
 * still parsing, in parallel with the script, instead of after the script has run. Chromium hands
 * the element's own fetch the preloaded answer (no second request) when the two requests match:
 * same URL, `cors` mode and same-origin credentials (that is what `crossorigin` with no value
 * gives), and no header the preload cannot send. The element sends no such header unless
 * `api-key` is set (an `Authorization` header), so preloading is for pages behind the proxy.
 */

/** The URLs the element GETs at startup, exactly as src/api/widget-calls.ts builds them. */
export function startupUrls(apiBase, serviceId) {
  const service = `${apiBase.replace(/\/+$/, '')}/v1/services/${encodeURIComponent(serviceId)}`;
  return [service, `${service}/time-slots`];
}

const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The two preload links, one per line. */
export const preloadLinks = (apiBase, serviceId) =>
  startupUrls(apiBase, serviceId).map((href) => `<link rel="preload" as="fetch" crossorigin href="${attr(href)}">`);

/**
 * Head and body markup for a page: preloads, the ICU warm-up when given (`warmUp`: the code of
 * scripts/intl-warmup-snippet.mjs, which loads ICU while the script downloads), then the script,
 * then the element.
 */
export function embedSnippet({ src, integrity, apiBase, serviceId, warmUp }) {
  const sri = integrity ? ` integrity="${attr(integrity)}" crossorigin="anonymous"` : '';
  return {
    head: [...preloadLinks(apiBase, serviceId), ...(warmUp ? [`<script>${warmUp}</script>`] : []), `<script type="module" src="${attr(src)}"${sri}></script>`].join('\n'),
    body: `<reservekit-booking service-id="${attr(serviceId)}" api-base="${attr(apiBase)}"></reservekit-booking>`,
  };
}
