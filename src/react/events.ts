import type { EventName } from '@lit/react';

/** `@lit/react`'s typed event name for the `rk-*` event `K`. */
export type Handler<K extends keyof HTMLElementEventMap> = EventName<HTMLElementEventMap[K]>;
