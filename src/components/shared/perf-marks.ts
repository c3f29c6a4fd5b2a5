import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * User Timing marks and measures for the benchmark: the numbers come from the element itself.
 * `rk:connected` when the element is created; `rk:startup` and `rk:data-to-paint` once, when `interactive()` first holds after an update;
 * `rk:<name>` per interaction, from the call to `interaction(name)` to the update that shows it.
 * Another element can attach its own instance: the names are per page, so the first to connect
 * and the last to interact are measured.
 */
export class PerfMarks implements ReactiveController {
  #interactive: () => boolean;
  #done = false;
  #pending = '';

  constructor(host: ReactiveControllerHost, interactive: () => boolean) {
    host.addController(this);
    this.#interactive = interactive;
    // When the element is created: markup in the page is created and connected in one go, while
    // Lit's part of connecting may wait for a task of its own (RkElement.connectedCallback).
    performance.mark('rk:connected');
  }

  /** The data the first interactive render needs has arrived. */
  data() {
    performance.mark('rk:data');
  }

  /** Starts measuring `rk:<name>` up to the end of the next update. */
  interaction(name: string) {
    performance.mark('rk:interaction');
    this.#pending = name;
  }

  hostUpdated() {
    if (!this.#done && this.#interactive()) {
      this.#done = true;
      performance.measure('rk:startup', 'rk:connected');
      performance.measure('rk:data-to-paint', 'rk:data');
    }
    if (this.#pending) {
      performance.measure(`rk:${this.#pending}`, 'rk:interaction');
      this.#pending = '';
    }
  }
}
