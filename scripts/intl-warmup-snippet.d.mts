/** Types for scripts/intl-warmup-snippet.mjs (imported by the build, the bench and the tests). */
export declare function intlWarmUp(): { code: string; hash: string };
