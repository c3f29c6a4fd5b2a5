import { expect } from '@open-wc/testing';
import { alertView, loadingView } from '../../../src/components/booking/views/alert';
import { EN, show, text } from './helpers';

describe('alertView and loadingView', () => {
  it('announces the message, with Retry only when there is a way forward', async () => {
    const calls: string[] = [];
    const root = await show(alertView({ message: "Can't reach the booking service", onRetry: () => calls.push('retry'), retryLabel: 'Retry' }));
    expect(text(root.querySelector('[role=alert] p'))).to.equal("Can't reach the booking service");
    root.querySelector('button')!.click();
    expect(calls).to.deep.equal(['retry']);
    expect(root.querySelector('button')!.hasAttribute('aria-disabled')).to.equal(false);
    await expect(root).to.be.accessible();
    const none = await show(alertView({ message: 'Booking is unavailable' }));
    expect(none.querySelector('button')).to.equal(null);
    const waiting = await show(alertView({ message: 'Please wait', onRetry: () => {}, retryLabel: 'Retry', retryBlocked: true }));
    expect(waiting.querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('shows loading as a polite status', async () => {
    const root = await show(loadingView(EN.t));
    const status = root.querySelector('[role=status]')!;
    expect([text(status), status.getAttribute('aria-live')]).to.deep.equal(['Loading available times…', 'polite']);
    await expect(root).to.be.accessible();
  });
});
