/**
 * Two ways to write a rule: `resourceRule` (a test per resource of some types, with a policy for when there is
 * none) and a plain `Rule` object for rules that look at the environment as a whole.
 */
import type { Outcome, Rule } from '../types';
import type { EnvironmentView, Resource } from '../stack-model';

/** What describes a rule (everything but its check). */
export type RuleMeta = Omit<Rule, 'check'>;

/** A verdict on one resource: passed or not, and what was seen (in attribute terms). */
export type Verdict = readonly [ok: boolean, detail: string];

export interface ResourceRuleDef extends RuleMeta {
  /** Terraform resource types the rule looks at. */
  readonly types: readonly string[];
  /** Which stack of the environment should hold them (the address reported when there are none). */
  readonly home: 'infra' | 'platform';
  /**
   * With no resource of these types: `not-applicable` (the rule is about a resource this environment does not
   * have) or `fail` (the baseline requires the resource).
   */
  readonly whenAbsent: 'not-applicable' | 'fail';
  /** Which of the resources the rule applies to; the rest are `not-applicable`. @default all */
  readonly where?: (r: Resource, env: EnvironmentView) => boolean;
  /** The not-applicable detail for resources `where` leaves out. @default 'does not apply to this resource' */
  readonly exempt?: string;
  readonly test: (r: Resource, env: EnvironmentView) => Verdict;
}

/** The address reported for an environment-level outcome: the stack that should hold the resource. */
export function homeAddress(env: EnvironmentView, home: 'infra' | 'platform'): string {
  const want = `${env.name}-${home}`;
  return env.stacks[want] ? want : (Object.keys(env.stacks).sort()[0] ?? env.name);
}

export function outcome(r: Resource, ok: boolean | 'not-applicable', detail: string): Outcome {
  return { address: r.address, path: r.path, status: ok === 'not-applicable' ? ok : ok ? 'pass' : 'fail', detail };
}

export function resourceRule(def: ResourceRuleDef): Rule {
  const { types, home, whenAbsent, where, exempt, test, ...meta } = def;
  return {
    ...meta,
    check(env) {
      const found = env.ofType(...types);
      if (found.length === 0) {
        return [{
          address: homeAddress(env, home),
          status: whenAbsent,
          detail: `no ${types.join(' or ')} in the environment`,
        }];
      }
      return found.map((r) => {
        if (where && !where(r, env)) return outcome(r, 'not-applicable', exempt ?? 'does not apply to this resource');
        const [ok, detail] = test(r, env);
        return outcome(r, ok, detail);
      });
    },
  };
}

/** `true` only for a literal `true` (unset and expressions are not proof). */
export const isTrue = (v: unknown) => v === true;

export interface PresenceRuleDef extends RuleMeta {
  readonly home: 'infra' | 'platform';
  /** What the baseline requires to exist. */
  readonly find: (env: EnvironmentView) => Resource[];
  /** What is missing, for the failure detail. */
  readonly missing: string;
  /** Each found resource's own check. @default passes */
  readonly test?: (r: Resource, env: EnvironmentView) => Verdict;
}

/** The baseline requires something to exist: fails (at the home stack) when `find` returns nothing. */
export function presenceRule(def: PresenceRuleDef): Rule {
  const { home, find, missing, test, ...meta } = def;
  return {
    ...meta,
    check(env) {
      const found = find(env);
      if (found.length === 0) return [{ address: homeAddress(env, home), status: 'fail', detail: missing }];
      return found.map((r) => {
        const [ok, detail] = test ? test(r, env) : [true, 'present'];
        return outcome(r, ok, detail);
      });
    },
  };
}
