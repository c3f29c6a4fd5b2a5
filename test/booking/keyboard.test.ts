import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mount, posts, seed } from './setup';
import { accessibleName, type BookingPage } from './page';

const focusedName = (page: BookingPage) => accessibleName(page.root.activeElement!);

async function press(page: BookingPage, key: string) {
  await sendKeys({ press: key });
  await page.el.updateComplete;
  return focusedName(page);
}

describe('<reservekit-booking> keyboard', () => {
  it('follows the WAI-ARIA date grid with roving focus', async () => {
    await seed();
    const { page } = await mount();
    await page.ready();
    const focusable = page.days().filter((d) => d.tabIndex === 0);
    expect(focusable.map(accessibleName)).to.deep.equal(['Wednesday, December 2, 2026']);
    focusable[0].focus();
    expect(await press(page, 'ArrowRight')).to.equal('Thursday, December 3, 2026');
    expect(await press(page, 'ArrowDown')).to.equal('Thursday, December 10, 2026');
    expect(await press(page, 'ArrowLeft')).to.equal('Wednesday, December 9, 2026');
    expect(await press(page, 'ArrowUp')).to.equal('Wednesday, December 2, 2026');
    expect(await press(page, 'End')).to.equal('Saturday, December 5, 2026');
    // Home would leave the bookable range (November is past), so focus stops at its first day.
    expect(await press(page, 'Home')).to.equal('Tuesday, December 1, 2026');
    expect(await press(page, 'PageDown')).to.equal('Friday, January 1, 2027');
    expect(page.get('heading', 'January 2027')).to.exist;
    expect(await press(page, 'PageUp')).to.equal('Tuesday, December 1, 2026');
    expect(page.days().filter((d) => d.tabIndex === 0)).to.have.length(1);
  });

  it('completes a booking with the keyboard alone', async () => {
    await seed();
    const { el, page } = await mount();
    await page.ready();
    page.days().find((d) => d.tabIndex === 0)!.focus();
    await press(page, 'Enter');
    // Focus moves to the times of the chosen day.
    expect(focusedName(page)).to.match(/^2:00\s?PM – 3:00\s?PM/);
    await press(page, 'Enter');
    expect(focusedName(page)).to.equal('Name');
    await sendKeys({ type: 'Jane Doe' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'jane@example.com' });
    const booked = oneEvent(el, 'rk-booked');
    await sendKeys({ press: 'Enter' });
    await booked;
    expect(posts()[0].body).to.deep.include({ customer_name: 'Jane Doe', customer_email: 'jane@example.com', date: '2026-12-02' });
    await el.updateComplete;
    expect(focusedName(page)).to.equal("You're booked");
  });
});
