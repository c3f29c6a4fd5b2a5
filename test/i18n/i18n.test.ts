import { expect } from '@open-wc/testing';
import {
  loadLocale,
  SUPPORTED_LOCALES,
  catalogueFor,
  en,
  firstDayOfWeek,
  format,
  isRtl,
  plural,
  resolveLocale,
  translations,
  type Strings,
} from '../../src/i18n';

// Translations load on demand; before loading, a locale falls back to English.
expect(catalogueFor('de').book).to.equal('Book');
await Promise.all(SUPPORTED_LOCALES.map(loadLocale));
expect(Object.keys(translations).sort()).to.deep.equal(['ar', 'de', 'es', 'fr', 'ja']);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const PLURAL_EXTRA = /_(zero|two|few|many)$/;

describe('i18n catalogue', () => {
  for (const [tag, t] of Object.entries(translations)) {
    describe(tag, () => {
      it('translates every key of en', () => {
        const missing = Object.keys(en).filter((k) => typeof (t as Record<string, unknown>)[k] !== 'string');
        expect(missing, `${tag} is missing`).to.deep.equal([]);
      });

      it('has no keys that en does not know (besides plural categories)', () => {
        const unknown = Object.keys(t).filter((k) => !(k in en) && !(PLURAL_EXTRA.test(k) && k.replace(PLURAL_EXTRA, '_other') in en));
        expect(unknown).to.deep.equal([]);
      });

      it('keeps the placeholders of en', () => {
        for (const [key, value] of Object.entries(t) as [string, string][]) {
          // zero, one and two are exact numbers in Arabic, so they may spell the number out.
          const exact = tag === 'ar' && /_(zero|one|two)$/.test(key);
          const list = (s: string) => placeholders(s).filter((p) => !exact || p !== 'count');
          const base = key.replace(PLURAL_EXTRA, '_other');
          expect(list(value), `${tag}.${key}`).to.deep.equal(list((en as Record<string, string>)[base]));
        }
      });

      it('has a form for every plural category the language uses', () => {
        const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
        for (const key of ['timesAvailable', 'placesLeft'] as const) {
          for (const cat of categories) {
            const own = (t as Record<string, string>)[`${key}_${cat}`] ?? t[`${key}_other`];
            expect(own, `${tag} ${key}_${cat}`).to.be.a('string');
          }
        }
      });

      it('is not just English', () => {
        expect(t.book).to.not.equal(en.book);
        expect(t.slotFull).to.not.equal(en.slotFull);
      });
    });
  }

  it('has no empty strings', () => {
    for (const [tag, t] of Object.entries({ en, ...translations })) {
      for (const [k, v] of Object.entries(t)) expect(v.trim(), `${tag}.${k}`).to.not.equal('');
    }
  });

  it('the English wording matches the spec', () => {
    expect(en.slotFull).to.equal('This time is now full, please pick another');
    expect(en.duplicate).to.equal('You already have a booking at this time');
    expect(en.network).to.equal("Can't reach the booking service");
    expect(en.unavailable).to.equal('Booking is unavailable');
    expect(en.error).to.equal('Something went wrong');
    expect([en.name, en.email, en.phone, en.message, en.book]).to.deep.equal(['Name', 'Email', 'Phone', 'Message', 'Book']);
  });
});

describe('catalogueFor', () => {
  it('matches the language of a full tag', () => {
    expect(catalogueFor('de-AT').book).to.equal('Buchen');
    expect(catalogueFor('fr-CA').book).to.equal('Réserver');
    expect(catalogueFor('ar-EG').book).to.equal(translations.ar.book);
  });

  it('falls back to English for unknown languages and missing keys', () => {
    expect(catalogueFor('sv-SE')).to.deep.equal(en);
    expect(catalogueFor('')).to.deep.equal(en);
    translations['xx'] = { book: 'Xbook' };
    try {
      const t = catalogueFor('xx');
      expect(t.book).to.equal('Xbook');
      expect(t.retry).to.equal(en.retry);
    } finally {
      delete translations['xx'];
    }
  });

  it('prefers a full-tag translation over the language', () => {
    translations['de-ch'] = { close: 'Schliessen' };
    try {
      expect(catalogueFor('de-CH').close).to.equal('Schliessen');
      expect(catalogueFor('de-DE').close).to.equal('Schließen');
    } finally {
      delete translations['de-ch'];
    }
  });

  it('applies overrides last and ignores non-string overrides', () => {
    const t = catalogueFor('de', { book: 'Jetzt buchen', name: undefined });
    expect(t.book).to.equal('Jetzt buchen');
    expect(t.name).to.equal('Name');
    expect(catalogueFor('en', { bookedHeading: 'See you soon' }).bookedHeading).to.equal('See you soon');
  });

  it('returns a fresh object', () => {
    const t = catalogueFor('en');
    t.book = 'changed';
    expect(catalogueFor('en').book).to.equal('Book');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b} and {a}', { a: 1, b: 'x' })).to.equal('1 and x and 1');
    expect(format('{a} {missing}', { a: 'x' })).to.equal('x {missing}');
    expect(format('no params')).to.equal('no params');
  });

  it('does not read inherited properties', () => {
    expect(format('{toString}', {})).to.equal('{toString}');
  });

  it('fills the rate-limit message', () => {
    expect(format(en.rateLimited, { seconds: 12 })).to.equal('Too many attempts. Please wait 12\u00a0s and try again.');
  });
});

