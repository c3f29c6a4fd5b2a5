const warned = new Set<string>();

/** A console warning for the site owner, once per distinct message and page. */
export function warnOnce(message: string): void {
  if (!warned.has(message)) console.warn(`[reservekit-booking] ${message}`), warned.add(message);
}
