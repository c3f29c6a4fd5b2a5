/** Types for scripts/embed-snippet.mjs (imported by the demo and the tests). */
export declare function startupUrls(apiBase: string, serviceId: string | number): string[];
export declare const preloadLinks: (apiBase: string, serviceId: string | number) => string[];
export declare function embedSnippet(options: { src: string; integrity?: string; apiBase: string; serviceId: string | number; warmUp?: string }): { head: string; body: string };
