import type { NodePoolKind, SpotEvictionPolicy } from '../enums';
import { DEFAULT_GPU_VM_SIZE, type GpuDriver, type KubeletDiskType, type OsDiskType, type OsSku } from '../azure/node-pools';

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
  /** Upgrade surge; undefined leaves it to AKS. */
  readonly maxSurge?: string;
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
  /** Node OS image. @default the AKS default */
  readonly osSku?: OsSku;
  /** Managed or Ephemeral OS disk. @default the AKS default */
  readonly osDiskType?: OsDiskType;
  /** Where kubelet data lives. @default the AKS default (OS) */
  readonly kubeletDiskType?: KubeletDiskType;
  /** FIPS-enabled node image. @default false */
  readonly fips?: boolean;
  /** A public IP per node. @default false */
  readonly nodePublicIp?: boolean;
  /** Pool Kubernetes version. @default the cluster's */
  readonly orchestratorVersion?: string;
  /** Capacity reservation group ID. @default none */
  readonly capacityReservationGroupId?: string;
  /** Proximity placement group ID. @default none */
  readonly proximityPlacementGroupId?: string;
  /** GPU driver installation. @default Install on kind gpu */
  readonly gpuDriver?: GpuDriver;
  /** System pool only: CriticalAddonsOnly taint through only_critical_addons_enabled. @default true on the system pool */
  readonly criticalAddonsOnly?: boolean;
  /** Upgrade max unavailable. @default the AKS default */
  readonly maxUnavailable?: string;
  /** Upgrade drain timeout in minutes. @default the AKS default */
  readonly drainTimeoutMinutes?: number;
  /** Upgrade node soak in minutes. @default the AKS default */
  readonly nodeSoakMinutes?: number;
  /** Name of a network.vnet.subnets entry (role nodes) for the pool's nodes. @default the node subnet */
  readonly subnet?: string;
  /** Name of a network.vnet.subnets entry (role pods) for the pool's pod IPs (classic Azure CNI). @default none */
  readonly podSubnet?: string;
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
    criticalAddonsOnly: true,
  },
  user: {
    mode: 'User', osType: 'Linux', priority: 'Regular', vmSize: 'Standard_D4s_v3',
    count: 3, autoscaling: true, minCount: 3, maxCount: 20, zones: ZONES,
    labels: { workload: 'application' }, taints: [], maxSurge: '33%',
  },
  gpu: {
    mode: 'User', osType: 'Linux', priority: 'Regular', vmSize: DEFAULT_GPU_VM_SIZE,
    count: 0, autoscaling: true, minCount: 0, maxCount: 5, zones: ZONES,
    labels: { accelerator: 'nvidia' }, taints: ['sku=gpu:NoSchedule'], maxSurge: '1', gpuDriver: 'Install',
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
