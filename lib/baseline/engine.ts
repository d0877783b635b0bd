/**
 * The rule pass: evaluates every rule on each environment's synthesized stacks, applies the environment's waivers
 * and works out what blocks synth. Pure: no clock (today is passed in), no files.
 */
import { RULES } from './rules';
import type { EnvironmentView } from './stack-model';
import type { BaselinePolicy, EnvironmentReport, Finding, Rule, WaiverState } from './types';
import { covers, isExpired } from './waivers';

/** The policy for environments the configuration does not name (fixtures, foreign stacks): strict, no waivers. */
export const STRICT: BaselinePolicy = { enforcement: 'fail', waivers: [] };

export function evaluateEnvironment(view: EnvironmentView, policy: BaselinePolicy, today: string, rules: readonly Rule[] = RULES): EnvironmentReport {
  const live = policy.waivers.map((w) => !isExpired(w, today));
  const used = policy.waivers.map(() => false);
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const o of rule.check(view)) {
      let waiver: number | undefined;
      if (o.status === 'fail') {
        const i = policy.waivers.findIndex((w, k) => live[k] && covers(w, rule.id, view.name, o.address, o.path));
        if (i >= 0) {
          waiver = i;
          used[i] = true;
        }
      }
      findings.push({
        rule: rule.id,
        title: rule.title,
        severity: rule.severity,
        area: rule.area,
        seed: rule.seed,
        scanners: rule.scanners ?? [],
        status: waiver !== undefined ? 'waived' : o.status,
        address: o.address,
        ...(o.path !== undefined ? { path: o.path } : {}),
        detail: o.detail,
        remedy: rule.remedy,
        ...(waiver !== undefined ? { waiver } : {}),
      });
    }
  }
  const waivers: WaiverState[] = policy.waivers.map((w, i) => ({
    rule: w.rule,
    ...(w.environment !== undefined ? { environment: w.environment } : {}),
    ...(w.resource !== undefined ? { resource: w.resource } : {}),
    reason: w.reason,
    expires: w.expires,
    state: !live[i] ? 'expired' : used[i] ? 'active' : 'unused',
  }));
  return {
    environment: view.name,
    enforcement: policy.enforcement,
    stacks: Object.keys(view.stacks).sort(),
    findings,
    waivers,
    blocking: findings.filter((f) => f.status === 'fail' && f.severity === 'error'),
  };
}

/** Reports whose blocking failures stop synth (enforcement `fail`). */
export function failing(reports: readonly EnvironmentReport[]): EnvironmentReport[] {
  return reports.filter((r) => r.enforcement === 'fail' && r.blocking.length > 0);
}
