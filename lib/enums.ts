/**
 * Enum-like unions shared by the configuration schema and the constructs: the allowed values live here, once.
 * Constructs import the types; the schema imports the value lists.
 */

export const PRESETS = ['production', 'development'] as const;
/** Baseline preset an environment starts from. */
export type Preset = (typeof PRESETS)[number];

export const SKU_TIERS = ['Free', 'Standard', 'Premium'] as const;
/** AKS control-plane pricing tier (`sku_tier`). */
export type SkuTier = (typeof SKU_TIERS)[number];

export const NETWORK_PLUGINS = ['azure', 'kubenet', 'none'] as const;
/** `network_profile.network_plugin`. */
export type NetworkPlugin = (typeof NETWORK_PLUGINS)[number];

export const NETWORK_PLUGIN_MODES = ['overlay', 'none'] as const;
/** `network_profile.network_plugin_mode`; `none` means "not set" (classic Azure CNI with VNet pod IPs). */
export type NetworkPluginMode = (typeof NETWORK_PLUGIN_MODES)[number];

export const NETWORK_POLICIES = ['azure', 'calico', 'cilium', 'none'] as const;
/** `network_profile.network_policy`; `cilium` also selects the cilium data plane. */
export type NetworkPolicy = (typeof NETWORK_POLICIES)[number];

export const OUTBOUND_TYPES = [
  'loadBalancer',
  'userDefinedRouting',
  'managedNATGateway',
  'userAssignedNATGateway',
] as const;
/** `network_profile.outbound_type`. */
export type OutboundType = (typeof OUTBOUND_TYPES)[number];

export const NODE_POOL_KINDS = ['system', 'user', 'gpu', 'spot', 'windows'] as const;
/** What a node pool is for; each kind carries the seed's defaults (taints, labels, mode, priority). */
export type NodePoolKind = (typeof NODE_POOL_KINDS)[number];

export const KUBELOGIN_MODES = ['azurecli', 'spn', 'workloadidentity', 'msi'] as const;
/** How the helm and kubernetes providers get an Entra ID token through kubelogin (`get-token --login <mode>`). */
export type KubeloginMode = (typeof KUBELOGIN_MODES)[number];

export const KEY_VAULT_AUTHORIZATIONS = ['rbac', 'accessPolicy'] as const;
/** How a Key Vault authorizes data-plane access: Azure RBAC role assignments, or (legacy) vault access policies. */
export type KeyVaultAuthorization = (typeof KEY_VAULT_AUTHORIZATIONS)[number];

export const KEY_VAULT_OBJECT_TYPES = ['secret', 'key', 'cert'] as const;
/** A Key Vault object type as the Secrets Store CSI driver's `objectType` names it. */
export type KeyVaultObjectType = (typeof KEY_VAULT_OBJECT_TYPES)[number];

export const KEY_VAULT_SKUS = ['standard', 'premium'] as const;
/** Key Vault pricing tier (`sku_name`). */
export type KeyVaultSku = (typeof KEY_VAULT_SKUS)[number];

export const ACR_SKUS = ['Basic', 'Standard', 'Premium'] as const;
/** Container registry tier. Zone redundancy, retention policy and private endpoints need Premium. */
export type AcrSku = (typeof ACR_SKUS)[number];

/** Log categories of a container registry's diagnostic setting (Microsoft.ContainerRegistry/registries). */
export const ACR_DIAGNOSTIC_CATEGORIES = ['ContainerRegistryRepositoryEvents', 'ContainerRegistryLoginEvents'] as const;
export type AcrDiagnosticCategory = (typeof ACR_DIAGNOSTIC_CATEGORIES)[number];

/** Who passes a registry firewall besides its IP rules (`network_rule_bypass_option`). */
export const ACR_NETWORK_BYPASS = ['AzureServices', 'None'] as const;
export type AcrNetworkBypass = (typeof ACR_NETWORK_BYPASS)[number];

