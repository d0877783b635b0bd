/**
 * The baseline's vocabulary: rules, their outcomes and the report a rule pass produces. A rule reads synthesized
 * Terraform JSON (what Terraform will actually receive), never the configuration it came from.
 */
import type { EnvironmentView, Resource } from './stack-model';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** `error` stops synth where enforcement is `fail`; `warning` and `info` are reported only. */
export type Severity = (typeof SEVERITIES)[number];

/** The seed's checklist areas plus the per-service areas the scanners add. */
export type Area =
  | 'cluster security'
  | 'availability'
  | 'resource management'
  | 'monitoring'
  | 'networking'
  | 'operations'
  | 'key vault'
  | 'acr'
  | 'storage'
  | 'kubernetes objects';

/** What a rule found about one resource (or about the environment, when the resource is missing). */
export type Status = 'pass' | 'fail' | 'waived' | 'not-applicable';

/** One rule's verdict on one resource, before waivers. */
export interface Outcome {
  /** `<stack>.<type>.<name>`, or `<stack>` when the rule looked for a resource and found none. */
  readonly address: string;
  /** The construct path (`prod-infra/aks/cluster`), when there is a resource. */
  readonly path?: string;
  readonly status: 'pass' | 'fail' | 'not-applicable';
  /** What was seen, in attribute terms (`local_account_disabled = false`). */
  readonly detail: string;
}

export interface Rule {
  /** Stable ID, `AKS-<AREA>-<NNN>`. Waivers and reports name it; never reuse or renumber one. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly area: Area;
  /** Where in seed 004 (AKS Best Practices & Security Baseline) the requirement comes from. */
  readonly seed: string;
  /** The same check in well-known scanners (Checkov `CKV_AZURE_*`, Trivy `AVD-AZU-*`). */
  readonly scanners?: readonly string[];
  /** How to fix a failure, in platform.yaml terms. */
  readonly remedy: string;
  /** Evaluates the rule on one environment's stacks. */
  check(env: EnvironmentView): Outcome[];
}

/** A rule's verdict after waivers, as reports show it. */
export interface Finding {
  readonly rule: string;
  readonly title: string;
  readonly severity: Severity;
  readonly area: Area;
  readonly seed: string;
  readonly scanners: readonly string[];
  readonly status: Status;
  readonly address: string;
  readonly path?: string;
  readonly detail: string;
  readonly remedy: string;
  /** The waiver that applied (status `waived`), by its index in the environment's waiver list. */
  readonly waiver?: number;
}

/** A waiver as configured, with whether it applied. */
export interface WaiverState {
  readonly rule: string;
  readonly environment?: string;
  readonly resource?: string;
  readonly reason: string;
  readonly expires: string;
  /** `active` (applied to at least one finding), `unused` (in date, matched nothing) or `expired`. */
  readonly state: 'active' | 'unused' | 'expired';
}

/** One environment's rule pass. */
export interface EnvironmentReport {
  readonly environment: string;
  readonly enforcement: 'fail' | 'warn';
  readonly stacks: readonly string[];
  readonly findings: readonly Finding[];
  readonly waivers: readonly WaiverState[];
  /** Unwaived failures of error severity: what stops synth under `enforcement: fail`. */
  readonly blocking: readonly Finding[];
}

export type { EnvironmentView, Resource };

/**
 * An accepted, dated exception to one rule, as the configuration states it (`baseline.waivers[]`; the baseline reads
 * the shape, not the configuration module).
 */
export interface Waiver {
  /** The rule waived, e.g. `AKS-NET-002`. */
  readonly rule: string;
  /** Only in this environment. @default - every environment */
  readonly environment?: string;
  /** Only for resources whose address or construct path matches this glob. @default - every resource */
  readonly resource?: string;
  /** Why the exception is acceptable and who accepted it. */
  readonly reason: string;
  /** Last day the waiver applies, YYYY-MM-DD (UTC). */
  readonly expires: string;
}

/** How an environment's baseline is enforced, and its waivers. */
export interface BaselinePolicy {
  /** `fail`: an unwaived error-level failure stops synth; `warn`: reported only. */
  readonly enforcement: 'fail' | 'warn';
  readonly waivers: readonly Waiver[];
}
