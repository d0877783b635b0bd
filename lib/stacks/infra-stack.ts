import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';

/**
 * Attributes the platform stack reads that are not secret: their cross-stack outputs are left unmarked so platform
 * plans show the values a reviewer needs (client IDs, names, URIs) instead of "(sensitive value)". Anything else,
 * the kube_config host and CA certificate among them, stays sensitive.
 */
const PUBLIC_ATTRIBUTE = /\.(id|name|resource_group_name|client_id|principal_id|object_id|tenant_id|vault_uri|login_server|oidc_issuer_url|node_resource_group|node_resource_group_id|ip_address)\}?$/;
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { ResolvedEnvironment } from '../config';
import { AksCluster, type IdentityRef } from '../constructs/aks-cluster';
import { ContainerInsights } from '../constructs/container-insights';
import { DiagnosticSetting } from '../constructs/diagnostic-setting';
import { LogAnalyticsWorkspace } from '../constructs/log-analytics-workspace';
import { ManagedPrometheus } from '../constructs/managed-prometheus';
import { PrometheusAlerts } from '../constructs/prometheus-alerts';
import type { VirtualNetwork } from '../constructs/virtual-network';
import { SpokeNetwork } from './network-wiring';
import { statedEgress, wireClusterNetwork, wireMonitorEndpoint, wireServiceEndpoints, wireSpokeSecurity } from './landing-zone';
import type { IContainerRegistry } from '../constructs/acr';
import type { IKeyVault } from '../constructs/key-vault';
import type { WorkloadIdentity } from '../constructs/workload-identity';
import { applyPreventDestroy } from './protection';
import { clusterFeatureProps } from './cluster-features';
import { wireClusterAccess } from './access-wiring';
import { buildAddonInfra, type AddonInfra, type AddonInfraOutputs } from './addon-infra';
import { configureBackend, type BackendContext } from './backend';
import { wireInfraSecrets, type WorkloadBinding } from './secrets-wiring';
import { wireRegistry, wireRegistryExtras } from './registry-wiring';
import { wireGitops } from './gitops-wiring';
import { containerInsightsSettings, prometheusAllowLists, wireObservability, type Observability } from './observability-wiring';
import { backupAllowsNodeSubnet, vaultAllowsNodeSubnet } from '../config/node-subnet-access';

export interface InfraStackProps {
  readonly env: ResolvedEnvironment;
  readonly backend: BackendContext;
}

/**
 * Service endpoints on the node subnet the platform creates: one for each firewall that lets that subnet in (the
 * vault's and the backup account's). A firewall rule for a subnet without its endpoint fails at apply.
 */
function nodeSubnetServiceEndpoints(env: ResolvedEnvironment): string[] | undefined {
  const endpoints = [
    ...(vaultAllowsNodeSubnet(env) ? ['Microsoft.KeyVault'] : []),
    ...(backupAllowsNodeSubnet(env) ? ['Microsoft.Storage'] : []),
  ];
  return endpoints.length ? endpoints : undefined;
}

/** What the platform stack needs from the infra stack (cross-stack references, resolved by Terraform). */
export interface ClusterConnection {
  /** API server URL. */
  readonly host: string;
  /** Base64 PEM of the cluster CA. */
  readonly clusterCaCertificate: string;
}

/** Name of the Terraform variable holding the Windows node admin password (set it with TF_VAR_windows_admin_password). */
export const WINDOWS_PASSWORD_VARIABLE = 'windows_admin_password';

/**
 * What AKS requires of the Windows admin password (`az aks create --windows-admin-password`: 14-123 characters, 3 of
 * the 4 character classes), checked at plan time before anything is created. The provider itself checks only
 * 8-123 characters (hashicorp/terraform-provider-azurerm, kubernetes_cluster_resource.go, windows_profile).
 */
