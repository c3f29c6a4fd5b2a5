import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The one way our elements move focus: name what should have it once the next update is
 * rendered (a CSS selector in the host's render root; the first match wins). A later request
 * replaces an earlier one, so the last thing the visitor did decides.
 */
export class FocusController implements ReactiveController {
  #host: ReactiveControllerHost & { renderRoot: ParentNode };
  #selector = '';

  constructor(host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    (this.#host = host).addController(this);
  }

  /** Focus the first element matching `selector` after the next update; '' cancels. */
  after(selector: string) {
    this.#selector = selector;
    if (selector) this.#host.requestUpdate();
  }

  hostUpdated() {
    const selector = this.#selector;
    this.#selector = '';
    if (selector) this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
