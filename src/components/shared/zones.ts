/** IANA zone names: validity, the visitor's zone, and labels a visitor can read and type. */
import { IANAZone } from 'luxon';
import { warnOnce } from './warn.js';

/** IANAZone.isValidZone builds an Intl.DateTimeFormat per call: answers are remembered. */
const valid = new Map<string, boolean>();
export const isZone = (zone: string): boolean => valid.get(zone) ?? (valid.set(zone, IANAZone.isValidZone(zone)), valid.get(zone)!);

/** An element's `timezone` attribute, checked: the site owner is told once when it names no IANA zone. */
export const checkZone = (zone: string) => zone && !isZone(zone) && warnOnce(`timezone="${zone}" is not an IANA timezone (e.g. "Europe/Paris"); using the browser's.`);

/**
 * The first valid zone among `choices` (most specific first), else the browser's own, else UTC
 * (a stripped-down ICU may report a zone luxon does not know, such as "Etc/Unknown").
 */
export function viewerZone(choices: readonly string[]): string {
  for (const zone of choices) if (zone && isZone(zone)) return zone;
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isZone(own) ? own : 'UTC';
}

let zones: string[] | undefined;
export function zoneList(): string[] {
  return (zones ??= (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC']);
}

export const cityOf = (zone: string) => zone.replace(/^.*\//, '').replaceAll('_', ' ');
export const zoneLabel = (zone: string) => cityOf(zone) + (zone.includes('/') ? ` (${zone})` : '');

/** The zone a visitor meant: its IANA id, its label or just the city, in any case. */
export function matchZone(typed: string): string | undefined {
  const value = typed.trim().toLowerCase();
  return zoneList().find((z) => [z, zoneLabel(z), cityOf(z)].some((name) => name.toLowerCase() === value));
}