const WINDOWS_PASSWORD_VALIDATION = [
  {
    condition: `\${length(var.${WINDOWS_PASSWORD_VARIABLE}) >= 14 && length(var.${WINDOWS_PASSWORD_VARIABLE}) <= 123}`,
    errorMessage: 'The Windows admin password must be 14 to 123 characters long.',
  },
  {
    condition:
      `\${(length(regexall("[a-z]", var.${WINDOWS_PASSWORD_VARIABLE})) > 0 ? 1 : 0) + (length(regexall("[A-Z]", var.${WINDOWS_PASSWORD_VARIABLE})) > 0 ? 1 : 0)` +
      ` + (length(regexall("[0-9]", var.${WINDOWS_PASSWORD_VARIABLE})) > 0 ? 1 : 0) + (length(regexall("[^a-zA-Z0-9]", var.${WINDOWS_PASSWORD_VARIABLE})) > 0 ? 1 : 0) >= 3}`,
    errorMessage: 'The Windows admin password must contain three of: a lowercase letter, an uppercase letter, a digit, another character.',
  },
];

/**
 * `<env>-infra`: everything in Azure (azurerm, azuread). Wires constructs together from the resolved environment;
 * it reads no files.
 */
export class InfraStack extends TerraformStack {
  /** The platform's resource group: created, or the landing zone's (existingResourceGroup) read by name. */
  readonly resourceGroup: { readonly name: string; readonly id: string };
  readonly cluster: AksCluster;
  readonly keyVault: IKeyVault;
  readonly registry: IContainerRegistry;
  /** Each workloadIdentity-mode workload's identity, by workload name. */
  readonly workloadIdentities: Map<string, WorkloadIdentity>;
  /** What the platform stack creates per workload (identity values are cross-stack references). */
  readonly workloads: WorkloadBinding[];
  /** The add-ons' Azure side (Velero storage, identities, AGC subnet, ingress IP). */
  readonly addons: AddonInfra;
  /** The VNet, when the platform creates it (not with an existing node subnet). */
  readonly network?: VirtualNetwork;
  /** The spoke network: subnets by role, private endpoints (`spoke.addPrivateEndpoint`), firewall, routes. */
  readonly spoke: SpokeNetwork;
  /** The node subnet's ID (created or given). */
  readonly nodeSubnetId: string;
  /** Log Analytics workspace ID (created or given): for other resources' diagnostic settings. */
  readonly logAnalyticsWorkspaceId: string;
  /** Managed Prometheus, when enabled. */
  readonly prometheus?: ManagedPrometheus;
  /** Prometheus alert rule groups (and their action group), when managed Prometheus and alerts are enabled. */
  readonly alerts?: PrometheusAlerts;
  /** Recording rules, platform alerts, Grafana and Event Grid (observability in platform.yaml). */
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: InfraStackProps) {
    super(scope, id);
    const { env } = props;
    const c = env.cluster;
    const tags = env.tags;
    configureBackend(this, id, env.backend, props.backend);

    new AzurermProvider(this, 'azurerm', {
      features: [
        {
          // The backup account has shared keys off and this app grants nobody blob/queue data roles to deploy with:
          // keep the provider on the management plane (the container is created by storage_account_id).
          storage: [{ dataPlaneAvailable: false }],
          // A destroyed vault stays soft-deleted and recoverable (the provider's default would purge it).
          keyVault: [{ purgeSoftDeleteOnDestroy: false, recoverSoftDeletedKeyVaults: true }],
        },
      ],
      subscriptionId: env.subscriptionId,
      tenantId: env.tenantId,
      storageUseAzuread: true,
    });
    new AzureadProvider(this, 'azuread', { tenantId: env.tenantId });

    // A landing zone's own resource group is read (plan fails early if it is missing), never created or owned.
    this.resourceGroup = env.existingResourceGroup
      ? new DataAzurermResourceGroup(this, 'resource-group', { name: env.names.resourceGroup })
      : new ResourceGroup(this, 'resource-group', { name: env.names.resourceGroup, location: env.location, tags });
    const where = { resourceGroupName: this.resourceGroup.name, location: env.location, tags };

    // The vault and backup firewalls let the node subnet in through service endpoints (the CSI driver and Velero
    // run on the nodes).
    this.spoke = new SpokeNetwork(this, env, where, nodeSubnetServiceEndpoints(env));
    this.network = this.spoke.vnet;
    this.nodeSubnetId = this.spoke.nodeSubnetId;

    const mon = c.monitoring;
    this.logAnalyticsWorkspaceId =
      mon.existingWorkspaceId ??
      new LogAnalyticsWorkspace(this, 'log-analytics', {
        ...where,
        name: env.names.logAnalyticsWorkspace,
        retentionDays: mon.retentionDays,
        dailyQuotaGb: mon.dailyQuotaGb,
      }).id;

    const lz = wireSpokeSecurity(this, env, this.spoke, this.logAnalyticsWorkspaceId);

    const system = env.nodePools.find((p) => p.kind === 'system')!;
    const hasWindows = env.nodePools.some((p) => p.osType === 'Windows');
    this.cluster = new AksCluster(this, 'aks', {
      ...where,
      name: env.names.cluster,
      dnsPrefix: env.names.dnsPrefix,
      dnsPrefixPrivateCluster: lz.dnsPrefixPrivateCluster,
      tenantId: env.tenantId,
      kubernetesVersion: c.kubernetesVersion,
      skuTier: c.skuTier,
      adminGroupObjectIds: c.adminGroupObjectIds,
      systemPool: {
        ...system,
        vnetSubnetId: system.subnet ? this.spoke.subnetIdByName(system.subnet) : undefined,
        podSubnetId: system.podSubnet ? this.spoke.subnetIdByName(system.podSubnet) : undefined,
      },
      network: {
        plugin: env.network.plugin,
        pluginMode: env.network.pluginMode,
        policy: env.network.policy,
        outboundType: env.network.outboundType,
        podCidr: env.network.podCidr,
        serviceCidr: env.network.serviceCidr,
        dnsServiceIp: env.network.dnsServiceIp,
        nodeSubnetId: this.nodeSubnetId,
      },
      ingressApplicationGatewayId: env.ingress.controller === 'agic' ? env.ingress.agic.applicationGatewayId : undefined,
      apiServer: {
        access: c.apiServer.access,
        authorizedIpRanges: c.apiServer.authorizedIpRanges,
        privateDnsZoneId: lz.apiServerPrivateDnsZoneId,
        publicFqdn: c.apiServer.publicFqdn,
        vnetIntegrationSubnetId: lz.apiServerSubnetId,
      },
      kubeletIdentity: this.kubeletIdentity(env),
      autoscalerProfile: c.autoscalerProfile,
      upgrades: {
        channel: c.upgrades.channel,
        nodeOsChannel: c.upgrades.nodeOsChannel,
        defaultWindow: c.upgrades.defaultWindow.enabled ? c.upgrades.defaultWindow : undefined,
        autoUpgradeWindow: c.upgrades.autoUpgradeWindow.enabled ? c.upgrades.autoUpgradeWindow : undefined,
        nodeOsWindow: c.upgrades.nodeOsWindow.enabled ? c.upgrades.nodeOsWindow : undefined,
      },
      secretRotationInterval: c.secretRotationInterval,
      ...clusterFeatureProps(env),
      monitoring: {
        logAnalyticsWorkspaceId: this.logAnalyticsWorkspaceId,
        containerInsights: mon.containerInsights,
        defender: mon.defender,
        prometheus: mon.prometheus,
        prometheusAllowLists: prometheusAllowLists(env),
        azurePolicy: mon.azurePolicy,
      },
      windowsProfile: hasWindows
        ? {
            adminUsername: c.windows.adminUsername,
            // The password comes from the environment at plan time (TF_VAR_windows_admin_password): it never lands
            // in platform.yaml or the synthesized JSON.
            adminPassword: new TerraformVariable(this, WINDOWS_PASSWORD_VARIABLE, {
              type: 'string',
              sensitive: true,
              nullable: false,
              description: 'Administrator password of the Windows nodes (14-123 characters, 3 of: lowercase, uppercase, digit, other). Set TF_VAR_windows_admin_password.',
              validation: WINDOWS_PASSWORD_VALIDATION,
            }).stringValue,
            azureHybridBenefit: c.windows.azureHybridBenefit,
          }
        : undefined,
    });
    wireClusterNetwork(env, this.spoke, this.cluster);
    // Azure RBAC for Kubernetes grants of access and teams (lib/stacks/access-wiring.ts).
    wireClusterAccess(this, env, this.cluster.id);
    this.addons = buildAddonInfra(this, env, this.resourceGroup, this.cluster, this.network, this.nodeSubnetId, this.spoke.subnetId('applicationGatewayForContainers'));

    this.registry = wireRegistry(this, env, this.cluster, this.resourceGroup.name);
    const secrets = wireInfraSecrets(this, env, this.cluster, this.resourceGroup.name, this.registry, {
      logAnalyticsWorkspaceId: this.logAnalyticsWorkspaceId,
      nodeSubnetId: this.nodeSubnetId,
      // The nodes' VNet: the one created here, or the one the existing node subnet belongs to.
      virtualNetworkId: this.spoke.virtualNetworkId,
    });
    this.keyVault = secrets.keyVault;
    wireRegistryExtras(this, env, this.registry, this.logAnalyticsWorkspaceId);
    // The Trivy operator scans images in the platform registry through its workload identity: no registry password.
    this.addons.trivy?.grantPull(this.registry.id);
    wireServiceEndpoints(env, this.spoke, { keyVault: this.keyVault, registry: this.registry, backup: this.addons.velero?.storageAccount });
    this.workloadIdentities = secrets.workloadIdentities;
    this.workloads = secrets.bindings;

    for (const pool of env.nodePools) {
      if (pool.kind === 'system') continue;
      // A pool in its own subnet; without one it joins the default pool's (an undefined key would erase that default).
      const subnetId = pool.subnet ? this.spoke.subnetIdByName(pool.subnet) : undefined;
      const podSubnetId = pool.podSubnet ? this.spoke.subnetIdByName(pool.podSubnet) : undefined;
      this.cluster.addNodePool({ ...pool, ...(subnetId ? { vnetSubnetId: subnetId } : {}), ...(podSubnetId ? { podSubnetId } : {}) });
    }

    // The data collection rule configures the managed-identity agent only; the legacy agent reads the workspace key.
    if (mon.containerInsights && mon.containerInsightsMsiAuth) {
      new ContainerInsights(this, 'container-insights', {
        ...where,
        clusterName: env.names.cluster,
        clusterId: this.cluster.id,
        logAnalyticsWorkspaceId: this.logAnalyticsWorkspaceId,
        ...containerInsightsSettings(env),
      });
    }
    if (mon.prometheus) {
      this.prometheus = new ManagedPrometheus(this, 'prometheus', {
        ...where,
        clusterName: env.names.cluster,
        clusterId: this.cluster.id,
        monitorWorkspaceId: mon.existingMonitorWorkspaceId,
      });
      wireMonitorEndpoint(env, this.spoke, this.prometheus);
      if (mon.alerts.enabled) {
        this.alerts = new PrometheusAlerts(this, 'alerts', {
          ...where,
          clusterName: env.names.cluster,
          clusterId: this.cluster.id,
          monitorWorkspaceId: this.prometheus.monitorWorkspaceId,
          emailReceivers: mon.alerts.emailReceivers,
          actionGroupId: mon.alerts.actionGroupId,
        });
      }
    }
    this.observability = wireObservability(this, env, {
      cluster: this.cluster,
      resourceGroup: this.resourceGroup,
      logAnalyticsWorkspaceId: this.logAnalyticsWorkspaceId,
      prometheus: this.prometheus,
      prometheusAlerts: this.alerts,
    });
    wireGitops(this, env, this.cluster);
    if (mon.diagnosticLogs.length > 0 || mon.diagnosticMetrics) {
      new DiagnosticSetting(this, 'aks-diagnostics', {
        name: 'aks-diagnostics',
        targetResourceId: this.cluster.id,
        logAnalyticsWorkspaceId: this.logAnalyticsWorkspaceId,
        logCategories: mon.diagnosticLogs,
        allMetrics: mon.diagnosticMetrics,
      });
    }

    const out = (name: string, value: string, description: string, sensitive = false) =>
      new TerraformOutput(this, name, { value, description, sensitive: sensitive || undefined });
    out('cluster_id', this.cluster.id, 'AKS cluster resource ID.');
    out('cluster_name', this.cluster.name, 'AKS cluster name.');
    // kube_config is sensitive in the provider: outputs derived from it must be marked sensitive too.
    out('api_host', this.cluster.host, 'API server URL.', true);
    out('cluster_ca_certificate', this.cluster.clusterCaCertificate, 'Base64 PEM of the cluster CA.', true);
    out('oidc_issuer_url', this.cluster.oidcIssuerUrl, 'OIDC issuer URL, for federated identity credentials.');
    out('kubelet_identity_object_id', this.cluster.kubeletIdentity.objectId, 'Kubelet identity object ID (AcrPull goes here).');
    out('kubelet_identity_client_id', this.cluster.kubeletIdentity.clientId, 'Kubelet identity client ID.');
    out('secrets_provider_identity_object_id', this.cluster.secretsProviderIdentity.objectId, 'Key Vault secrets provider identity object ID.');
    out('secrets_provider_identity_client_id', this.cluster.secretsProviderIdentity.clientId, 'Key Vault secrets provider identity client ID (userAssignedIdentityID).');
    out('node_resource_group', this.cluster.nodeResourceGroup, 'The node resource group (MC_...).');
    out('log_analytics_workspace_id', this.logAnalyticsWorkspaceId, 'Log Analytics workspace receiving cluster logs.');
    out('key_vault_id', this.keyVault.id, 'Key Vault resource ID.');
    const egress = statedEgress(env);
    if (egress.keyVault || egress.entraId) {
      // The stated egress paths, for operators and for the baseline's reachability rule (AKS-NET-101).
      new TerraformOutput(this, 'egress_paths', {
        value: { key_vault: egress.keyVault ?? 'unstated', entra_id: egress.entraId ?? 'unstated' },
        description: 'How Key Vault and Entra ID are reached from the nodes under locked-down egress (network.egress).',
      });
    }
    out('acr_id', this.registry.id, 'Container registry resource ID.');
    // Last, so that every data holder any builder created is covered (protection.preventDestroy).
    applyPreventDestroy(this, env.protection.preventDestroy);
  }

  /** What the platform stack's add-ons read from this stack (cross-stack references). */
  get addonOutputs(): AddonInfraOutputs {
    return this.addons.outputs;
  }

  /** The bring-your-own kubelet identity, created or looked up, or undefined for an AKS-managed one. */
  private kubeletIdentity(env: ResolvedEnvironment): IdentityRef | undefined {
    const i = env.cluster.identity;
    if (i.kubelet === 'create') {
      return new UserAssignedIdentity(this, 'kubelet-identity', {
        name: `id-${env.names.cluster}-kubelet`,
        resourceGroupName: this.resourceGroup.name,
        location: env.location,
        tags: env.tags,
      });
    }
    if (i.kubelet === 'existing' && i.existingKubeletIdentityId) {
      const parts = i.existingKubeletIdentityId.split('/');
      const existing = new DataAzurermUserAssignedIdentity(this, 'kubelet-identity', {
        name: parts[parts.length - 1],
        resourceGroupName: parts[4],
      });
      // The data source's own ID is the identity's resource ID; pass the configured one so no read is needed to plan.
      return { id: i.existingKubeletIdentityId, clientId: existing.clientId, principalId: existing.principalId };
    }
    return undefined;
  }

  /**
   * cdktf marks every cross-stack output sensitive; outputs of attributes that are not secret are unmarked (see
   * PUBLIC_ATTRIBUTE), so the platform stack's plan can be reviewed.
   */
  override registerOutgoingCrossStackReference(identifier: string): TerraformOutput {
    const output = super.registerOutgoingCrossStackReference(identifier);
    if (PUBLIC_ATTRIBUTE.test(identifier)) output.sensitive = false;
    return output;
  }

  /** The connection the platform stack configures its providers from. */
  get connection(): ClusterConnection {
    return {
      host: this.cluster.host,
      clusterCaCertificate: this.cluster.clusterCaCertificate,
    };
  }
}