/** Entra ID principal kinds a role is granted to (`principal_type`). */
export const PRINCIPAL_TYPES = ['ServicePrincipal', 'User', 'Group'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** Container Insights streams (`Microsoft-ContainerInsights-Group-Default` is the default group of all of them). */
export const CONTAINER_INSIGHTS_STREAMS = [
  'Microsoft-ContainerInsights-Group-Default',
  'Microsoft-ContainerLog',
  'Microsoft-ContainerLogV2',
  'Microsoft-KubeEvents',
  'Microsoft-KubePodInventory',
  'Microsoft-KubeNodeInventory',
  'Microsoft-KubePVInventory',
  'Microsoft-KubeServices',
  'Microsoft-KubeMonAgentEvents',
  'Microsoft-InsightsMetrics',
  'Microsoft-ContainerInventory',
  'Microsoft-ContainerNodeInventory',
  'Microsoft-Perf',
] as const;

/** Container Insights namespace filtering (`namespaceFilteringMode`). */
export const NAMESPACE_FILTER_MODES = ['Off', 'Include', 'Exclude'] as const;

/** Event Grid event types of an AKS cluster (Microsoft.ContainerService.ManagedClusters system topics). */
export const CLUSTER_EVENT_TYPES = [
  'Microsoft.ContainerService.NewKubernetesVersionAvailable',
  'Microsoft.ContainerService.ClusterSupportEnding',
  'Microsoft.ContainerService.ClusterSupportEnded',
  'Microsoft.ContainerService.NodePoolRollingStarted',
  'Microsoft.ContainerService.NodePoolRollingSucceeded',
  'Microsoft.ContainerService.NodePoolRollingFailed',
] as const;

export const GRANT_SCOPES = ['vault', 'object'] as const;
/** Where a Key Vault read grant applies: the whole vault, or each named object alone (RBAC only). */
export type GrantScope = (typeof GRANT_SCOPES)[number];

export const SECRET_ACCESS_MODES = ['workloadIdentity', 'addonIdentity', 'kubeletIdentity'] as const;
/**
 * How a workload's SecretProviderClass authenticates to Key Vault (seed 000): its own user-assigned identity through
 * workload identity federation (`clientID`), or a user-assigned identity on the nodes (`useVMManagedIdentity`): the
 * Key Vault secrets provider add-on's identity, or the kubelet identity.
 */
export type SecretAccessMode = (typeof SECRET_ACCESS_MODES)[number];
export const INGRESS_CONTROLLERS = ['nginx', 'agc', 'agic', 'none'] as const;
/** The ingress controller of an environment: ingress-nginx, Application Gateway for Containers, AGIC, or none. */
export type IngressController = (typeof INGRESS_CONTROLLERS)[number];

export const VELERO_SNAPSHOT_MODES_LIST = ['csi', 'azure-plugin', 'none'] as const;
/** How Velero snapshots persistent volumes (see lib/addons/velero/azure.ts). */
export type VeleroSnapshotModeName = (typeof VELERO_SNAPSHOT_MODES_LIST)[number];
export const API_SERVER_ACCESS = ['private', 'authorizedRanges', 'publicUnrestricted'] as const;
/**
 * How the API server is reachable: a private cluster (private endpoint in the node VNet), a public endpoint limited
 * to authorized IP ranges, or (an explicit, visible choice) a public endpoint open to every address.
 */
export type ApiServerAccess = (typeof API_SERVER_ACCESS)[number];

export const UPGRADE_CHANNELS = ['none', 'patch', 'stable', 'rapid', 'node-image'] as const;
/** `automatic_upgrade_channel` (`--auto-upgrade-channel`); `none` leaves the attribute unset (manual upgrades). */
export type UpgradeChannel = (typeof UPGRADE_CHANNELS)[number];

export const NODE_OS_UPGRADE_CHANNELS = ['None', 'Unmanaged', 'SecurityPatch', 'NodeImage'] as const;
/** `node_os_upgrade_channel` (`--node-os-upgrade-channel`). */
export type NodeOsUpgradeChannel = (typeof NODE_OS_UPGRADE_CHANNELS)[number];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** A day of the week as the maintenance configuration API spells it. */
export type Weekday = (typeof WEEKDAYS)[number];

export const MAINTENANCE_FREQUENCIES = ['Daily', 'Weekly', 'AbsoluteMonthly', 'RelativeMonthly'] as const;
/** How often a planned maintenance window recurs (`--schedule-type`). */
export type MaintenanceFrequency = (typeof MAINTENANCE_FREQUENCIES)[number];

export const WEEK_INDEXES = ['First', 'Second', 'Third', 'Fourth', 'Last'] as const;
/** Week of the month for a RelativeMonthly window (`--week-index`). */
export type WeekIndex = (typeof WEEK_INDEXES)[number];

export const KUBELET_IDENTITY_MODES = ['aksManaged', 'create', 'existing'] as const;
/**
 * Who owns the kubelet identity: AKS (created in the node resource group), the platform (a user-assigned identity
 * it creates), or an existing user-assigned identity (bring your own, seed 003).
 */
export type KubeletIdentityMode = (typeof KUBELET_IDENTITY_MODES)[number];

export const SPOT_EVICTION_POLICIES = ['Delete', 'Deallocate'] as const;
/** `eviction_policy` of a Spot pool (`--eviction-policy`). */
export type SpotEvictionPolicy = (typeof SPOT_EVICTION_POLICIES)[number];

export const AUTOSCALER_EXPANDERS = ['random', 'least-waste', 'most-pods', 'priority'] as const;
/** `auto_scaler_profile.expander`. */
export type AutoscalerExpander = (typeof AUTOSCALER_EXPANDERS)[number];

/** The AKS control-plane log categories the seed sends to Log Analytics (monitoring section, diagnostic settings). */
export const CONTROL_PLANE_LOG_CATEGORIES = [
  'kube-apiserver',
  'kube-audit',
  'kube-audit-admin',
  'kube-controller-manager',
  'kube-scheduler',
  'cluster-autoscaler',
  'guard',
  'cloud-controller-manager',
  'csi-azuredisk-controller',
  'csi-azurefile-controller',
  'csi-snapshot-controller',
] as const;
/** One `enabled_log.category` of the cluster's diagnostic setting. */
export type ControlPlaneLogCategory = (typeof CONTROL_PLANE_LOG_CATEGORIES)[number];
