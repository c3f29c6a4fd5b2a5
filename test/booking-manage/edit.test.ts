import { expect, oneEvent } from '@open-wc/testing';
import { api, mountManage, seedBooked, stored, writes, type Booked } from './setup';

describe('<reservekit-booking-manage>: editing the details', () => {
  let booked: Booked;
  beforeEach(async () => {
    booked = await seedBooked();
  });

  async function openForm() {
    const mounted = await mountManage(booked.token);
    await mounted.page.click('button', 'Edit details');
    await mounted.page.find('textbox', 'Name');
    return mounted;
  }

  it('starts from the stored details and saves the changes', async () => {
    const { el, page } = await openForm();
    expect(page.root.activeElement).to.equal(page.get('textbox', 'Name'));
    expect([page.value('Name'), page.value('Email'), page.value(/^Phone/)]).to.deep.equal(['Jane Doe', 'jane@example.com', '+12025550185']);
    expect(page.query('textbox', /^Message/), 'the message is not a contact detail').to.equal(undefined);
    await expect(el).to.be.accessible();
    await page.type('Name', 'Jane Doe-Smith');
    await page.type(/^Phone/, '+44 20 7183 8750');
    const updated = oneEvent(el, 'rk-updated');
    await page.click('button', 'Save');
    expect((await updated).detail).to.deep.equal({ bookingId: booked.id });
    await page.find('heading', 'Your details are saved');
    expect(writes().map((r) => [r.method, r.url.pathname, r.body])).to.deep.equal([
      ['PATCH', `/v1/manage/${booked.token}/customer`, { name: 'Jane Doe-Smith', email: 'jane@example.com', phone: '+442071838750' }],
    ]);
    expect(stored(booked.id).customer).to.include({ name: 'Jane Doe-Smith', phone: '+442071838750' });
  });

  it('checks the fields as the booking form does: nothing is sent, the first bad field has focus', async () => {
    const { page } = await openForm();
    await page.type('Email', 'jane@');
    await page.type(/^Phone/, '12');
    await page.click('button', 'Save');
    const email = page.get('textbox', 'Email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(page.root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Enter an email address like name@example.com');
    expect(page.get('textbox', /^Phone/).getAttribute('aria-invalid')).to.equal('true');
    expect(page.root.activeElement).to.equal(email);
    expect(writes()).to.have.length(0);
  });

  it('keeps what was typed through a failure, and saves on the next click', async () => {
    api.failNext({ method: 'PATCH', path: /\/customer$/ }, { status: 503 });
    const { page } = await openForm();
    await page.type('Name', 'J. Doe');
    await page.click('button', 'Save');
    await page.find('alert');
    expect(page.alertText()).to.contain('Something went wrong');
    expect(page.value('Name')).to.equal('J. Doe');
    await page.click('button', 'Retry');
    await page.find('heading', 'Your details are saved');
    expect(stored(booked.id).customer!.name).to.equal('J. Doe');
  });

  it('shows the server’s field messages at the fields', async () => {
    api.failNext({ method: 'PATCH', path: /\/customer$/ }, { status: 422, body: { error: { code: 'validation_error', message: 'email is taken', details: { email: 'This email belongs to another customer' } } } });
    const { page } = await openForm();
    await page.click('button', 'Save');
    await page.find('alert');
    const email = page.get('textbox', 'Email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(page.root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('This email belongs to another customer');
    expect(page.value('Name')).to.equal('Jane Doe');
  });

  it('Back leaves the form; opening it again keeps what was typed', async () => {
    const { page } = await openForm();
    await page.type('Name', 'Draft');
    await page.click('button', 'Back');
    await page.click('button', 'Edit details');
    expect(page.value('Name')).to.equal('Draft');
    expect(writes()).to.have.length(0);
  });
});
