import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import type { SpotEvictionPolicy } from '../enums';
import { poolSettingAttributes, upgradeSettings, type NodePoolSettingsProps } from './node-pool-settings';

import { SPOT_LABEL, SPOT_TAINT, TAINT_PATTERN, TAINT_SYNTAX } from '../azure/kubernetes';

export { SPOT_LABEL, SPOT_TAINT, TAINT_PATTERN };

/** What a non-default node pool needs; the cluster supplies its ID through `AksCluster.addNodePool`. */
export interface NodePoolOptions extends NodePoolSettingsProps {
  /** Pool name: 1-12 lowercase letters and digits (6 for Windows). Forces replacement of the pool. */
  readonly name: string;
  /** VM size (`--node-vm-size`), e.g. Standard_D4s_v3. */
  readonly vmSize: string;
  /** Initial node count (`--node-count`); the autoscaler owns it afterwards. */
  readonly count: number;
  /** System or User (`--mode`). @default 'User' */
  readonly mode?: 'System' | 'User';
  /** Linux or Windows (`--os-type`). Forces replacement of the pool. @default 'Linux' */
  readonly osType?: 'Linux' | 'Windows';
  /** Regular or Spot (`--priority`). Forces replacement of the pool. @default 'Regular' */
  readonly priority?: 'Regular' | 'Spot';
  /** Spot only: max price per hour, -1 = up to the on-demand price (`--spot-max-price`). @default -1 */
  readonly spotMaxPrice?: number;
  /** Spot only: what happens to evicted nodes (`--eviction-policy`). @default 'Delete' */
  readonly evictionPolicy?: SpotEvictionPolicy;
  /** Cluster autoscaler on the pool (`--enable-cluster-autoscaler`). @default true */
  readonly autoscaling?: boolean;
  /** Autoscaler minimum (`--min-count`). @default count */
  readonly minCount?: number;
  /** Autoscaler maximum (`--max-count`). @default count */
  readonly maxCount?: number;
  /** Availability zones (`--zones`). Forces replacement of the pool. @default ['1','2','3'] */
  readonly zones?: string[];
  /** Node labels (`--labels`). Spot pools always carry the Spot label. @default {} */
  readonly labels?: Record<string, string>;
  /** Node taints (`--node-taints`), `key=value:Effect`. Spot pools always carry the Spot taint. @default [] */
  readonly taints?: string[];
  /** Pods per node (`--max-pods`). @default - the AKS default */
  readonly maxPods?: number;
  /** OS disk size in GB (`--node-osdisk-size`). @default - the AKS default */
  readonly osDiskSizeGb?: number;
  /**
   * Encryption at host (`--enable-encryption-at-host`): temp disks and disk caches encrypted on the host. Needs the
   * EncryptionAtHost feature on the subscription. @default false
   */
  readonly hostEncryption?: boolean;
  /** Subnet for the nodes (`--vnet-subnet-id`). @default - the cluster's default pool subnet */
  readonly vnetSubnetId?: string;
  /** Subnet for the pods' VNet IPs (`--pod-subnet-id`, classic Azure CNI). @default - none (overlay) */
  readonly podSubnetId?: string;
  /** Kubernetes version of the pool (`--kubernetes-version`). @default - the control plane's */
  readonly orchestratorVersion?: string;
  /**
   * The cluster upgrades itself (an automatic upgrade channel is set): Terraform then ignores
   * `orchestrator_version` drift. @default false
   */
  readonly managedUpgrades?: boolean;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

export interface NodePoolProps extends NodePoolOptions {
  /** ID of the `azurerm_kubernetes_cluster`. */
  readonly kubernetesClusterId: string;
}

/**
 * A node pool besides the cluster's default (system) pool: `azurerm_kubernetes_cluster_node_pool`. Spot pools get
 * the seed's settings (eviction Delete, max price -1, the scalesetpriority label and taint).
 */
export class NodePool extends Construct {
  /** The `azurerm_kubernetes_cluster_node_pool` resource. */
  readonly resource: KubernetesClusterNodePool;
  readonly name: string;
  readonly autoscaling: boolean;

