import { z } from 'zod';
import { NODE_POOL_KINDS } from '../../enums';

/** `key=value:Effect`, as `--node-taints` takes it. */
const taint = z
  .string()
  .regex(/^[A-Za-z0-9./_-]+=[A-Za-z0-9._-]*:(NoSchedule|PreferNoSchedule|NoExecute)$/)
  .describe('key=value:NoSchedule | PreferNoSchedule | NoExecute');

/**
 * One node pool. Every field left out takes the default of the pool's kind (see lib/config/pool-kinds.ts),
 * after `nodePoolDefaults.<kind>` from the same environment.
 */
export const nodePoolSchema = z.strictObject({
  kind: z.enum(NODE_POOL_KINDS).describe('What the pool is for; sets mode, taints, labels and priority. Required.'),
  vmSize: z.string().min(1).optional().describe('VM size (`--node-vm-size`). Default: per kind (system Standard_D2s_v3, user/spot Standard_D4s_v3, gpu Standard_NC6s_v3).'),
  count: z.int().min(0).max(1000).optional().describe('Initial node count (`--node-count`). Default: per kind.'),
  autoscaling: z.boolean().optional().describe('Cluster autoscaler on this pool (`--enable-cluster-autoscaler`). Default: true except system.'),
  minCount: z.int().min(0).max(1000).optional().describe('Autoscaler minimum (`--min-count`). Default: per kind.'),
  maxCount: z.int().min(0).max(1000).optional().describe('Autoscaler maximum (`--max-count`). Default: per kind.'),
  zones: z.array(z.enum(['1', '2', '3'])).optional().describe('Availability zones (`--zones`). Default: ["1","2","3"].'),
  labels: z.record(z.string(), z.string()).optional().describe('Node labels (`--labels`), merged over the kind\'s labels.'),
  taints: z.array(taint).optional().describe('Node taints (`--node-taints`). Default: per kind.'),
  maxSurge: z.string().regex(/^(\d+|\d{1,3}%)$/).optional().describe('Upgrade surge, a count or a percentage. Default: 33%.'),
});

export type NodePoolInput = z.output<typeof nodePoolSchema>;

/** Per-kind defaults an environment sets once for all its pools of that kind (the development preset uses it). */
export const nodePoolDefaultsSchema = z.partialRecord(z.enum(NODE_POOL_KINDS), nodePoolSchema.omit({ kind: true }).partial());
