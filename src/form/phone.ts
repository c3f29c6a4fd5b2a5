/**
 * Phone numbers to E.164, leniently: what visitors really type, not full numbering plans.
 *
 * Why not libphonenumber-js: its smallest build weighs more than the whole widget and would not
 * fit the script budget (docs/bench.md, findings). The booking API only needs a well-formed
 * E.164 string, and the business on the other end calls the number, so shape checks and
 * trunk-prefix handling do.
 */

/** E.164: "+", a country code not starting with 0, 7 to 15 digits in all. */
export const E164_RE = /^\+[1-9]\d{6,14}$/;

/** Common countries as [ISO 3166-1 alpha-2, calling code]; names come from Intl.DisplayNames. */
export const COUNTRY_CODES: readonly (readonly [string, string])[] = (
  'US1 CA1 GB44 DE49 FR33 ES34 IT39 NL31 BE32 CH41 AT43 SE46 NO47 DK45 FI358 IE353 PT351 PL48 ' +
  'JP81 CN86 IN91 KR82 SG65 AU61 NZ64 BR55 MX52 AR54 ZA27 AE971 SA966 EG20 IL972 TR90'
)
  .split(' ')
  .map((s) => [s.slice(0, 2), s.slice(2)] as const);

export function callingCodeFor(iso2: string): string | undefined {
  return COUNTRY_CODES.find(([c]) => c === iso2.toUpperCase())?.[1];
}

/** The country preselected for `locale` ('en-US' -> 'US', 'de' -> 'DE'), if it is in the list. */
export function defaultCountryFor(locale: string): string | undefined {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && callingCodeFor(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

/** Italy and San Marino keep the leading 0 of landlines in international format. */
const KEEPS_ZERO = ['39', '378'];

/**
 * `input` as E.164. Accepts "+", "00" (and "011" with +1) international prefixes; otherwise the
 * number is national and `callingCode` ('44' or '+44') is required, and its trunk prefix (0, or
 * 1 for +1) is dropped. Separators: spaces, dots, dashes, slashes, parentheses. Full-width and
 * Arabic-Indic digits count as digits. Anything else (letters, extensions) is not ok.
 */
export function normalizePhone(input: string, callingCode?: string): { ok: true; e164: string } | { ok: false } {
  let s = input
    .normalize('NFKC')
    .replace(/[٠-٩۰-۹]/g, (d) => String(d.charCodeAt(0) & 15))
    .replace(/\(0\)/, '') // "+44 (0)20 …": the optional trunk 0 written in brackets
    .replace(/[\s.\-\u2010-\u2015\u2212()/]/g, '');
  if (!/^\+?\d+$/.test(s)) return { ok: false };

  const cc = callingCode?.replace(/^\+/, '');
  let digits: string;
  if (s[0] === '+') digits = s.slice(1);
  else if (s.startsWith('00')) digits = s.slice(2);
  else if (cc === '1' && s.startsWith('011')) digits = s.slice(3);
  else {
    if (!cc || !/^[1-9]\d{0,2}$/.test(cc)) return { ok: false };
    if (cc === '1') s = s.length === 11 && s[0] === '1' ? s.slice(1) : s;
    else if (s[0] === '0' && !KEEPS_ZERO.includes(cc)) s = s.slice(1);
    digits = cc + s;
  }
  // "+44 020 …": a trunk 0 typed after a known country code (codes are prefix-free, so unambiguous).
  const known = COUNTRY_CODES.find(([, c]) => digits.startsWith(c + '0'));
  if (known && known[1] !== '1' && !KEEPS_ZERO.includes(known[1])) digits = known[1] + digits.slice(known[1].length + 1);

  const e164 = '+' + digits;
  // North American numbers are always 1 + ten digits; catch the common dropped or extra digit.
  if (!E164_RE.test(e164) || (digits[0] === '1' && digits.length !== 11)) return { ok: false };
  return { ok: true, e164 };
}