  constructor(scope: Construct, id: string, props: NodePoolProps) {
    super(scope, id);
    validateNodePool(props);
    const spot = props.priority === 'Spot';
    const osType = props.osType ?? 'Linux';
    this.name = props.name;
    this.autoscaling = props.autoscaling ?? true;
    const labels = { ...(props.labels ?? {}), ...(spot ? SPOT_LABEL : {}) };
    const taints = [...(props.taints ?? [])];
    if (spot && !taints.includes(SPOT_TAINT)) taints.push(SPOT_TAINT);

    const ignore: string[] = [];
    // The cluster autoscaler changes node_count all day; without this every plan would scale the pool back.
    if (this.autoscaling) ignore.push('node_count');
    // With an automatic upgrade channel AKS moves the pool's version; without this Terraform would downgrade it.
    if (props.managedUpgrades) ignore.push('orchestrator_version');

    this.resource = new KubernetesClusterNodePool(this, 'pool', {
      name: props.name,
      kubernetesClusterId: props.kubernetesClusterId,
      mode: props.mode ?? 'User',
      osType,
      vmSize: props.vmSize,
      nodeCount: props.count,
      autoScalingEnabled: this.autoscaling,
      minCount: this.autoscaling ? (props.minCount ?? props.count) : undefined,
      maxCount: this.autoscaling ? (props.maxCount ?? props.count) : undefined,
      zones: props.zones ?? ['1', '2', '3'],
      nodeLabels: Object.keys(labels).length ? labels : undefined,
      nodeTaints: taints.length ? taints : undefined,
      priority: props.priority ?? 'Regular',
      evictionPolicy: spot ? (props.evictionPolicy ?? 'Delete') : undefined,
      spotMaxPrice: spot ? (props.spotMaxPrice ?? -1) : undefined,
      maxPods: props.maxPods,
      osDiskSizeGb: props.osDiskSizeGb,
      hostEncryptionEnabled: props.hostEncryption || undefined,
      vnetSubnetId: props.vnetSubnetId,
      podSubnetId: props.podSubnetId,
      orchestratorVersion: props.orchestratorVersion,
      ...poolSettingAttributes(props),
      // Spot pools cannot surge (AKS rejects upgrade_settings on them): they are replaced node by node.
      upgradeSettings: spot ? undefined : upgradeSettings(props, true),
      // Changing a property that needs new VMs (size, zones, max pods...) rotates through this temporary pool
      // instead of failing at apply. Windows pool names are at most 6 characters.
      temporaryNameForRotation: rotationName(props.name, osType),
      tags: props.tags ?? {},
      lifecycle: ignore.length ? { ignoreChanges: ignore } : undefined,
    });
  }

  /** Node pool resource ID. */
  get id(): string {
    return this.resource.id;
  }
}

/** A temporary pool name for `temporary_name_for_rotation`: the name's start plus `tmp`, within AKS limits. */
export function rotationName(name: string, osType: 'Linux' | 'Windows' = 'Linux'): string {
  return `${name.slice(0, (osType === 'Windows' ? 6 : 12) - 3)}tmp`;
}

/** Eager checks of a pool's props; throws naming the prop, the value and what is allowed. */
export function validateNodePool(props: NodePoolOptions): void {
  const fail = (prop: string, got: unknown, allowed: string) => {
    throw new Error(`NodePool ${props.name}: invalid ${prop} ${JSON.stringify(got)}; allowed: ${allowed}`);
  };
  const windows = props.osType === 'Windows';
  if (!Token.isUnresolved(props.name) && !(windows ? /^[a-z][a-z0-9]{0,5}$/ : /^[a-z][a-z0-9]{0,11}$/).test(props.name)) {
    fail('name', props.name, windows ? '1-6 lowercase letters and digits, starting with a letter' : '1-12 lowercase letters and digits, starting with a letter');
  }
  const auto = props.autoscaling ?? true;
  const min = props.minCount ?? props.count;
  const max = props.maxCount ?? props.count;
  if (auto && !(min <= props.count && props.count <= max)) fail('count', props.count, `minCount (${min}) <= count <= maxCount (${max})`);
  for (const t of props.taints ?? []) if (!Token.isUnresolved(t) && !TAINT_PATTERN.test(t)) fail('taints', t, TAINT_SYNTAX);
  if (props.priority !== 'Spot' && (props.spotMaxPrice !== undefined || props.evictionPolicy !== undefined)) {
    fail('spotMaxPrice/evictionPolicy', props.spotMaxPrice ?? props.evictionPolicy, 'only with priority Spot');
  }
  if (props.spotMaxPrice !== undefined && props.spotMaxPrice !== -1 && !(props.spotMaxPrice > 0)) fail('spotMaxPrice', props.spotMaxPrice, '-1 or a positive price');
  if (props.maxSurge !== undefined && !/^(\d+|\d{1,3}%)$/.test(props.maxSurge)) fail('maxSurge', props.maxSurge, 'a count such as 1 or a percentage such as 33%');
}