describe('plural', () => {
  const t: Strings = catalogueFor('en');
  it('picks one/other in English and fills params', () => {
    expect(plural(t, 'placesLeft', 1, 'en')).to.equal('1 place left');
    expect(plural(t, 'placesLeft', 3, 'en')).to.equal('3 places left');
    expect(plural(t, 'timesAvailable', 2, 'en', { date: 'Monday' })).to.equal('2 times available on Monday');
    expect(plural(t, 'placesLeft', 1200, 'en')).to.equal('1,200 places left');
  });

  it('uses the six Arabic categories', () => {
    const ar = catalogueFor('ar');
    expect(plural(ar, 'placesLeft', 0, 'ar')).to.equal(translations.ar.placesLeft_zero);
    expect(plural(ar, 'placesLeft', 1, 'ar')).to.equal(translations.ar.placesLeft_one);
    expect(plural(ar, 'placesLeft', 2, 'ar')).to.equal(translations.ar.placesLeft_two);
    const n = (x: number) => new Intl.NumberFormat('ar').format(x);
    expect(plural(ar, 'placesLeft', 5, 'ar')).to.equal(format(translations.ar.placesLeft_few!, { count: n(5) }));
    expect(plural(ar, 'placesLeft', 11, 'ar')).to.equal(format(translations.ar.placesLeft_many!, { count: n(11) }));
    expect(plural(ar, 'placesLeft', 100, 'ar')).to.equal(format(translations.ar.placesLeft_other!, { count: n(100) }));
  });

  it('falls back to _other for a category without a key', () => {
    // English strings read with Arabic rules: no _few key, so _other.
    expect(plural(t, 'placesLeft', 5, 'ar-u-nu-latn')).to.equal('5 places left');
    expect(plural(catalogueFor('ja'), 'placesLeft', 1, 'ja')).to.equal('残り1枠');
  });

  it('treats French 0 and 1 as one', () => {
    const fr = catalogueFor('fr');
    expect(plural(fr, 'placesLeft', 0, 'fr')).to.equal('0 place restante');
    expect(plural(fr, 'placesLeft', 2, 'fr')).to.equal('2 places restantes');
  });

  it('survives an invalid locale', () => {
    expect(plural(t, 'placesLeft', 2, 'not a locale')).to.equal('2 places left');
  });
});

/** Plain DOM instead of @open-wc `fixture`: that waits for a frame, which a background tab may never paint. */
const mounted: Element[] = [];
function mount(markup: string): Element {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  mounted.push(box);
  return box.firstElementChild!;
}

