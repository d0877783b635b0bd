/**
 * The Azure side of the in-cluster add-ons, built in the infra stack: Velero's storage and identity, the AGC subnet
 * and ALB controller identity, the ingress static public IP, the Trivy scanner identity and AGIC's permissions.
 * Wiring only; returns the typed values the platform stack reads (as cross-stack references).
 */
import { backupAllowsNodeSubnet } from '../config/node-subnet-access';
import type { Construct } from 'constructs';
import type { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { ResolvedEnvironment } from '../config';
import type { AksCluster } from '../constructs/aks-cluster';
import { AgcInfra } from '../constructs/addons/alb-controller/azure';
import { AgicPermissions } from '../constructs/addons/agic/azure';
import { IngressPublicIp } from '../constructs/addons/ingress-nginx/public-ip';
import type { VirtualNetwork } from '../constructs/virtual-network';
import { TrivyScannerIdentity } from '../constructs/addons/trivy-operator/azure';
import { VeleroBackupInfra } from '../constructs/addons/velero/azure';

/** What the platform stack needs from the add-ons' Azure side. Every value is a reference into the infra stack. */
export interface AddonInfraOutputs {
  readonly subscriptionId: string;
  readonly nodeResourceGroup: string;
  readonly velero?: { clientId: string; storageAccountName: string; resourceGroupName: string; containerName: string };
  readonly agc?: { clientId: string; subnetId: string };
  readonly ingressPublicIp?: { name: string; resourceGroupName: string };
  readonly trivy?: { clientId: string };
}

export interface AddonInfra {
  readonly velero?: VeleroBackupInfra;
  readonly agc?: AgcInfra;
  readonly ingressPublicIp?: IngressPublicIp;
  readonly trivy?: TrivyScannerIdentity;
  readonly agic?: AgicPermissions;
  readonly outputs: AddonInfraOutputs;
}

export function buildAddonInfra(
  scope: Construct,
  env: ResolvedEnvironment,
  rg: ResourceGroup,
  cluster: AksCluster,
  /** The VNet the infra stack created, if it did: the AGC subnet goes there, by reference (so it waits for it). */
  network?: VirtualNetwork,
  /** The cluster's node subnet (created or given): Velero's traffic comes from it. */
  nodeSubnetId?: string,
): AddonInfra {
  const base = { resourceGroupName: rg.name, location: env.location, oidcIssuerUrl: cluster.oidcIssuerUrl, tags: env.tags };
  const nodeRgId = cluster.resource.nodeResourceGroupId;

  const velero = env.backup.enabled
    ? new VeleroBackupInfra(scope, 'velero', {
        ...base,
        storageAccountName: env.names.backupStorageAccount,
        containerName: env.backup.containerName,
        nodeResourceGroupId: nodeRgId,
        snapshotMode: env.backup.snapshots,
        softDeleteDays: env.backup.softDeleteDays,
        allowedSubnetIds: backupAllowsNodeSubnet(env) && nodeSubnetId ? [nodeSubnetId] : [],
        allowedIpRules: env.backup.ipRules,
        publicNetworkAccess: env.backup.publicNetworkAccess,
      })
    : undefined;

  const ing = env.ingress;
  const agc =
    ing.controller === 'agc'
      ? new AgcInfra(scope, 'agc', {
          ...base,
          virtualNetworkName: ing.agc.virtualNetworkName ?? network?.resource.name ?? env.names.virtualNetwork,
          virtualNetworkResourceGroupName: ing.agc.virtualNetworkResourceGroup ?? rg.name,
          subnetCidr: ing.agc.subnetCidr!,
          nodeResourceGroupId: nodeRgId,
          controllerNamespace: ing.agc.namespace,
          identityName: `id-alb-${env.project}-${env.name}`,
        })
      : undefined;

  const ingressPublicIp =
    ing.controller === 'nginx' && ing.nginx.staticPublicIp
      ? new IngressPublicIp(scope, 'ingress-public-ip', {
          name: `pip-ingress-${env.project}-${env.name}`,
          resourceGroupName: rg.name,
          location: env.location,
          clusterPrincipalId: cluster.identity.principalId,
          tags: env.tags,
        })
      : undefined;

  const agic =
    ing.controller === 'agic'
      ? new AgicPermissions(scope, 'agic', {
          applicationGatewayId: ing.agic.applicationGatewayId!,
          agicPrincipalId: cluster.agicIdentity.objectId,
        })
      : undefined;

  const trivy = env.addons.trivyOperator.enabled
    ? new TrivyScannerIdentity(scope, 'trivy', { ...base, name: `id-trivy-${env.project}-${env.name}` })
    : undefined;

  return {
    velero,
    agc,
    ingressPublicIp,
    trivy,
    agic,
    outputs: {
      subscriptionId: env.subscriptionId,
      nodeResourceGroup: cluster.nodeResourceGroup,
      velero: velero && {
        clientId: velero.identity.clientId,
        storageAccountName: velero.storageAccount.name,
        resourceGroupName: velero.storageAccount.resourceGroupName,
        containerName: velero.container.name,
      },
      agc: agc && { clientId: agc.identity.clientId, subnetId: agc.subnet.id },
      ingressPublicIp: ingressPublicIp && { name: ingressPublicIp.name, resourceGroupName: ingressPublicIp.publicIp.resourceGroupName },
      trivy: trivy && { clientId: trivy.identity.clientId },
    },
  };
}
