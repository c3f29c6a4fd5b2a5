import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { CountdownController, MAX_WAIT_SECONDS } from '../../src/components/shared/countdown-controller';
import { FocusController } from '../../src/components/shared/focus-controller';
import { LocaleController } from '../../src/components/shared/locale-controller';

/** Any element can host the shared controllers; this one knows nothing of booking. */
class ControllerHost extends LitElement {
  static override properties = { locale: {} };
  locale = '';
  l = new LocaleController(this, { attribute: () => this.locale, overrides: () => ({ close: 'Shut' }) });
  wait = new CountdownController(this);
  focuser = new FocusController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`<p>${this.l.t.back} ${this.l.t.close}</p>
      <span>${this.wait.seconds}</span><button id="a">a</button><button id="b">b</button>`;
  }
}
customElements.define('rk-controller-host', ControllerHost);

describe('shared controllers on another host', () => {
  it('LocaleController: resolves from the attribute or the nearest [lang], loads the translation, applies overrides', async () => {
    const wrapper = await fixture<HTMLElement>(fixtureHtml`<div lang="de-AT"><rk-controller-host></rk-controller-host></div>`);
    const el = wrapper.querySelector<ControllerHost>('rk-controller-host')!;
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Zurück'), 'the German catalogue never arrived');
    expect([el.l.value, el.l.firstDay, el.l.rtl]).to.deep.equal(['de-AT', 1, false]);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Zurück Shut');
    el.locale = 'ar-EG';
    await waitUntil(() => el.l.t.back !== 'Zurück' && el.l.t.back !== 'Back', 'the Arabic catalogue never arrived');
    expect([el.l.value, el.l.firstDay, el.l.rtl]).to.deep.equal(['ar-EG', 6, true]);
  });

  it('CountdownController: counts down, renders each second, caps at an hour, stops when disconnected', async () => {
    const el = await fixture<ControllerHost>(fixtureHtml`<rk-controller-host></rk-controller-host>`);
    el.wait.start(2);
    await el.updateComplete;
    expect([el.wait.seconds, el.wait.active]).to.deep.equal([2, true]);
    const renders = el.renders;
    await waitUntil(() => el.renders > renders, 'no render within the second', { timeout: 1500 });
    el.wait.start(99_999_999);
    expect(el.wait.seconds).to.equal(MAX_WAIT_SECONDS);
    el.wait.stop();
    expect([el.wait.seconds, el.wait.active]).to.deep.equal([0, false]);
  });

  it('FocusController: the last request wins, after the next update', async () => {
    const el = await fixture<ControllerHost>(fixtureHtml`<rk-controller-host></rk-controller-host>`);
    el.focuser.after('#a');
    el.focuser.after('#b');
    expect(el.shadowRoot!.activeElement).to.equal(null);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('b');
    el.focuser.after('#a');
    el.focuser.after('');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement!.id).to.equal('b');
  });
});