describe('resolveLocale', () => {
  let htmlLang: string | null;
  let warnings: unknown[][];
  let warn: typeof console.warn;
  beforeEach(() => {
    htmlLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    warnings = [];
    warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    for (const box of mounted.splice(0)) box.remove();
    console.warn = warn;
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
    delete (navigator as { language?: string }).language;
  });

  it('prefers the explicit attribute, canonicalized', () => {
    const el = mount(`<div lang="fr"><span></span></div>`);
    expect(resolveLocale(el.firstElementChild!, 'de-at')).to.equal('de-AT');
  });

  it('uses the nearest [lang] ancestor, then its own lang', () => {
    const el = mount(`<div lang="fr"><section lang="es-MX"><span></span></section></div>`);
    expect(resolveLocale(el.querySelector('span')!)).to.equal('es-MX');
    expect(resolveLocale(el.querySelector('span')!, null)).to.equal('es-MX');
    const own = mount(`<div lang="fr"><span lang="ja"></span></div>`);
    expect(resolveLocale(own.firstElementChild!)).to.equal('ja');
  });

  it('walks up through shadow roots', () => {
    const outer = mount(`<div lang="ar-EG"><div id="host"></div></div>`);
    const host = outer.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><div id="inner-host"></div></div>';
    const innerRoot = root.querySelector('#inner-host')!.attachShadow({ mode: 'closed' });
    innerRoot.innerHTML = '<p><b></b></p>';
    expect(resolveLocale(innerRoot.querySelector('b')!)).to.equal('ar-EG');
  });

  it('skips an invalid [lang] and keeps walking', () => {
    const el = mount(`<div lang="de"><div lang="not_valid!"><span></span></div></div>`);
    expect(resolveLocale(el.querySelector('span')!)).to.equal('de');
  });

  it('falls back to <html lang>, then navigator.language, then en', () => {
    const detached = document.createElement('span');
    document.documentElement.setAttribute('lang', 'ja-JP');
    expect(resolveLocale(detached)).to.equal('ja-JP');
    const el = mount(`<span></span>`);
    expect(resolveLocale(el)).to.equal('ja-JP');

    document.documentElement.removeAttribute('lang');
    Object.defineProperty(navigator, 'language', { value: 'pt-BR', configurable: true });
    expect(resolveLocale(el)).to.equal('pt-BR');

    Object.defineProperty(navigator, 'language', { value: '', configurable: true });
    expect(resolveLocale(el)).to.equal('en');
  });

  it('warns once about an invalid attribute and falls back', () => {
    const el = mount(`<div lang="es"><x-widget></x-widget></div>`);
    const widget = el.firstElementChild!;
    expect(resolveLocale(widget, 'en_GB')).to.equal('es');
    expect(resolveLocale(widget, 'en_GB')).to.equal('es');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('locale="en_GB"').and.contain('"en-GB"').and.contain('<x-widget>');

    expect(resolveLocale(widget, '!!')).to.equal('es');
    expect(warnings).to.have.length(2);
    expect(String(warnings[1][0])).to.contain('e.g.');
  });

  it('treats an empty attribute as absent, without a warning', () => {
    const el = mount(`<div lang="fr"><span></span></div>`);
    expect(resolveLocale(el.firstElementChild!, '')).to.equal('fr');
    expect(warnings).to.have.length(0);
  });
});

/** Runs `fn` with Intl.Locale's text/week info hidden, as in engines that lack them. */
function withoutLocaleInfo(fn: () => void) {
  const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
  const names = ['getTextInfo', 'textInfo', 'getWeekInfo', 'weekInfo'];
  const saved = names.map((n) => Object.getOwnPropertyDescriptor(proto, n));
  for (const n of names) Object.defineProperty(proto, n, { value: undefined, configurable: true, writable: true });
  try {
    fn();
  } finally {
    names.forEach((n, i) => (saved[i] ? Object.defineProperty(proto, n, saved[i]) : delete proto[n]));
  }
}

describe('isRtl', () => {
  const cases: [string, boolean][] = [
    ['ar', true],
    ['ar-EG', true],
    ['he-IL', true],
    ['fa', true],
    ['ur-PK', true],
    ['en-US', false],
    ['de', false],
    ['ja', false],
    ['az-Arab', true],
  ];
  it('follows Intl', () => {
    for (const [l, rtl] of cases) expect(isRtl(l), l).to.equal(rtl);
  });
  it('has a fallback list', () => {
    withoutLocaleInfo(() => {
      for (const [l, rtl] of [...cases, ['ckb', true], ['yi', true], ['dv', true], ['ps', true]] as [string, boolean][]) {
        expect(isRtl(l), l).to.equal(rtl);
      }
    });
  });
  it('is false for an invalid tag', () => {
    expect(isRtl('')).to.equal(false);
    expect(isRtl('not a tag')).to.equal(false);
  });
});

describe('firstDayOfWeek', () => {
  const cases: [string, number][] = [
    ['en-US', 7],
    ['de-DE', 1],
    ['ar-EG', 6],
    ['ja-JP', 7],
    ['en-GB', 1],
    ['fr', 1],
    ['de', 1],
  ];
  it('follows Intl', () => {
    for (const [l, day] of cases) expect(firstDayOfWeek(l), l).to.equal(day);
  });
  it('falls back to the region', () => {
    withoutLocaleInfo(() => {
      for (const [l, day] of [...cases, ['en', 7], ['ja', 7], ['ar', 6], ['pt-BR', 7], ['es', 1]] as [string, number][]) {
        expect(firstDayOfWeek(l), l).to.equal(day);
      }
    });
  });
  it('is Monday for an invalid tag', () => {
    expect(firstDayOfWeek('??')).to.equal(1);
  });
});
