import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The longest wait we show: a hostile or broken `Retry-After` must not ask for days. */
export const MAX_WAIT_SECONDS = 3600;

/**
 * A wait the visitor can see, such as a rate limit's `Retry-After`: the host renders again every
 * second until it is over, and the ticking stops when the host leaves the page.
 */
export class CountdownController implements ReactiveController {
  #host: ReactiveControllerHost;
  #until = 0;
  #timer?: ReturnType<typeof setInterval>;

  constructor(host: ReactiveControllerHost) {
    (this.#host = host).addController(this);
  }

  /** Starts (or restarts) a wait of `seconds` (not negative), capped at an hour. */
  start(seconds: number) {
    this.stop();
    this.#until = Date.now() + Math.min(seconds, MAX_WAIT_SECONDS) * 1000;
    this.#timer = setInterval(() => {
      this.#host.requestUpdate();
      if (!this.active) clearInterval(this.#timer);
    }, 1000);
    this.#host.requestUpdate();
  }

  stop() {
    clearInterval(this.#timer);
    this.#until = 0;
  }

  /** Whole seconds left, 0 when there is no wait. */
  get seconds(): number {
    return Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
  }

  get active(): boolean {
    return this.#until > Date.now();
  }

  hostDisconnected() {
    clearInterval(this.#timer);
  }
}
