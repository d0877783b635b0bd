/** The Trivy operator's settings (`addons.trivyOperator`) and their cross-field checks. No constructs here. */
import { z } from 'zod';
import { TRIVY_OPERATOR_CHART } from '../../azure/charts';
import { chartVersionSchema, helmValuesSchema, releaseSchema, resourcesSchema } from '../../config/schema/helm';
import type { ResolvedEnvironment } from '../../config/model';
import type { Problem } from '../../config/problem';

const SEVERITY = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/** `addons.trivyOperator`. */
export const trivySettingsSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Install the Trivy operator in trivy-system. Default: true.'),
  chartVersion: chartVersionSchema(TRIVY_OPERATOR_CHART.version),
  ignoreUnfixed: z.boolean().default(true).describe('Report only vulnerabilities with a fix (`trivy.ignoreUnfixed`). Default: true (the AKS baseline).'),
  severities: z.array(z.enum(SEVERITY)).min(1).default(['HIGH', 'CRITICAL']).describe('Severities reported. Default: HIGH, CRITICAL.'),
  scanJobsConcurrentLimit: z.int().min(1).max(50).default(3).describe('Scan jobs at once. Default: 3.'),
  scanJobResources: z
    .strictObject({ requests: resourcesSchema, limits: resourcesSchema })
    .default({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } })
    .describe('Scan job container resources. Default: requests 100m/128Mi, limits 500m/512Mi.'),
  scanJobNodePool: z
    .string()
    .optional()
    .describe('Node pool scan jobs run on (its labels become the node selector, its taints tolerated). Default: the first user pool.'),
  values: helmValuesSchema,
  release: releaseSchema.prefault({}),
});

/** Scan jobs go to a pool that exists. */
export function checkTrivyOperator(env: ResolvedEnvironment, out: Problem[]): void {
  const trivy = env.addons.trivyOperator;
  if (trivy.enabled && trivy.scanJobNodePool && !env.nodePools.some((p) => p.name === trivy.scanJobNodePool)) {
    out.push({
      path: 'addons.trivyOperator.scanJobNodePool',
      message: 'no such node pool',
      got: trivy.scanJobNodePool,
      allowed: env.nodePools.map((p) => p.name).join(', '),
    });
  }
}
