import { Construct } from 'constructs';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { WorkloadIdentity, type WorkloadIdentityProps } from './workload-identity';
import type { NetworkPlugin, NetworkPluginMode, NetworkPolicy, OutboundType, SkuTier } from '../enums';

/** The cluster's default (system) node pool. */
export interface SystemPoolProps {
  /** Pool name. Changing it rotates the pool through `temporary_name_for_rotation`. */
  readonly name: string;
  /** VM size, e.g. Standard_D2s_v3. */
  readonly vmSize: string;
  /** Node count (the initial count when autoscaling). */
  readonly count: number;
  /** Cluster autoscaler on the pool. @default false */
  readonly autoscaling?: boolean;
  /** Autoscaler minimum. @default count */
  readonly minCount?: number;
  /** Autoscaler maximum. @default count */
  readonly maxCount?: number;
  /** Availability zones. @default ['1','2','3'] */
  readonly zones?: string[];
  /** Node labels. @default {} */
  readonly labels?: Record<string, string>;
  /** Upgrade surge. @default '33%' */
  readonly maxSurge?: string;
}

/** Cluster networking (`network_profile`). */
export interface ClusterNetworkProps {
  /** @default 'azure' */
  readonly plugin?: NetworkPlugin;
  /** @default 'overlay' */
  readonly pluginMode?: NetworkPluginMode;
  /** @default 'azure' */
  readonly policy?: NetworkPolicy;
  /** @default 'loadBalancer' */
  readonly outboundType?: OutboundType;
  /** Pod CIDR (overlay and kubenet only). @default '192.168.0.0/16' */
  readonly podCidr?: string;
  /** @default '10.0.0.0/16' */
  readonly serviceCidr?: string;
  /** @default '10.0.0.10' */
  readonly dnsServiceIp?: string;
  /** Subnet for the nodes. @default - AKS creates a managed VNet */
  readonly nodeSubnetId?: string;
}

export interface AksClusterProps {
  /** Cluster name. Forces replacement. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** API server DNS prefix. Forces replacement. @default name */
  readonly dnsPrefix?: string;
  /** Entra ID tenant for Azure RBAC. */
  readonly tenantId: string;
  /** Kubernetes version. @default - the AKS default at creation */
  readonly kubernetesVersion?: string;
  /** Control-plane tier. @default 'Standard' */
  readonly skuTier?: SkuTier;
  /** Entra ID groups with cluster-admin through Azure RBAC. @default [] */
  readonly adminGroupObjectIds?: string[];
  /** The default (system) pool. */
  readonly systemPool: SystemPoolProps;
  /** Networking. @default Azure CNI Overlay with the azure network policy */
  readonly network?: ClusterNetworkProps;
  /** Key Vault secrets provider rotation poll interval. @default '2m' */
  readonly secretRotationInterval?: string;
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
 * provider with rotation.
 */
export class AksCluster extends Construct {
  /** The `azurerm_kubernetes_cluster` resource. */
  readonly resource: KubernetesCluster;
  /** The control-plane identity. */
  readonly identity: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: AksClusterProps) {
    super(scope, id);
    const net = props.network ?? {};
    const pool = props.systemPool;
    const tags = props.tags ?? {};

    this.identity = new UserAssignedIdentity(this, 'identity', {
      name: `id-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
    });

    const plugin = net.plugin ?? 'azure';
    const mode = net.pluginMode ?? 'overlay';
    const policy = net.policy ?? 'azure';
    this.resource = new KubernetesCluster(this, 'cluster', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.dnsPrefix ?? props.name,
      kubernetesVersion: props.kubernetesVersion,
      skuTier: props.skuTier ?? 'Standard',
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      localAccountDisabled: true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: {
        azureRbacEnabled: true,
        tenantId: props.tenantId,
        adminGroupObjectIds: props.adminGroupObjectIds ?? [],
      },
      oidcIssuerEnabled: true,
      workloadIdentityEnabled: true,
      keyVaultSecretsProvider: {
        secretRotationEnabled: true,
        secretRotationInterval: props.secretRotationInterval ?? '2m',
      },
      defaultNodePool: {
        name: pool.name,
        vmSize: pool.vmSize,
        nodeCount: pool.count,
        autoScalingEnabled: pool.autoscaling ?? false,
        minCount: pool.autoscaling ? (pool.minCount ?? pool.count) : undefined,
        maxCount: pool.autoscaling ? (pool.maxCount ?? pool.count) : undefined,
        zones: pool.zones ?? ['1', '2', '3'],
        onlyCriticalAddonsEnabled: true,
        nodeLabels: pool.labels && Object.keys(pool.labels).length ? pool.labels : undefined,
        vnetSubnetId: net.nodeSubnetId,
        temporaryNameForRotation: `${pool.name.slice(0, 8)}tmp`,
        upgradeSettings: { maxSurge: pool.maxSurge ?? '33%' },
      },
      networkProfile: {
        networkPlugin: plugin,
        networkPluginMode: plugin === 'azure' && mode === 'overlay' ? 'overlay' : undefined,
        networkPolicy: policy === 'none' ? undefined : policy,
        networkDataPlane: policy === 'cilium' ? 'cilium' : undefined,
        loadBalancerSku: 'standard',
        outboundType: net.outboundType ?? 'loadBalancer',
        podCidr: mode === 'overlay' || plugin === 'kubenet' ? (net.podCidr ?? '192.168.0.0/16') : undefined,
        serviceCidr: net.serviceCidr ?? '10.0.0.0/16',
        dnsServiceIp: net.dnsServiceIp ?? '10.0.0.10',
      },
      ingressApplicationGateway: props.ingressApplicationGatewayId ? { gatewayId: props.ingressApplicationGatewayId } : undefined,
      tags,
    });
  }

  /** Cluster resource ID. */
  get id(): string {
    return this.resource.id;
  }

  /** Cluster name. */
  get name(): string {
    return this.resource.name;
  }

  /** API server URL (`https://…:443`) from the user kubeconfig (no credentials: local accounts are off). */
  get host(): string {
    return this.resource.kubeConfig.get(0).host;
  }

  /** Base64 PEM of the cluster CA. */
  get clusterCaCertificate(): string {
    return this.resource.kubeConfig.get(0).clusterCaCertificate;
  }

  /** OIDC issuer URL for federated identity credentials. */
  get oidcIssuerUrl(): string {
    return this.resource.oidcIssuerUrl;
  }

  /** The kubelet identity (what pulls images: AcrPull goes here). */
  get kubeletIdentity(): { objectId: string; clientId: string; resourceId: string } {
    const k = this.resource.kubeletIdentity;
    return { objectId: k.objectId, clientId: k.clientId, resourceId: k.userAssignedIdentityId };
  }

  /** The Key Vault secrets provider add-on's identity (for `useVMManagedIdentity` mode). */
  get secretsProviderIdentity(): { objectId: string; clientId: string } {
    const s = this.resource.keyVaultSecretsProvider.secretIdentity.get(0);
    return { objectId: s.objectId, clientId: s.clientId };
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
