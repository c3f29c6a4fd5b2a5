import { expect } from '@open-wc/testing';
import { mountManage, seedBooked } from './setup';

const HEADINGS: Record<string, [string, string]> = {
  'de-DE': ['Ihre Buchung', 'Termin absagen'],
  'fr-FR': ['Votre réservation', 'Annuler la réservation'],
  'es-ES': ['Tu reserva', 'Cancelar reserva'],
  'ja-JP': ['ご予約', '予約をキャンセル'],
  'ar-EG': ['حجزك', 'إلغاء الحجز'],
};

describe('<reservekit-booking-manage> in every language', () => {
  for (const [locale, [heading, cancel]] of Object.entries(HEADINGS)) {
    it(locale, async () => {
      const { token } = await seedBooked();
      const { el, page } = await mountManage(token, { locale });
      await page.find('heading', heading);
      await page.find('button', cancel);
      expect(page.root.querySelector('[part=base]')!.getAttribute('dir')).to.equal(locale === 'ar-EG' ? 'rtl' : 'ltr');
      await page.click('button', cancel);
      await expect(el).to.be.accessible();
    });
  }
});
