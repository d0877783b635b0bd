import { Construct } from 'constructs';
import { dependable, Token, type ITerraformDependable } from 'cdktf';
import {
  KubernetesCluster,
  type KubernetesClusterMaintenanceWindowAutoUpgrade,
} from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { BUILT_IN_ROLES, grantRole, type BuiltInRole } from './role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { WorkloadIdentity, type WorkloadIdentityProps } from './workload-identity';
import type {
  ApiServerAccess,
  AutoscalerExpander,
  MaintenanceFrequency,
  NetworkPlugin,
  NetworkPluginMode,
  NetworkPolicy,
  NodeOsUpgradeChannel,
  OutboundType,
  SkuTier,
  UpgradeChannel,
  Weekday,
  WeekIndex,
} from '../enums';
import { NodePool, rotationName, type NodePoolOptions } from './node-pool';
import { clusterFeatureAttributes, type ClusterFeatureProps } from './cluster-features';
import { poolSettingAttributes, upgradeSettings, type NodePoolSettingsProps } from './node-pool-settings';

/** The cluster's default (system) node pool. */
export interface SystemPoolProps extends NodePoolSettingsProps {
  /** Pool name, 1-12 lowercase letters and digits. Forces replacement of the whole cluster. */
  readonly name: string;
  /** VM size (`--node-vm-size`), e.g. Standard_D2s_v3. */
  readonly vmSize: string;
  /** Subnet for the pool's nodes (`--vnet-subnet-id`). @default - the cluster's node subnet (network.nodeSubnetId) */
  readonly vnetSubnetId?: string;
  /** Subnet for the pods' VNet IPs (`--pod-subnet-id`, classic Azure CNI). @default - none (overlay) */
  readonly podSubnetId?: string;
  /** Node count (`--node-count`; the initial count when autoscaling). */
  readonly count: number;
  /** Cluster autoscaler on the pool (`--enable-cluster-autoscaler`). @default false */
  readonly autoscaling?: boolean;
  /** Autoscaler minimum (`--min-count`). @default count */
  readonly minCount?: number;
  /** Autoscaler maximum (`--max-count`). @default count */
  readonly maxCount?: number;
  /** Availability zones (`--zones`). @default ['1','2','3'] */
  readonly zones?: string[];
  /** Node labels (`--labels`). @default {} */
  readonly labels?: Record<string, string>;
  /** Pods per node (`--max-pods`). @default - the AKS default */
  readonly maxPods?: number;
  /**
   * Taint the pool CriticalAddonsOnly=true:NoSchedule (`only_critical_addons_enabled`) so only system add-ons run
   * there; turn off for a single-pool cluster. @default true
   */
  readonly criticalAddonsOnly?: boolean;
  /** Kubernetes version of the default pool. @default - the cluster's kubernetesVersion */
  readonly orchestratorVersion?: string;
  /** OS disk size in GB (`--node-osdisk-size`). @default - the AKS default */
  readonly osDiskSizeGb?: number;
  /** Encryption at host (`--enable-encryption-at-host`); needs the EncryptionAtHost feature. @default false */
  readonly hostEncryption?: boolean;
}

/** Cluster networking (`network_profile`). */
export interface ClusterNetworkProps {
  /** `--network-plugin`. Forces replacement. @default 'azure' */
  readonly plugin?: NetworkPlugin;
  /** `--network-plugin-mode`; `none` = classic Azure CNI. Forces replacement. @default 'overlay' */
  readonly pluginMode?: NetworkPluginMode;
  /** `--network-policy`; cilium also sets `network_data_plane = cilium`. @default 'azure' */
  readonly policy?: NetworkPolicy;
  /** `--outbound-type`. @default 'loadBalancer' */
  readonly outboundType?: OutboundType;
  /** Pod CIDR (overlay and kubenet only, `--pod-cidr`). Forces replacement. @default - AKS's (10.244.0.0/16) */
  readonly podCidr?: string;
  /** `--service-cidr`. Forces replacement. @default '10.0.0.0/16' */
  readonly serviceCidr?: string;
  /** `--dns-service-ip`. Forces replacement. @default '10.0.0.10' */
  readonly dnsServiceIp?: string;
  /** Subnet for the nodes (`--vnet-subnet-id`). @default - AKS creates a managed VNet */
  readonly nodeSubnetId?: string;
  /**
   * Give the control-plane identity Network Contributor on the node subnet (needed with a user-assigned identity
   * and your own subnet, for load balancers and routes). @default true when nodeSubnetId is set
   */
  readonly grantSubnetAccess?: boolean;
}

