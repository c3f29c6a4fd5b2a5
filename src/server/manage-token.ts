/**
 * Manage-link tokens: a capability for one booking, signed with HMAC-SHA256 through Web Crypto
 * (`crypto.subtle`, present on Node 20, Deno, Bun, workers and browsers), so no runtime-specific
 * crypto is needed. A token carries the booking id and an expiry and nothing about the customer:
 *
 *   base64url( version 1 byte | booking id uint64 | expiry seconds uint32 | HMAC 32 bytes )
 *
 * Whatever is wrong with a token (garbled, tampered, signed with another secret, expired), the
 * answer is the same `null`, so a caller cannot tell one failure from another.
 */
import { DAY } from '../schedule/dates.js';
import { occurrenceStart } from './booking-window.js';

export const MIN_SECRET_BYTES = 32;

const VERSION = 1;
const PAYLOAD_BYTES = 1 + 8 + 4;
const MAC_BYTES = 32;
const TOKEN_BYTES = PAYLOAD_BYTES + MAC_BYTES;
/** base64url of TOKEN_BYTES without padding. */
const TOKEN_RE = /^[\w-]{60}$/;

export interface ManageTokens {
  /** A token for `bookingId` that stops working at `expiresAt` (epoch ms). */
  sign(bookingId: number, expiresAt: number): Promise<string>;
  /** The booking id when the token is genuine and unexpired at `now` (epoch ms), else null. */
  verify(token: string, now: number): Promise<number | null>;
}

/**
 * @param secret at least 32 bytes (a string counts its UTF-8 bytes), e.g. `openssl rand -base64 32`.
 */
export function createManageTokens(secret: string | Uint8Array): ManageTokens {
  const raw = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (!(raw instanceof Uint8Array) || raw.byteLength < MIN_SECRET_BYTES) {
    throw new TypeError(
      `manage.secret must be at least ${MIN_SECRET_BYTES} bytes (got ${raw?.byteLength ?? 0}); generate one with \`openssl rand -base64 32\``,
    );
  }
  // Copied so a caller reusing its buffer cannot change the key later.
  const key = crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = async (payload: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.sign('HMAC', await key, payload));

  return {
    async sign(bookingId, expiresAt) {
      if (!Number.isSafeInteger(bookingId) || bookingId < 1) throw new RangeError(`manage token: invalid booking id ${bookingId}`);
      const bytes = new Uint8Array(TOKEN_BYTES);
      const view = new DataView(bytes.buffer);
      view.setUint8(0, VERSION);
      view.setBigUint64(1, BigInt(bookingId));
      view.setUint32(9, Math.min(0xffffffff, Math.max(0, Math.ceil(expiresAt / 1000))));
      bytes.set(await mac(bytes.subarray(0, PAYLOAD_BYTES)), PAYLOAD_BYTES);
      return toBase64Url(bytes);
    },

    async verify(token, now) {
      if (typeof token !== 'string' || !TOKEN_RE.test(token)) return null;
      const bytes = fromBase64Url(token);
      if (bytes.byteLength !== TOKEN_BYTES || bytes[0] !== VERSION) return null;
      const expected = await mac(bytes.subarray(0, PAYLOAD_BYTES));
      // Every byte is compared whatever the first difference, so timing says nothing about the MAC.
      let diff = 0;
      for (let i = 0; i < MAC_BYTES; i++) diff |= expected[i]! ^ bytes[PAYLOAD_BYTES + i]!;
      if (diff !== 0) return null;
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      if (view.getUint32(9) * 1000 <= now) return null;
      const id = Number(view.getBigUint64(1));
      return Number.isSafeInteger(id) && id > 0 ? id : null;
    },
  };
}

/**
 * When a booking's manage link stops working: a day after its start, the slot's wall-clock
 * time on the booked date in the service's zone. A late visitor can still read it that evening;
 * after that the link is no use to anyone who finds it.
 */
export function manageExpiry(date: string, startTime: string, timezone: string): number {
  return occurrenceStart(date, startTime, timezone) + DAY;
}

/** `template` with every `{token}` replaced; e.g. 'https://example.com/booking/manage?token={token}'. */
export function manageUrl(template: string, token: string): string {
  return template.split('{token}').join(encodeURIComponent(token));
}

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
