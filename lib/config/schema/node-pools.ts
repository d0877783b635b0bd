import { z } from 'zod';
import { k8sLabels } from './common';
import { TAINT_PATTERN, TAINT_SYNTAX } from '../../azure/kubernetes';
import { NODE_POOL_KINDS, SPOT_EVICTION_POLICIES } from '../../enums';
import { nodePoolSettingsShape } from './node-pool-settings';
import { subnetName } from './subnets';

/** `key=value:Effect`, as `--node-taints` takes it. */
const taint = z.string().regex(TAINT_PATTERN).describe(TAINT_SYNTAX);

/**
 * One node pool. Every field left out takes the default of the pool's kind (see lib/config/pool-kinds.ts),
 * after `nodePoolDefaults.<kind>` from the same environment.
 */
export const nodePoolSchema = z.strictObject({
  kind: z.enum(NODE_POOL_KINDS).describe('What the pool is for; sets mode, taints, labels and priority. Required.'),
  vmSize: z.string().min(1).optional().describe('VM size (`--node-vm-size`). Default: per kind (system Standard_D2s_v3, user/spot Standard_D4s_v3, gpu Standard_NC4as_T4_v3; Standard_NC6s_v3 was retired on 30 September 2025).'),
  count: z.int().min(0).max(1000).optional().describe('Initial node count (`--node-count`). Default: per kind.'),
  autoscaling: z.boolean().optional().describe('Cluster autoscaler on this pool (`--enable-cluster-autoscaler`). Default: true except system.'),
  minCount: z.int().min(0).max(1000).optional().describe('Autoscaler minimum (`--min-count`). Default: per kind.'),
  maxCount: z.int().min(0).max(1000).optional().describe('Autoscaler maximum (`--max-count`). Default: per kind.'),
  zones: z.array(z.enum(['1', '2', '3'])).optional().describe('Availability zones (`--zones`). Default: ["1","2","3"].'),
  labels: z
    .record(k8sLabels.keyType, k8sLabels.valueType.nullable())
    .nullable()
    .optional()
    .describe('Node labels (`--labels`), merged over the kind\'s labels (user: workload=application, gpu: accelerator=nvidia); a label set to null is removed, and {} or null means no labels at all. Default: per kind.'),
  taints: z.array(taint).nullable().optional().describe('Node taints (`--node-taints`); [] or null means none (the gpu and spot kinds\' taints included). Not on the system pool (it gets CriticalAddonsOnly=true:NoSchedule through criticalAddonsOnly). Default: per kind.'),
  maxSurge: z
    .string()
    .regex(/^(\d+|\d{1,3}%)$/)
    .nullable()
    .optional()
    .describe('Upgrade surge (`--max-surge`), a count or a percentage; null leaves it to AKS (10% for new pools). Not used on spot pools (AKS refuses surge there). Default: 33% (gpu: 1).'),
  spotMaxPrice: z
    .number()
    .refine((v) => v === -1 || v > 0, { message: '-1 or a positive price' })
    .optional()
    .describe('Spot pools: highest price per hour in US dollars, -1 = up to the on-demand price (`--spot-max-price`). Default: -1.'),
  evictionPolicy: z.enum(SPOT_EVICTION_POLICIES).optional().describe('Spot pools: what happens to evicted nodes (`--eviction-policy`). Default: Delete.'),
  maxPods: z.int().min(10).max(250).optional().describe('Pods per node (`--max-pods`). Forces pool rotation. Default: the AKS default (250 with CNI Overlay).'),
  osDiskSizeGb: z.int().min(30).max(2048).optional().describe('OS disk size (`--node-osdisk-size`). Forces pool rotation. Default: the AKS default.'),
  hostEncryption: z
    .boolean()
    .optional()
    .describe('Encryption at host: temp disks and OS/data disk caches encrypted (`--enable-encryption-at-host`). Needs the Microsoft.Compute/EncryptionAtHost feature registered on the subscription. Forces replacement of the pool. Default: false.'),
  subnet: subnetName
    .optional()
    .describe('Run the pool\'s nodes in this subnet (`--vnet-subnet-id`): the name of a network.vnet.subnets entry with role nodes; the control plane gets Network Contributor on it. Forces replacement of the pool (the cluster\'s default pool rotates). Default: the node subnet (network.vnet.nodeSubnetName).'),
  podSubnet: subnetName
    .optional()
    .describe('Give the pool\'s pods VNet IPs from this subnet (`--pod-subnet-id`, Azure CNI with dynamic pod IP allocation): the name of a network.vnet.subnets entry with role pods. Needs network.plugin azure with pluginMode none (not overlay). Forces replacement of the pool. Default: none (overlay pod IPs from podCidr).'),
  ...nodePoolSettingsShape,
});

export type NodePoolInput = z.output<typeof nodePoolSchema>;

/** Per-kind defaults an environment sets once for all its pools of that kind (the development preset uses it). */
export const nodePoolDefaultsSchema = z.partialRecord(z.enum(NODE_POOL_KINDS), nodePoolSchema.omit({ kind: true }).partial());
