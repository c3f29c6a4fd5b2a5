import { expect } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { mount, seed } from './setup';

interface Node {
  role: string;
  name: string;
  disabled?: boolean;
  pressed?: boolean | 'mixed';
  children?: Node[];
}

/** Roles and names in reading order, as a screen reader would walk them. */
function walk(node: Node, out: string[] = []): string[] {
  if (node.role !== 'generic' && node.role !== 'none' && node.name?.trim() && node.role !== 'StaticText')
    out.push(`${node.role}: ${node.name.trim()}${node.disabled ? ' (disabled)' : ''}${node.pressed === true ? ' (pressed)' : ''}`);
  for (const child of node.children ?? []) walk(child, out);
  return out;
}

describe('<reservekit-booking> accessibility tree', () => {
  it('reads in a sensible order with the right roles and names', async () => {
    await seed();
    const { el, page } = await mount();
    el.id = 'walked';
    await page.ready();
    await page.click('button', 'Wednesday, December 2, 2026');
    await page.click('button', /^2:00/);
    const snapshot = (await a11ySnapshot({})) as unknown as Node;
    const lines = walk(snapshot);
    const first = (text: string) => lines.findIndex((l) => l.startsWith(text));
    const order = [
      'heading: Consultation',
      'button: Change timezone',
      'region: Choose a date',
      'button: Previous month',
      'heading: December 2026',
      'button: Next month',
      'button: Wednesday, December 2, 2026 (pressed)',
      'region: Wednesday, December 2, 2026',
      'heading: Wednesday, December 2, 2026',
      'button: 2:00',
      'textbox: Name',
      'textbox: Email',
      'combobox: Country',
      'textbox: Phone (optional)',
      'textbox: Message (optional)',
      'button: Back',
      'button: Book',
    ].map(first);
    expect(order.every((i) => i >= 0), lines.join('\n')).to.equal(true);
    expect([...order].sort((a, b) => a - b)).to.deep.equal(order);
    expect(lines).to.include('button: Tuesday, December 1, 2026 (disabled)');
    expect(lines).to.include('button: Previous month (disabled)');
  });
});