/** API server exposure. */
export interface ApiServerProps {
  /** private (`--enable-private-cluster`), authorizedRanges, or publicUnrestricted. @default 'private' */
  readonly access?: ApiServerAccess;
  /** Source ranges for authorizedRanges (`--api-server-authorized-ip-ranges`). @default [] */
  readonly authorizedIpRanges?: string[];
  /**
   * Private DNS zone of a private cluster (`--private-dns-zone`): 'System', 'None' or a zone ID (the control-plane
   * identity then gets Private DNS Zone Contributor on it). Forces replacement. @default 'System'
   */
  readonly privateDnsZoneId?: string;
  /** Public FQDN for a private cluster (`--enable-public-fqdn`). @default false */
  readonly publicFqdn?: boolean;
  /**
   * API server VNet integration (`--enable-apiserver-vnet-integration`): the API server's internal load balancer
   * IP goes in this subnet, delegated to `Microsoft.ContainerService/managedClusters` (/28 or larger). The
   * control-plane identity gets Network Contributor on it before the cluster is created. @default - no integration
   */
  readonly vnetIntegrationSubnetId?: string;
}

/** Cluster autoscaler profile (`--cluster-autoscaler-profile`). Defaults are the seed's cost-section values. */
export interface AutoscalerProfileProps {
  /** @default '10m' */
  readonly scaleDownDelayAfterAdd?: string;
  /** @default '10m' */
  readonly scaleDownUnneeded?: string;
  /** @default 0.5 */
  readonly scaleDownUtilizationThreshold?: number;
  /** @default 600 */
  readonly maxGracefulTerminationSec?: number;
  /** @default 'random' */
  readonly expander?: AutoscalerExpander;
  /** @default false */
  readonly balanceSimilarNodeGroups?: boolean;
  /** @default true */
  readonly skipNodesWithSystemPods?: boolean;
  /** `scan-interval`. @default - AKS's 10s */
  readonly scanInterval?: string;
  /** `scale-down-delay-after-delete`. @default - AKS's (the scan interval) */
  readonly scaleDownDelayAfterDelete?: string;
  /** `scale-down-delay-after-failure`. @default - AKS's 3m */
  readonly scaleDownDelayAfterFailure?: string;
  /** `scale-down-unready-time`. @default - AKS's 20m */
  readonly scaleDownUnready?: string;
  /** `max-empty-bulk-delete`. @default - AKS's 10 */
  readonly emptyBulkDeleteMax?: number;
  /** `max-node-provision-time`. @default - AKS's 15m */
  readonly maxNodeProvisioningTime?: string;
  /** `ok-total-unready-count`. @default - AKS's 3 */
  readonly maxUnreadyNodes?: number;
  /** `max-total-unready-percentage`. @default - AKS's 45 */
  readonly maxUnreadyPercentage?: number;
  /** `new-pod-scale-up-delay`. @default - AKS's 0s */
  readonly newPodScaleUpDelay?: string;
  /** `skip-nodes-with-local-storage`. @default - AKS's false */
  readonly skipNodesWithLocalStorage?: boolean;
  /** `daemonset-eviction-for-empty-nodes`. @default - AKS's false */
  readonly daemonsetEvictionForEmptyNodes?: boolean;
  /** `daemonset-eviction-for-occupied-nodes`. @default - AKS's true */
  readonly daemonsetEvictionForOccupiedNodes?: boolean;
  /** `ignore-daemonsets-utilization`. @default - AKS's false */
  readonly ignoreDaemonsetsUtilization?: boolean;
}

/** A blackout period, RFC 3339 UTC times. */
export interface NotAllowedWindow {
  readonly start: string;
  readonly end: string;
}

/** A planned maintenance schedule (`maintenance_window_auto_upgrade` / `maintenance_window_node_os`). */
export interface MaintenanceScheduleProps {
  /** @default 'Weekly' */
  readonly frequency?: MaintenanceFrequency;
  /** Every N days/weeks/months. @default 1 */
  readonly interval?: number;
  /** For Weekly and RelativeMonthly. @default 'Saturday' */
  readonly weekday?: Weekday;
  /** For AbsoluteMonthly. */
  readonly dayOfMonth?: number;
  /** For RelativeMonthly. */
  readonly weekIndex?: WeekIndex;
  /** 0-23 in utcOffset time. @default 2 */
  readonly startHour?: number;
  /** At least 4. @default 4 */
  readonly durationHours?: number;
  /** @default '+00:00' */
  readonly utcOffset?: string;
  /** YYYY-MM-DD. @default - now */
  readonly startDate?: string;
  /** @default [] */
  readonly notAllowed?: NotAllowedWindow[];
}

/** The classic `default` maintenance configuration (`maintenance_window`). */
export interface DefaultMaintenanceWindowProps {
  /** @default 'Saturday' */
  readonly weekday?: Weekday;
  /** UTC. @default 2 */
  readonly startHour?: number;
  /** One-hour slots from startHour. @default 1 */
  readonly durationHours?: number;
  /** @default [] */
  readonly notAllowed?: NotAllowedWindow[];
}

