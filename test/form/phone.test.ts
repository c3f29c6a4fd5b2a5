import { expect } from '@open-wc/testing';
import { COUNTRY_CODES, E164_RE, callingCodeFor, defaultCountryFor, normalizePhone } from '../../src/form/phone';

const ok = (input: string, cc?: string) => {
  const r = normalizePhone(input, cc);
  expect(r, `${input} (${cc ?? 'no country'})`).to.have.property('ok', true);
  return (r as { e164: string }).e164;
};
const bad = (input: string, cc?: string) => expect(normalizePhone(input, cc), `${input} (${cc ?? 'no country'})`).to.deep.equal({ ok: false });

describe('normalizePhone', () => {
  it('accepts international numbers with any usual separators', () => {
    expect(ok('+1 202-555-0185')).to.equal('+12025550185');
    expect(ok('+1 (202) 555.0185')).to.equal('+12025550185');
    expect(ok('+44 20 7946 0958')).to.equal('+442079460958');
    expect(ok('  +49 30/1234567 ')).to.equal('+49301234567');
    expect(ok('+81 3-1234-5678')).to.equal('+81312345678');
    expect(ok('+12025550185', '44')).to.equal('+12025550185');
  });

  it('reads a 00 (and 011 from North America) international prefix', () => {
    expect(ok('0044 20 7946 0958')).to.equal('+442079460958');
    expect(ok('0044 20 7946 0958', '49')).to.equal('+442079460958');
    expect(ok('011 44 20 7946 0958', '1')).to.equal('+442079460958');
  });

  it('completes national numbers with the chosen calling code', () => {
    expect(ok('(202) 555-0185', '1')).to.equal('+12025550185');
    expect(ok('202.555.0185', '+1')).to.equal('+12025550185');
    expect(ok('1 202 555 0185', '1')).to.equal('+12025550185');
    expect(ok('020 7946 0958', '44')).to.equal('+442079460958');
    expect(ok('030 1234567', '+49')).to.equal('+49301234567');
    expect(ok('06 12 34 56 78', '33')).to.equal('+33612345678');
    expect(ok('090-1234-5678', '81')).to.equal('+819012345678');
  });

  it('keeps the leading 0 of Italian numbers', () => {
    expect(ok('06 6988 1234', '39')).to.equal('+390669881234');
    expect(ok('+39 06 6988 1234')).to.equal('+390669881234');
    expect(ok('333 123 4567', '39')).to.equal('+393331234567');
  });

  it('drops a trunk 0 typed after a country code', () => {
    expect(ok('+44 (0)20 7946 0958')).to.equal('+442079460958');
    expect(ok('+44 020 7946 0958')).to.equal('+442079460958');
    expect(ok('0049 030 1234567')).to.equal('+49301234567');
  });

  it('reads full-width and Arabic-Indic digits', () => {
    expect(ok('０９０－１２３４－５６７８', '81')).to.equal('+819012345678');
    expect(ok('＋８１ ９０ １２３４ ５６７８')).to.equal('+819012345678');
    expect(ok('+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧')).to.equal('+966501234567');
    expect(ok('۰۵۰ ۱۲۳ ۴۵۶۷', '966')).to.equal('+966501234567');
  });

  it('rejects letters, junk and misplaced plus signs', () => {
    bad('call me');
    bad('+1 202 555 0185 ext 12');
    bad('+1 202 555 0185#');
    bad('202-555-O185', '1');
    bad('1+202 555 0185');
    bad('++1 202 555 0185');
    bad('+1 202 555 0185, +1 202 555 0186');
    bad('');
    bad('   ');
    bad('+');
  });

  it('rejects national numbers without a calling code or with a bad one', () => {
    bad('020 7946 0958');
    bad('020 7946 0958', '');
    bad('020 7946 0958', '044');
    bad('020 7946 0958', 'GB');
  });

  it('rejects numbers of impossible length', () => {
    bad('+44 123');
    bad('+1 202 555 018');
    bad('(202) 555-01855', '1');
    bad('+1234567890123456');
    bad('+0 202 555 0185');
    bad('123', '44');
    expect(ok('+4412345')).to.equal('+4412345');
  });

  it('always answers E.164', () => {
    for (const input of ['+1 202 555 0185', '020 7946 0958', '0044 20 7946 0958']) {
      expect(normalizePhone(input, '44')).to.satisfy((r: { ok: boolean; e164?: string }) => !r.ok || E164_RE.test(r.e164!));
    }
  });
});

describe('COUNTRY_CODES', () => {
  it('lists common countries as [iso2, calling code]', () => {
    expect(COUNTRY_CODES.length).to.be.greaterThanOrEqual(30);
    const map = new Map(COUNTRY_CODES);
    expect(map.size).to.equal(COUNTRY_CODES.length);
    expect(map.get('US')).to.equal('1');
    expect(map.get('CA')).to.equal('1');
    expect(map.get('GB')).to.equal('44');
    expect(map.get('FI')).to.equal('358');
    expect(map.get('AE')).to.equal('971');
    expect(map.get('SG')).to.equal('65');
    for (const [iso, code] of COUNTRY_CODES) {
      expect(iso).to.match(/^[A-Z]{2}$/);
      expect(code).to.match(/^[1-9]\d{0,2}$/);
      // Every code has a name for the picker.
      expect(new Intl.DisplayNames('en', { type: 'region' }).of(iso)).to.not.equal(iso);
    }
  });

  it('callingCodeFor looks up a country', () => {
    expect(callingCodeFor('de')).to.equal('49');
    expect(callingCodeFor('ZZ')).to.equal(undefined);
  });
});

describe('defaultCountryFor', () => {
  it('uses the region of the locale, or the likely one', () => {
    expect(defaultCountryFor('en-US')).to.equal('US');
    expect(defaultCountryFor('en-GB')).to.equal('GB');
    expect(defaultCountryFor('de')).to.equal('DE');
    expect(defaultCountryFor('ja')).to.equal('JP');
    expect(defaultCountryFor('fr-CA')).to.equal('CA');
    expect(defaultCountryFor('ar')).to.equal('EG');
    expect(defaultCountryFor('en')).to.equal('US');
  });

  it('is undefined for countries not in the list and invalid tags', () => {
    expect(defaultCountryFor('ru')).to.equal(undefined);
    expect(defaultCountryFor('not a tag')).to.equal(undefined);
  });
});
