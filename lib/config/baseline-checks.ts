/**
 * Cross-field checks of the `baseline` block: waivers must name a rule that exists and carry a real date.
 */
import type { Problem } from './problem';
import type { ResolvedEnvironment } from './model';

/** Whether `s` (YYYY-MM-DD) is a real calendar date. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Waivers: a real expiry date, and (given the baseline's rule IDs) a rule that exists. */
export function checkBaseline(env: ResolvedEnvironment, ruleIds?: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  env.baseline.waivers.forEach((w, i) => {
    const at = `baseline.waivers.${i}`;
    if (ruleIds && !ruleIds.has(w.rule)) {
      out.push({ path: `${at}.rule`, message: 'unknown baseline rule', got: w.rule, allowed: 'a rule ID listed in docs/baseline.md' });
    }
    if (!isCalendarDate(w.expires)) {
      out.push({ path: `${at}.expires`, message: 'not a calendar date', got: w.expires, allowed: 'a real date YYYY-MM-DD' });
    }
  });
  return out;
}