/** Upgrade channels and windows. */
export interface UpgradeProps {
  /** `--auto-upgrade-channel`; 'none' = manual. With a channel, version drift is ignored. @default 'stable' */
  readonly channel?: UpgradeChannel;
  /** `--node-os-upgrade-channel`. @default 'NodeImage' */
  readonly nodeOsChannel?: NodeOsUpgradeChannel;
  /** @default - none */
  readonly defaultWindow?: DefaultMaintenanceWindowProps;
  /** @default - none */
  readonly autoUpgradeWindow?: MaintenanceScheduleProps;
  /** @default - none */
  readonly nodeOsWindow?: MaintenanceScheduleProps;
}

/** Observability and governance add-ons. */
export interface ClusterMonitoringProps {
  /** Log Analytics workspace for Container Insights and Defender. @default - neither is enabled */
  readonly logAnalyticsWorkspaceId?: string;
  /** Container Insights (`oms_agent`, MSI auth). @default true when a workspace is given */
  readonly containerInsights?: boolean;
  /** Microsoft Defender for Containers. @default true when a workspace is given */
  readonly defender?: boolean;
  /** Managed Prometheus metrics profile (`monitor_metrics`); pair with ManagedPrometheus. @default true */
  readonly prometheus?: boolean;
  /** kube-state-metrics label and annotation allow-lists (`monitor_metrics`), e.g. `namespaces=[team]`. @default none */
  readonly prometheusAllowLists?: { readonly labels?: string; readonly annotations?: string };
  /** Azure Policy add-on. @default true */
  readonly azurePolicy?: boolean;
}

/** Windows node settings (`windows_profile`). */
export interface WindowsProfileProps {
  /** Forces replacement. */
  readonly adminUsername: string;
  /** Pass a reference (a sensitive Terraform variable), never a literal: it would land in the output. */
  readonly adminPassword: string;
  /** Azure Hybrid Benefit (`--enable-ahub`: `license = Windows_Server`). @default false */
  readonly azureHybridBenefit?: boolean;
}

/** An identity by reference (a user-assigned identity resource or data source). */
export interface IdentityRef {
  /** Resource ID. */
  readonly id: string;
  readonly clientId: string;
  /** Object (principal) ID. */
  readonly principalId: string;
}

export interface AksClusterProps extends ClusterFeatureProps {
  /** Cluster name. Forces replacement. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** API server DNS prefix. Forces replacement. @default name */
  readonly dnsPrefix?: string;
  /**
   * FQDN subdomain of a private cluster in a custom private DNS zone (`--fqdn-subdomain`, `dns_prefix_private_cluster`),
   * used instead of `dnsPrefix`. Forces replacement. @default - dnsPrefix is used
   */
  readonly dnsPrefixPrivateCluster?: string;
  /** Entra ID tenant for Azure RBAC. */
  readonly tenantId: string;
  /** Kubernetes version; also the pools' version. @default - the AKS default at creation */
  readonly kubernetesVersion?: string;
  /** Control-plane tier. @default 'Standard' */
  readonly skuTier?: SkuTier;
  /** Entra ID groups with cluster-admin through Azure RBAC. @default [] */
  readonly adminGroupObjectIds?: string[];
  /** The default (system) pool. */
  readonly systemPool: SystemPoolProps;
  /** Networking. @default Azure CNI Overlay with the azure network policy */
  readonly network?: ClusterNetworkProps;
  /** API server exposure. @default private cluster, system DNS zone */
  readonly apiServer?: ApiServerProps;
  /**
   * Bring your own kubelet identity (`--assign-kubelet-identity`). The control-plane identity gets Managed Identity
   * Operator on it before the cluster is created. Forces replacement. @default - AKS creates one
   */
  readonly kubeletIdentity?: IdentityRef;
  /** @default the seed's values */
  readonly autoscalerProfile?: AutoscalerProfileProps;
  /** @default stable channel, NodeImage OS channel, no windows */
  readonly upgrades?: UpgradeProps;
  /** Key Vault secrets provider rotation poll interval (with secretRotationEnabled). @default '2m' */
  readonly secretRotationInterval?: string;
  /**
   * Capacity reservation groups of the other pools: the control-plane identity gets Contributor on each before the
   * cluster exists. @default - none
   */
  readonly capacityReservationGroupIds?: string[];
  /** @default Azure Policy and the Prometheus metrics profile on; Insights/Defender need a workspace */
  readonly monitoring?: ClusterMonitoringProps;
  /** Needed when the cluster has Windows pools. @default - none */
  readonly windowsProfile?: WindowsProfileProps;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
  /**
   * Enable the AGIC add-on (`ingress_application_gateway`) for this existing Application Gateway (resource ID).
   * @default - no AGIC
   */
  readonly ingressApplicationGatewayId?: string;
}

