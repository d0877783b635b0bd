/** Waivers: accepted, dated exceptions from platform.yaml applied to rule outcomes. */
import type picomatch from 'picomatch';
import type { Waiver } from './types';

/** Today's date (UTC) as YYYY-MM-DD: the only clock the baseline reads, and only in the app (tests pass a date). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A waiver stops applying the day after its `expires` date. */
export function isExpired(w: Pick<Waiver, 'expires'>, today: string): boolean {
  return today > w.expires;
}

/**
 * picomatch, with a waiver's meaning: `*` matches any run of characters, `/` and `.` included (bash mode makes a
 * single star a globstar), `?` one character; brackets, braces and extglobs are literal, so a Terraform address such
 * as `azurerm_x.y["key"]` matches itself.
 */
const GLOB_OPTIONS: picomatch.PicomatchOptions = { bash: true, dot: true, nobrace: true, noextglob: true, literalBrackets: true };
const matchers = new Map<string, (s: string) => boolean>();

function glob(pattern: string): (s: string) => boolean {
  let m = matchers.get(pattern);
  if (!m) {
    // Loaded on first use: most environments have no resource-scoped waiver, and synth is a hot path.
    m = (require('picomatch') as typeof picomatch)(pattern, GLOB_OPTIONS);
    matchers.set(pattern, m);
  }
  return m;
}

/** Whether waiver `w` covers rule `rule`'s outcome at `address` (construct `path`) in `environment`. */
export function covers(w: Waiver, rule: string, environment: string, address: string, path?: string): boolean {
  if (w.rule !== rule) return false;
  if (w.environment !== undefined && w.environment !== environment) return false;
  if (w.resource === undefined) return true;
  const matches = glob(w.resource);
  const stackless = address.includes('.') ? address.slice(address.indexOf('.') + 1) : address;
  return matches(address) || matches(stackless) || (path !== undefined && matches(path));
}
