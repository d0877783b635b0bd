/** Settings every Helm add-on shares: values (credentials refused), chart version, release behaviour, resources. */
import { z } from 'zod';
import { SECRET_ALTERNATIVE, secretLookingValues } from '../secret-values';

/** Helm values merged last over an add-on's defaults and computed values (`null` removes a key). */
export const helmValuesSchema = z
  .record(z.string(), z.unknown())
  .default({})
  .superRefine((v, ctx) => {
    // Values land verbatim in the synthesized JSON, the snapshots and Terraform state: never a credential.
    for (const { path, why } of secretLookingValues(v)) {
      ctx.addIssue({
        code: 'custom',
        path,
        input: '(value hidden)',
        message: `looks like a credential (${why}); nothing secret may go in platform.yaml (it would land in the synthesized output)`,
        params: { allowed: SECRET_ALTERNATIVE },
      });
    }
  })
  .describe('Helm values merged over the add-on\'s own (maps merge, lists replace, null removes); keys are checked against the pinned chart; credentials are refused. Default: none.');

/** `chartVersion` of an add-on whose pinned version is `pinned`. */
export const chartVersionSchema = (pinned: string) =>
  z
    .string()
    .regex(/^\d+\.\d+\.\d+([-+][\w.]+)?$/)
    .optional()
    .describe(`Chart version; its default values must be vendored (scripts/refresh-charts.sh). Default: ${pinned}.`);

/** How Helm installs and upgrades the release. */
export const releaseSchema = z.strictObject({
  timeoutSeconds: z.int().min(60).max(3600).default(600).describe('Seconds Helm waits for the release to become ready. Default: 600.'),
  maxHistory: z.int().min(1).max(100).default(10).describe('Release revisions Helm keeps for rollback. Default: 10.'),
  atomic: z.boolean().default(true).describe('Roll back a failed install or upgrade (atomic + cleanup_on_fail). Default: true.'),
});

/** CPU and memory as Kubernetes quantities. */
export const resourcesSchema = z.strictObject({ cpu: z.string().min(1), memory: z.string().min(1) });


export type ReleaseConfig = z.output<typeof releaseSchema>;
