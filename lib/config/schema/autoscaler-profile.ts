import { z } from 'zod';
import { AUTOSCALER_EXPANDERS } from '../../enums';

const duration = (what: string) => z.string().regex(/^\d+[smh]$/).describe(`${what} (a duration such as 10m, 30s or 1h)`);

/**
 * Cluster autoscaler profile (`--cluster-autoscaler-profile`, azurerm `auto_scaler_profile`): every field azurerm
 * 4.55 has. The first seven carry the seed's cost-optimisation values (emitted always); the others are emitted only
 * when set, so AKS's default (named in each description, from the AKS cluster autoscaler documentation's profile
 * settings table) stands otherwise.
 */
export const autoscalerProfileSchema = z.strictObject({
  scaleDownDelayAfterAdd: duration('`scale-down-delay-after-add`').default('10m').describe('`scale-down-delay-after-add`. Default: 10m (the seed; AKS default 10m).'),
  scaleDownUnneeded: duration('`scale-down-unneeded-time`').default('10m').describe('`scale-down-unneeded-time`. Default: 10m (the seed; AKS default 10m).'),
  scaleDownUtilizationThreshold: z.number().min(0).max(1).default(0.5).describe('`scale-down-utilization-threshold`. Default: 0.5 (the seed; AKS default 0.5).'),
  maxGracefulTerminationSec: z.int().min(0).max(86400).default(600).describe('`max-graceful-termination-sec`. Default: 600 (the seed; AKS default 600).'),
  expander: z.enum(AUTOSCALER_EXPANDERS).default('random').describe('`expander`. Default: random (the AKS default).'),
  balanceSimilarNodeGroups: z.boolean().default(false).describe('`balance-similar-node-groups` (useful with one pool per zone). Default: false (the AKS default).'),
  skipNodesWithSystemPods: z.boolean().default(true).describe('`skip-nodes-with-system-pods`. Default: true (the AKS default).'),
  scanInterval: duration('`scan-interval`').optional().describe('`scan-interval`: how often the cluster is re-evaluated. Default: AKS\'s 10s.'),
  scaleDownDelayAfterDelete: duration('`scale-down-delay-after-delete`').optional().describe('`scale-down-delay-after-delete`. Default: AKS\'s, the scan interval.'),
  scaleDownDelayAfterFailure: duration('`scale-down-delay-after-failure`').optional().describe('`scale-down-delay-after-failure`. Default: AKS\'s 3m.'),
  scaleDownUnready: duration('`scale-down-unready-time`').optional().describe('`scale-down-unready-time`: how long an unready node is unneeded before it may go. Default: AKS\'s 20m.'),
  emptyBulkDeleteMax: z.int().min(1).max(1000).optional().describe('`max-empty-bulk-delete`: empty nodes deleted at once. Default: AKS\'s 10.'),
  maxNodeProvisioningTime: duration('`max-node-provision-time`').optional().describe('`max-node-provision-time`. Default: AKS\'s 15m.'),
  maxUnreadyNodes: z.int().min(0).optional().describe('`ok-total-unready-count`: unready nodes tolerated before the autoscaler stops. Default: AKS\'s 3.'),
  maxUnreadyPercentage: z.number().min(0).max(100).optional().describe('`max-total-unready-percentage`. Default: AKS\'s 45.'),
  newPodScaleUpDelay: duration('`new-pod-scale-up-delay`').optional().describe('`new-pod-scale-up-delay`: ignore pods younger than this. Default: AKS\'s 0s.'),
  skipNodesWithLocalStorage: z.boolean().optional().describe('`skip-nodes-with-local-storage`: never remove nodes with emptyDir/hostPath pods. Default: AKS\'s false.'),
  daemonsetEvictionForEmptyNodes: z.boolean().optional().describe('`daemonset-eviction-for-empty-nodes`. Default: AKS\'s false.'),
  daemonsetEvictionForOccupiedNodes: z.boolean().optional().describe('`daemonset-eviction-for-occupied-nodes`. Default: AKS\'s true.'),
  ignoreDaemonsetsUtilization: z.boolean().optional().describe('`ignore-daemonsets-utilization` when deciding scale-down. Default: AKS\'s false.'),
});

export type AutoscalerProfileInput = z.output<typeof autoscalerProfileSchema>;
