import type { NodePoolKind, SpotEvictionPolicy } from '../enums';

/** A node pool with every default applied. */
export interface ResolvedNodePool {
  readonly name: string;
  readonly kind: NodePoolKind;
  readonly mode: 'System' | 'User';
  readonly osType: 'Linux' | 'Windows';
  readonly priority: 'Regular' | 'Spot';
  readonly vmSize: string;
  readonly count: number;
  readonly autoscaling: boolean;
  readonly minCount: number;
  readonly maxCount: number;
  readonly zones: string[];
  readonly labels: Record<string, string>;
  readonly taints: string[];
  readonly maxSurge: string;
  /** Spot pools only: max price per hour, -1 = on-demand price. */
  readonly spotMaxPrice?: number;
  /** Spot pools only: what happens to evicted nodes. */
  readonly evictionPolicy?: SpotEvictionPolicy;
  /** Pods per node. @default the AKS default */
  readonly maxPods?: number;
  /** OS disk size in GB. @default the AKS default */
  readonly osDiskSizeGb?: number;
  /** Encryption at host. @default false */
  readonly hostEncryption?: boolean;
}

type KindDefaults = Omit<ResolvedNodePool, 'name' | 'kind'>;

const ZONES = ['1', '2', '3'];

/**
 * The seed's node pool recipes (AKS best practices, section "Node Pool 전략" and "Spot Instances"), one per kind.
 * The system pool's CriticalAddonsOnly taint is applied through `only_critical_addons_enabled`, not a taint.
 */
export const POOL_KIND_DEFAULTS: Record<NodePoolKind, KindDefaults> = {
  system: {
    mode: 'System', osType: 'Linux', priority: 'Regular', vmSize: 'Standard_D2s_v3',
    count: 3, autoscaling: false, minCount: 3, maxCount: 3, zones: ZONES, labels: {}, taints: [], maxSurge: '33%',
  },
  user: {
    mode: 'User', osType: 'Linux', priority: 'Regular', vmSize: 'Standard_D4s_v3',
    count: 3, autoscaling: true, minCount: 3, maxCount: 20, zones: ZONES,
    labels: { workload: 'application' }, taints: [], maxSurge: '33%',
  },
  gpu: {
    mode: 'User', osType: 'Linux', priority: 'Regular', vmSize: 'Standard_NC6s_v3',
    count: 0, autoscaling: true, minCount: 0, maxCount: 5, zones: ZONES,
    labels: { accelerator: 'nvidia' }, taints: ['sku=gpu:NoSchedule'], maxSurge: '1',
  },
  spot: {
    mode: 'User', osType: 'Linux', priority: 'Spot', vmSize: 'Standard_D4s_v3',
    count: 1, autoscaling: true, minCount: 1, maxCount: 10, zones: ZONES,
    labels: { 'kubernetes.azure.com/scalesetpriority': 'spot' },
    taints: ['kubernetes.azure.com/scalesetpriority=spot:NoSchedule'], maxSurge: '33%',
    spotMaxPrice: -1, evictionPolicy: 'Delete',
  },
  windows: {
    mode: 'User', osType: 'Windows', priority: 'Regular', vmSize: 'Standard_D4s_v3',
    count: 2, autoscaling: true, minCount: 2, maxCount: 5, zones: ZONES, labels: {}, taints: [], maxSurge: '33%',
  },
};
