import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';

describe('smoke', () => {
  it('msw intercepts fetch', async () => {
    const worker = setupWorker(http.get('https://api.example.test/x', () => HttpResponse.json({ ok: 1 })));
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    const r = await fetch('https://api.example.test/x');
    expect(await r.json()).to.deep.equal({ ok: 1 });
    worker.stop();
  });
});
