import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { ResolvedEnvironment } from '../config';
import { AksCluster } from '../constructs/aks-cluster';
import type { IContainerRegistry } from '../constructs/acr';
import type { IKeyVault } from '../constructs/key-vault';
import type { WorkloadIdentity } from '../constructs/workload-identity';
import { buildAddonInfra, type AddonInfra, type AddonInfraOutputs } from './addon-infra';
import { configureBackend, type BackendContext } from './backend';
import { wireInfraSecrets, type WorkloadBinding } from './secrets-wiring';

export interface InfraStackProps {
  readonly env: ResolvedEnvironment;
  readonly backend: BackendContext;
}

/** What the platform stack needs from the infra stack (cross-stack references, resolved by Terraform). */
export interface ClusterConnection {
  /** API server URL. */
  readonly host: string;
  /** Base64 PEM of the cluster CA. */
  readonly clusterCaCertificate: string;
}

/**
 * `<env>-infra`: everything in Azure (azurerm, azuread). Wires constructs together from the resolved environment;
 * it reads no files.
 */
export class InfraStack extends TerraformStack {
  readonly resourceGroup: ResourceGroup;
  readonly cluster: AksCluster;
  readonly keyVault: IKeyVault;
  readonly registry: IContainerRegistry;
  /** Each workloadIdentity-mode workload's identity, by workload name. */
  readonly workloadIdentities: Map<string, WorkloadIdentity>;
  /** What the platform stack creates per workload (identity values are cross-stack references). */
  readonly workloads: WorkloadBinding[];
  /** The add-ons' Azure side (Velero storage, identities, AGC subnet, ingress IP). */
  readonly addons: AddonInfra;

  constructor(scope: Construct, id: string, props: InfraStackProps) {
    super(scope, id);
    const { env } = props;
    configureBackend(this, id, env.backend, props.backend);

    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      subscriptionId: env.subscriptionId,
      tenantId: env.tenantId,
      storageUseAzuread: true,
    });
    new AzureadProvider(this, 'azuread', { tenantId: env.tenantId });

    this.resourceGroup = new ResourceGroup(this, 'resource-group', {
      name: env.names.resourceGroup,
      location: env.location,
      tags: env.tags,
    });

    const system = env.nodePools.find((p) => p.kind === 'system')!;
    this.cluster = new AksCluster(this, 'aks', {
      name: env.names.cluster,
      dnsPrefix: env.names.dnsPrefix,
      resourceGroupName: this.resourceGroup.name,
      location: env.location,
      tenantId: env.tenantId,
      kubernetesVersion: env.cluster.kubernetesVersion,
      skuTier: env.cluster.skuTier,
      adminGroupObjectIds: env.cluster.adminGroupObjectIds,
      systemPool: system,
      network: {
        plugin: env.network.plugin,
        pluginMode: env.network.pluginMode,
        policy: env.network.policy,
        outboundType: env.network.outboundType,
        podCidr: env.network.podCidr,
        serviceCidr: env.network.serviceCidr,
        dnsServiceIp: env.network.dnsServiceIp,
        nodeSubnetId: env.network.existingNodeSubnetId,
      },
      ingressApplicationGatewayId: env.ingress.controller === 'agic' ? env.ingress.agic.applicationGatewayId : undefined,
      tags: env.tags,
    });
    this.addons = buildAddonInfra(this, env, this.resourceGroup, this.cluster);

    const secrets = wireInfraSecrets(this, env, this.cluster, this.resourceGroup.name);
    this.keyVault = secrets.keyVault;
    this.registry = secrets.registry;
    // The Trivy operator scans images in the platform registry through its workload identity: no registry password.
    this.addons.trivy?.grantPull(this.registry.id);
    this.workloadIdentities = secrets.workloadIdentities;
    this.workloads = secrets.bindings;

    new TerraformOutput(this, 'cluster_id', { value: this.cluster.id });
    new TerraformOutput(this, 'cluster_name', { value: this.cluster.name });
    new TerraformOutput(this, 'oidc_issuer_url', { value: this.cluster.oidcIssuerUrl });
    new TerraformOutput(this, 'node_resource_group', { value: this.cluster.nodeResourceGroup });
    new TerraformOutput(this, 'key_vault_id', { value: this.keyVault.id });
    new TerraformOutput(this, 'acr_id', { value: this.registry.id });
  }

  /** What the platform stack's add-ons read from this stack (cross-stack references). */
  get addonOutputs(): AddonInfraOutputs {
    return this.addons.outputs;
  }

  /** The connection the platform stack configures its providers from. */
  get connection(): ClusterConnection {
    return {
      host: this.cluster.host,
      clusterCaCertificate: this.cluster.clusterCaCertificate,
    };
  }
}