/**
 * An AKS cluster with the baseline's identity and access settings: a user-assigned control-plane identity, Entra
 * ID with Azure RBAC, local accounts disabled, OIDC issuer and workload identity, and the Key Vault secrets
 * provider with rotation. Pools besides the system pool come from `addNodePool`.
 */
export class AksCluster extends Construct {
  /** The `azurerm_kubernetes_cluster` resource. */
  readonly resource: KubernetesCluster;
  /** The control-plane identity. */
  readonly identity: UserAssignedIdentity;
  /** Role assignments the control-plane identity needs before the cluster exists (kubelet identity, subnet, DNS zone). */
  readonly controlPlaneGrants: RoleAssignment[] = [];
  private readonly ownKubeletIdentity?: IdentityRef;
  /** Whether an automatic upgrade channel owns the Kubernetes version. */
  readonly managedUpgrades: boolean;
  private readonly kubernetesVersion?: string;
  private readonly nodeSubnetId?: string;
  private readonly tags: Record<string, string>;
  private readonly pools = new Map<string, NodePool>();
  private readonly systemPoolName: string;

  constructor(scope: Construct, id: string, props: AksClusterProps) {
    super(scope, id);
    validateCluster(props);
    const net = props.network ?? {};
    const pool = props.systemPool;
    const api = props.apiServer ?? {};
    const up = props.upgrades ?? {};
    const mon = props.monitoring ?? {};
    const tags = (this.tags = props.tags ?? {});
    const channel = up.channel ?? 'stable';
    this.managedUpgrades = channel !== 'none';
    this.kubernetesVersion = props.kubernetesVersion;
    this.nodeSubnetId = net.nodeSubnetId;
    this.systemPoolName = pool.name;

    this.identity = new UserAssignedIdentity(this, 'identity', {
      name: `id-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
    });

    // The control plane assigns the kubelet identity to the node VMs: AKS refuses a kubelet identity the
    // control-plane identity cannot operate, so the grant must exist before the cluster (depends_on below).
    this.ownKubeletIdentity = props.kubeletIdentity;
    if (props.kubeletIdentity) {
      this.controlPlaneGrants.push(this.grantControlPlane('kubelet-identity-operator', props.kubeletIdentity.id, BUILT_IN_ROLES.managedIdentityOperator));
    }
    if (net.nodeSubnetId && (net.grantSubnetAccess ?? true)) {
      this.controlPlaneGrants.push(this.grantControlPlane('subnet-network-contributor', net.nodeSubnetId, BUILT_IN_ROLES.networkContributor));
    }
    const access = api.access ?? 'private';
    const dnsZone = api.privateDnsZoneId ?? 'System';
    if (access === 'private' && dnsZone !== 'System' && dnsZone !== 'None') {
      this.controlPlaneGrants.push(this.grantControlPlane('private-dns-zone-contributor', dnsZone, BUILT_IN_ROLES.privateDnsZoneContributor));
    }

    // KMS: the API server (as the control-plane identity) wraps etcd's data keys with the vault key; a private
    // vault also needs Key Vault Contributor for the private link (AKS KMS documentation, "Assign permissions").
    if (props.kms) {
      this.controlPlaneGrants.push(this.grantControlPlane('kms-crypto-user', props.kms.keyVaultId, BUILT_IN_ROLES.keyVaultCryptoUser));
      if (props.kms.networkAccess === 'Private') {
        this.controlPlaneGrants.push(this.grantControlPlane('kms-vault-contributor', props.kms.keyVaultId, BUILT_IN_ROLES.keyVaultContributor));
      }
    }
    // A disk encryption set the cluster identity cannot read fails node creation.
    if (props.diskEncryptionSetId) {
      this.controlPlaneGrants.push(this.grantControlPlane('disk-encryption-set-reader', props.diskEncryptionSetId, BUILT_IN_ROLES.reader));
    }
    // Nodes are allocated from a capacity reservation group only when the cluster identity may use it.
    const crgs = [...new Set([pool.capacityReservationGroupId, ...(props.capacityReservationGroupIds ?? [])].filter((g): g is string => !!g))];
    crgs.forEach((g, i) => {
      this.controlPlaneGrants.push(this.grantControlPlane(i === 0 ? 'capacity-reservation-contributor' : `capacity-reservation-contributor-${i}`, g, BUILT_IN_ROLES.contributor));
    });
    if (api.vnetIntegrationSubnetId) {
      this.controlPlaneGrants.push(this.grantControlPlane('api-server-subnet-network-contributor', api.vnetIntegrationSubnetId, BUILT_IN_ROLES.networkContributor));
    }

    const plugin = net.plugin ?? 'azure';
    const mode = net.pluginMode ?? 'overlay';
    const policy = net.policy ?? 'azure';
    const autoscaled = pool.autoscaling ?? false;
    const asp = props.autoscalerProfile ?? {};
    const workspace = mon.logAnalyticsWorkspaceId;

    const ignore: string[] = [];
    // The cluster autoscaler owns the default pool's node count; without this every plan would undo its work.
    if (autoscaled) ignore.push('default_node_pool[0].node_count');
    // An automatic upgrade channel moves the control plane and pool versions; without this Terraform would try to
    // set them back (a downgrade AKS rejects) on the next apply.
    if (this.managedUpgrades) ignore.push('kubernetes_version', 'default_node_pool[0].orchestrator_version');

    const schedule = (w: MaintenanceScheduleProps | undefined): KubernetesClusterMaintenanceWindowAutoUpgrade | undefined => {
      if (!w) return undefined;
      const f = w.frequency ?? 'Weekly';
      return {
        frequency: f,
        interval: w.interval ?? 1,
        dayOfWeek: f === 'Weekly' || f === 'RelativeMonthly' ? (w.weekday ?? 'Saturday') : undefined,
        dayOfMonth: f === 'AbsoluteMonthly' ? w.dayOfMonth : undefined,
        weekIndex: f === 'RelativeMonthly' ? w.weekIndex : undefined,
        startTime: `${String(w.startHour ?? 2).padStart(2, '0')}:00`,
        duration: w.durationHours ?? 4,
        utcOffset: w.utcOffset ?? '+00:00',
        startDate: w.startDate ? `${w.startDate}T00:00:00Z` : undefined,
        notAllowed: w.notAllowed?.length ? w.notAllowed.map((n) => ({ start: n.start, end: n.end })) : undefined,
      };
    };
    const dw = up.defaultWindow;
    const defaultHours = dw ? Array.from({ length: dw.durationHours ?? 1 }, (_, i) => (dw.startHour ?? 2) + i) : [];

    this.resource = new KubernetesCluster(this, 'cluster', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.dnsPrefixPrivateCluster ? undefined : (props.dnsPrefix ?? props.name),
      dnsPrefixPrivateCluster: props.dnsPrefixPrivateCluster,
      kubernetesVersion: props.kubernetesVersion,
      skuTier: props.skuTier ?? 'Standard',
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      kubeletIdentity: props.kubeletIdentity
        ? {
            userAssignedIdentityId: props.kubeletIdentity.id,
            clientId: props.kubeletIdentity.clientId,
            objectId: props.kubeletIdentity.principalId,
          }
        : undefined,
      localAccountDisabled: true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: {
        azureRbacEnabled: true,
        tenantId: props.tenantId,
        adminGroupObjectIds: props.adminGroupObjectIds ?? [],
      },
      oidcIssuerEnabled: props.oidcIssuer ?? true,
      workloadIdentityEnabled: props.workloadIdentity ?? true,
      keyVaultSecretsProvider: {
        secretRotationEnabled: props.secretRotationEnabled ?? true,
        secretRotationInterval: (props.secretRotationEnabled ?? true) ? (props.secretRotationInterval ?? '2m') : undefined,
      },
      ...clusterFeatureAttributes(props),
      privateClusterEnabled: access === 'private',
      privateDnsZoneId: access === 'private' ? dnsZone : undefined,
      privateClusterPublicFqdnEnabled: access === 'private' ? (api.publicFqdn ?? false) : undefined,
      // Note: azurerm 4.55 does not clear ranges when this block goes away (hashicorp/terraform-provider-azurerm
      // PR 32602, open), so moving a live cluster from authorizedRanges to publicUnrestricted also needs
      // `az aks update --api-server-authorized-ip-ranges ""` once.
      apiServerAccessProfile:
        access === 'authorizedRanges' || api.vnetIntegrationSubnetId
          ? {
              authorizedIpRanges: access === 'authorizedRanges' ? (api.authorizedIpRanges ?? []) : undefined,
              virtualNetworkIntegrationEnabled: api.vnetIntegrationSubnetId ? true : undefined,
              subnetId: api.vnetIntegrationSubnetId,
            }
          : undefined,
      automaticUpgradeChannel: this.managedUpgrades ? channel : undefined,
      nodeOsUpgradeChannel: up.nodeOsChannel ?? 'NodeImage',
      maintenanceWindow: dw
        ? {
            allowed: [{ day: dw.weekday ?? 'Saturday', hours: defaultHours }],
            notAllowed: dw.notAllowed?.length ? dw.notAllowed.map((n) => ({ start: n.start, end: n.end })) : undefined,
          }
        : undefined,
      maintenanceWindowAutoUpgrade: schedule(up.autoUpgradeWindow),
      maintenanceWindowNodeOs: schedule(up.nodeOsWindow),
      autoScalerProfile: {
        scaleDownDelayAfterAdd: asp.scaleDownDelayAfterAdd ?? '10m',
        scaleDownUnneeded: asp.scaleDownUnneeded ?? '10m',
        scaleDownUtilizationThreshold: String(asp.scaleDownUtilizationThreshold ?? 0.5),
        maxGracefulTerminationSec: String(asp.maxGracefulTerminationSec ?? 600),
        expander: asp.expander ?? 'random',
        balanceSimilarNodeGroups: asp.balanceSimilarNodeGroups ?? false,
        skipNodesWithSystemPods: asp.skipNodesWithSystemPods ?? true,
        scanInterval: asp.scanInterval,
        scaleDownDelayAfterDelete: asp.scaleDownDelayAfterDelete,
        scaleDownDelayAfterFailure: asp.scaleDownDelayAfterFailure,
        scaleDownUnready: asp.scaleDownUnready,
        emptyBulkDeleteMax: asp.emptyBulkDeleteMax === undefined ? undefined : String(asp.emptyBulkDeleteMax),
        maxNodeProvisioningTime: asp.maxNodeProvisioningTime,
        maxUnreadyNodes: asp.maxUnreadyNodes,
        maxUnreadyPercentage: asp.maxUnreadyPercentage,
        newPodScaleUpDelay: asp.newPodScaleUpDelay,
        skipNodesWithLocalStorage: asp.skipNodesWithLocalStorage,
        daemonsetEvictionForEmptyNodesEnabled: asp.daemonsetEvictionForEmptyNodes,
        daemonsetEvictionForOccupiedNodesEnabled: asp.daemonsetEvictionForOccupiedNodes,
        ignoreDaemonsetsUtilizationEnabled: asp.ignoreDaemonsetsUtilization,
      },
      omsAgent:
        workspace && (mon.containerInsights ?? true)
          ? { logAnalyticsWorkspaceId: workspace, msiAuthForMonitoringEnabled: props.containerInsightsMsiAuth ?? true }
          : undefined,
      microsoftDefender: workspace && (mon.defender ?? true) ? { logAnalyticsWorkspaceId: workspace } : undefined,
      // An empty block is what turns the metrics profile on: only allow-lists that are set are written into it.
      monitorMetrics: (mon.prometheus ?? true)
        ? {
            ...(mon.prometheusAllowLists?.labels ? { labelsAllowed: mon.prometheusAllowLists.labels } : {}),
            ...(mon.prometheusAllowLists?.annotations ? { annotationsAllowed: mon.prometheusAllowLists.annotations } : {}),
          }
        : undefined,
      azurePolicyEnabled: mon.azurePolicy ?? true,
      windowsProfile: props.windowsProfile
        ? {
            adminUsername: props.windowsProfile.adminUsername,
            adminPassword: props.windowsProfile.adminPassword,
            license: props.windowsProfile.azureHybridBenefit ? 'Windows_Server' : undefined,
          }
        : undefined,
      defaultNodePool: {
        name: pool.name,
        type: 'VirtualMachineScaleSets',
        vmSize: pool.vmSize,
        nodeCount: pool.count,
        autoScalingEnabled: autoscaled,
        minCount: autoscaled ? (pool.minCount ?? pool.count) : undefined,
        maxCount: autoscaled ? (pool.maxCount ?? pool.count) : undefined,
        zones: pool.zones ?? ['1', '2', '3'],
        // `CriticalAddonsOnly=true:NoSchedule` on the system pool (`--node-taints`), the way azurerm sets it.
        onlyCriticalAddonsEnabled: pool.criticalAddonsOnly ?? true,
        nodeLabels: pool.labels && Object.keys(pool.labels).length ? pool.labels : undefined,
        maxPods: pool.maxPods,
        osDiskSizeGb: pool.osDiskSizeGb,
        hostEncryptionEnabled: pool.hostEncryption || undefined,
        vnetSubnetId: pool.vnetSubnetId ?? net.nodeSubnetId,
        podSubnetId: pool.podSubnetId,
        orchestratorVersion: pool.orchestratorVersion ?? props.kubernetesVersion,
        ...poolSettingAttributes(pool),
        // Changing a default-pool property that needs new VMs (size, zones, max pods, subnet...) cycles the pool
        // through this temporary one instead of failing at apply with "must be recreated".
        temporaryNameForRotation: rotationName(pool.name),
        // azurerm 4.55's default pool has no max_unavailable.
        upgradeSettings: upgradeSettings(pool, false),
        tags,
      },
      networkProfile: {
        networkPlugin: plugin,
        networkPluginMode: plugin === 'azure' && mode === 'overlay' ? 'overlay' : undefined,
        networkPolicy: policy === 'none' ? undefined : policy,
        networkDataPlane: policy === 'cilium' ? 'cilium' : undefined,
        loadBalancerSku: 'standard',
        outboundType: net.outboundType ?? 'loadBalancer',
        // Without a pod CIDR AKS picks its own (10.244.0.0/16).
        podCidr: mode === 'overlay' || plugin === 'kubenet' ? net.podCidr : undefined,
        serviceCidr: net.serviceCidr ?? '10.0.0.0/16',
        dnsServiceIp: net.dnsServiceIp ?? '10.0.0.10',
        advancedNetworking:
          props.advancedNetworking?.observability || props.advancedNetworking?.security
            ? { observabilityEnabled: props.advancedNetworking.observability ?? false, securityEnabled: props.advancedNetworking.security ?? false }
            : undefined,
      },
      ingressApplicationGateway: props.ingressApplicationGatewayId ? { gatewayId: props.ingressApplicationGatewayId } : undefined,
      tags,
      dependsOn: this.controlPlaneGrants.length ? (this.controlPlaneGrants as ITerraformDependable[]) : undefined,
      lifecycle: ignore.length ? { ignoreChanges: ignore } : undefined,
    });
  }

  /**
   * A role for the control-plane identity on `scope` (a subnet AKS writes to, a VNet, a DNS zone), created before
   * the cluster (`depends_on`). Construct ID `id` is part of the assignment's Terraform address.
   */
  addControlPlaneGrant(id: string, scope: string, role: BuiltInRole): RoleAssignment {
    const grant = this.grantControlPlane(id, scope, role);
    this.addPrerequisite(grant);
    return grant;
  }

  /**
   * Through the one grant helper, by role name: a bare `/providers/...` role-definition ID would differ from the
   * subscription-scoped ID the provider reads back, and as `role_definition_id` is ForceNew every plan would replace
   * the grant (hashicorp/terraform-provider-azurerm internal/services/authorization/role_assignment_resource.go).
   */
  private grantControlPlane(id: string, scope: string, role: BuiltInRole): RoleAssignment {
    return grantRole(this, id, { scope, principalId: this.identity.principalId, role });
  }

  /**
   * Adds a node pool (`az aks nodepool add`) as `azurerm_kubernetes_cluster_node_pool` (construct ID
   * `pool-<name>`, part of its Terraform address) and returns it. The pool joins the default pool's subnet and
   * follows the cluster's version and upgrade channel unless told otherwise.
   */
  addNodePool(options: NodePoolOptions): NodePool {
    if (options.name === this.systemPoolName || this.pools.has(options.name)) {
      throw new Error(`AksCluster: node pool name ${JSON.stringify(options.name)} is already used; allowed: a name unique in the cluster`);
    }
    const pool = new NodePool(this, `pool-${options.name}`, {
      vnetSubnetId: this.nodeSubnetId,
      managedUpgrades: this.managedUpgrades,
      tags: this.tags,
      ...options,
      // A pool without its own version follows the control plane's (an undefined key in options must not erase it).
      orchestratorVersion: options.orchestratorVersion ?? this.kubernetesVersion,
      kubernetesClusterId: this.resource.id,
    });
    this.pools.set(options.name, pool);
    return pool;
  }

  /** The pools added with `addNodePool`, in the order they were added. */
  get nodePools(): NodePool[] {
    return [...this.pools.values()];
  }

  /** Cluster resource ID. */
  get id(): string {
    return this.resource.id;
  }

  /** Cluster name. */
  get name(): string {
    return this.resource.name;
  }

  /** API server URL (`https://…:443`) from the user kubeconfig (no credentials: local accounts are off). Sensitive. */
  get host(): string {
    return this.resource.kubeConfig.get(0).host;
  }

  /** Base64 PEM of the cluster CA. Sensitive in Terraform (it comes from kube_config). */
  get clusterCaCertificate(): string {
    return this.resource.kubeConfig.get(0).clusterCaCertificate;
  }

  /** OIDC issuer URL for federated identity credentials. */
  get oidcIssuerUrl(): string {
    return this.resource.oidcIssuerUrl;
  }

  /**
   * The kubelet identity (what pulls images: AcrPull goes here). With a bring-your-own identity these are that
   * identity's own attributes, known before the cluster exists, so grants to it can be made first (seed 003: no
   * AcrPull propagation delay on the first image pull).
   */
  get kubeletIdentity(): { objectId: string; clientId: string; resourceId: string } {
    if (this.ownKubeletIdentity) {
      const k = this.ownKubeletIdentity;
      return { objectId: k.principalId, clientId: k.clientId, resourceId: k.id };
    }
    const k = this.resource.kubeletIdentity;
    return { objectId: k.objectId, clientId: k.clientId, resourceId: k.userAssignedIdentityId };
  }

  /** True when the kubelet identity is the caller's own (created or existing), not AKS-managed. */
  get hasOwnKubeletIdentity(): boolean {
    return this.ownKubeletIdentity !== undefined;
  }

  /**
   * Makes the cluster wait for `dependency` (for example the AcrPull grant of a bring-your-own kubelet identity,
   * which must exist before the first node pulls an image).
   */
  addPrerequisite(dependency: ITerraformDependable): void {
    this.resource.dependsOn = [...(this.resource.dependsOn ?? []), dependable(dependency)];
  }

  /** The Key Vault secrets provider add-on's identity (for `useVMManagedIdentity` mode). */
  get secretsProviderIdentity(): { objectId: string; clientId: string; resourceId: string } {
    const s = this.resource.keyVaultSecretsProvider.secretIdentity.get(0);
    return { objectId: s.objectId, clientId: s.clientId, resourceId: s.userAssignedIdentityId };
  }

  /**
   * A user-assigned identity that the ServiceAccount `namespace/serviceAccountName` acts as, federated with this
   * cluster's OIDC issuer (a reference). Resource group and location default to the cluster's.
   */
  addWorkloadIdentity(
    id: string,
    props: Omit<WorkloadIdentityProps, 'oidcIssuerUrl' | 'resourceGroupName' | 'location'> &
      Partial<Pick<WorkloadIdentityProps, 'resourceGroupName' | 'location'>>,
  ): WorkloadIdentity {
    return new WorkloadIdentity(this, id, {
      resourceGroupName: this.resource.resourceGroupName,
      location: this.resource.location,
      ...props,
      oidcIssuerUrl: this.oidcIssuerUrl,
    });
  }

  /** The AGIC add-on's identity (only with `ingressApplicationGatewayId`): grant it roles on the gateway. */
  get agicIdentity(): { objectId: string; clientId: string } {
    const i = this.resource.ingressApplicationGateway.ingressApplicationGatewayIdentity.get(0);
    return { objectId: i.objectId, clientId: i.clientId };
  }

  /** The node resource group (MC_…). */
  get nodeResourceGroup(): string {
    return this.resource.nodeResourceGroup;
  }
}

/** Eager checks of the props; throws naming the prop, the value and what is allowed. */
function validateCluster(props: AksClusterProps): void {
  const fail = (prop: string, got: unknown, allowed: string) => {
    throw new Error(`AksCluster ${props.name}: invalid ${prop} ${JSON.stringify(got)}; allowed: ${allowed}`);
  };
  const known = (v: unknown) => v !== undefined && !Token.isUnresolved(v);
  const api = props.apiServer ?? {};
  const access = api.access ?? 'private';
  const ranges = api.authorizedIpRanges ?? [];
  if (access === 'authorizedRanges' && ranges.length === 0) {
    fail('apiServer.authorizedIpRanges', ranges, 'at least one CIDR (or access publicUnrestricted to leave the API server open deliberately)');
  }
  if (access !== 'authorizedRanges' && ranges.length > 0) fail('apiServer.authorizedIpRanges', ranges, `none with access ${access}`);
  const pool = props.systemPool;
  if (known(pool.name) && !/^[a-z][a-z0-9]{0,11}$/.test(pool.name)) fail('systemPool.name', pool.name, '1-12 lowercase letters and digits, starting with a letter');
  if (pool.autoscaling) {
    const min = pool.minCount ?? pool.count;
    const max = pool.maxCount ?? pool.count;
    if (!(min <= pool.count && pool.count <= max)) fail('systemPool.count', pool.count, `minCount (${min}) <= count <= maxCount (${max})`);
  }
  if (pool.count < 1) fail('systemPool.count', pool.count, '1 or more');
  const net = props.network ?? {};
  if (net.policy === 'cilium' && ((net.plugin ?? 'azure') !== 'azure' || (net.pluginMode ?? 'overlay') !== 'overlay')) {
    fail('network.policy', net.policy, 'azure, calico or none unless plugin azure with pluginMode overlay');
  }
  if (known(props.secretRotationInterval) && !/^\d+[smh]$/.test(props.secretRotationInterval!)) {
    fail('secretRotationInterval', props.secretRotationInterval, 'a duration such as 2m');
  }
  for (const key of ['autoUpgradeWindow', 'nodeOsWindow'] as const) {
    const w = props.upgrades?.[key];
    if (w && (w.durationHours ?? 4) < 4) fail(`upgrades.${key}.durationHours`, w.durationHours, '4-24');
  }
}
