/** Waivers: accepted, dated exceptions from platform.yaml applied to rule outcomes. */
import type { Waiver } from './types';

/** Today's date (UTC) as YYYY-MM-DD: the only clock the baseline reads, and only in the app (tests pass a date). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A waiver stops applying the day after its `expires` date. */
export function isExpired(w: Pick<Waiver, 'expires'>, today: string): boolean {
  return today > w.expires;
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** Whether waiver `w` covers rule `rule`'s outcome at `address` (construct `path`) in `environment`. */
export function covers(w: Waiver, rule: string, environment: string, address: string, path?: string): boolean {
  if (w.rule !== rule) return false;
  if (w.environment !== undefined && w.environment !== environment) return false;
  if (w.resource === undefined) return true;
  const re = glob(w.resource);
  const stackless = address.includes('.') ? address.slice(address.indexOf('.') + 1) : address;
  return re.test(address) || re.test(stackless) || (path !== undefined && re.test(path));
}
