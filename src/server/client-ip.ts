/** Who a visitor is, for the limits: the runtime's idea of their IP, reduced to what one visitor controls. */

/** What the proxy reads from the runtime's second argument: our Node adapter passes `clientIp`, `Deno.serve` passes `remoteAddr`. */
export interface ProxyContext {
  clientIp?: string;
  remoteAddr?: { hostname?: string };
}

export function defaultClientIp(_request: Request, context?: ProxyContext): string | undefined {
  return context?.clientIp ?? context?.remoteAddr?.hostname;
}

/**
 * The limit key of an address. One IPv6 subscriber gets a whole /64 (2^64 addresses to rotate
 * through), so IPv6 counts per /64; IPv4, IPv4-mapped IPv6 and anything unparsable count as written.
 */
export function visitorKey(ip: string): string {
  const address = ip.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const prefix = ipv6Prefix(address);
  return prefix ? `${prefix}::/64` : address;
}

/** The first four groups of an IPv6 address, without leading zeros, or null when it is not one. */
function ipv6Prefix(address: string): string | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  // An embedded IPv4 (::1.2.3.4) stands for two groups, both in the low 64 bits.
  if (tail.length && tail[tail.length - 1]!.includes('.')) tail.splice(-1, 1, '0', '0');
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}
