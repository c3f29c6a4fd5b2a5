import { expect } from '@open-wc/testing';
import { emptyValues } from '../../../src/components/booking/form-data';
import { formView, type FormProps } from '../../../src/components/booking/views/form';
import { alertView } from '../../../src/components/booking/views/alert';
import { EN, show, text } from './helpers';

function props(over: Partial<FormProps> = {}) {
  const calls: string[] = [];
  const p: FormProps = {
    locale: EN,
    summary: 'Wednesday, December 2, 2026, 2:00 – 3:00 PM',
    values: { ...emptyValues(), name: 'Jane', email: 'jane@', country: 'JP' },
    errors: {},
    busy: false,
    blocked: false,
    onInput: (name, value) => calls.push(`${name}=${value}`),
    onSubmit: () => calls.push('submit'),
    onBack: () => calls.push('back'),
    ...over,
  };
  return { p, calls };
}
/** The control a label points at. */
const field = (root: HTMLElement, id: string) => root.querySelector<HTMLInputElement>(`#${root.querySelector(`label[for="${id}"]`)!.getAttribute('for')}`)!;

describe('formView', () => {
  it('labels every field, shows the values and the summary', async () => {
    const { p } = props();
    const root = await show(formView(p));
    expect([...root.querySelectorAll('label')].map(text)).to.deep.equal(['Name', 'Email', 'Phone (optional)', 'Message (optional)']);
    expect(field(root, 'name').value).to.equal('Jane');
    expect(field(root, 'email').value).to.equal('jane@');
    expect(root.querySelector<HTMLSelectElement>('select')!.value).to.equal('JP');
    expect(text(root.querySelector('option[value=JP]'))).to.equal('Japan (+81)');
    expect(text(root.querySelector('.summary'))).to.equal('Wednesday, December 2, 2026, 2:00 – 3:00 PM');
    await expect(root).to.be.accessible();
  });

  it('ties each message to its field', async () => {
    const { p } = props({ errors: { email: 'Enter an email address like name@example.com' } });
    const root = await show(formView(p));
    const email = field(root, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root.querySelector(`#${email.getAttribute('aria-describedby')}`))).to.equal('Enter an email address like name@example.com');
    expect(field(root, 'name').getAttribute('aria-invalid')).to.equal('false');
    await expect(root).to.be.accessible();
  });

  it('reports typing, submit and back; a submit never reloads the page', async () => {
    const { p, calls } = props();
    const root = await show(formView(p));
    const name = field(root, 'name');
    name.value = 'Jane Doe';
    name.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const submit = new SubmitEvent('submit', { cancelable: true });
    root.querySelector('form')!.dispatchEvent(submit);
    root.querySelector<HTMLButtonElement>('button[type=button]')!.click();
    expect(calls).to.deep.equal(['name=Jane Doe', 'submit', 'back']);
    expect(submit.defaultPrevented).to.equal(true);
  });

  it('shows sending and a refused submit, and an alert above the buttons', async () => {
    const { p } = props({ busy: true, alert: alertView({ message: 'Too many attempts.' }), onBack: undefined });
    const root = await show(formView(p));
    const book = root.querySelector('button[type=submit]')!;
    expect([text(book), book.getAttribute('aria-busy'), book.getAttribute('aria-disabled')]).to.deep.equal(['Booking…', 'true', 'true']);
    expect(text(root.querySelector('[role=alert]'))).to.equal('Too many attempts.');
    expect(root.querySelector('button[type=button]')).to.equal(null);
    const blocked = await show(formView(props({ blocked: true }).p));
    expect(blocked.querySelector('button[type=submit]')!.getAttribute('aria-disabled')).to.equal('true');
  });
});
