/**
 * The Azure side of the in-cluster add-ons, built in the infra stack: each enabled add-on of the registry
 * (lib/addons/registry.ts) builds its identity, roles and storage. Returns the typed values the platform stack reads
 * (as cross-stack references).
 */
import type { Construct } from 'constructs';
import type { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { ResolvedEnvironment } from '../config';
import type { AksCluster } from '../constructs/aks-cluster';
import type { VirtualNetwork } from '../constructs/virtual-network';
import { ADDONS } from '../addons/registry';
import type { TrivyScannerIdentity } from '../addons/trivy-operator/azure';
import type { VeleroBackupInfra } from '../addons/velero/azure';

/** What the platform stack needs from the add-ons' Azure side. Every value is a reference into the infra stack. */
export interface AddonInfraOutputs {
  readonly subscriptionId: string;
  readonly nodeResourceGroup: string;
  /** Each add-on's outputs, by add-on name. */
  readonly addOns: Readonly<Record<string, unknown>>;
}

export interface AddonInfra {
  /** Each enabled add-on's Azure-side construct, by add-on name. */
  readonly constructs: Readonly<Record<string, unknown>>;
  /** Velero's storage and identity (the infra stack adds the storage service endpoint). */
  readonly velero?: VeleroBackupInfra;
  /** The Trivy scanner identity (the infra stack grants it AcrPull on the platform registry). */
  readonly trivy?: TrivyScannerIdentity;
  readonly outputs: AddonInfraOutputs;
}

export function buildAddonInfra(
  scope: Construct,
  env: ResolvedEnvironment,
  rg: Pick<ResourceGroup, 'name'>,
  cluster: AksCluster,
  /** The VNet the infra stack created, if it did: the AGC subnet goes there, by reference (so it waits for it). */
  network?: VirtualNetwork,
  /** The cluster's node subnet (created or given): Velero's traffic comes from it. */
  nodeSubnetId?: string,
  /** The landing zone's applicationGatewayForContainers subnet, when it has one: AGC uses it instead of creating one. */
  agcSubnetId?: string,
): AddonInfra {
  const base = { resourceGroupName: rg.name, location: env.location, oidcIssuerUrl: cluster.oidcIssuerUrl, tags: env.tags };
  const constructs: Record<string, unknown> = {};
  const addOns: Record<string, unknown> = {};
  for (const addOn of ADDONS) {
    if (!addOn.infra || !addOn.enabled(env)) continue;
    const built = addOn.infra({ scope, env, resourceGroup: rg, cluster, network, nodeSubnetId, agcSubnetId, base });
    if (built.construct !== undefined) constructs[addOn.name] = built.construct;
    if (built.outputs !== undefined) addOns[addOn.name] = built.outputs;
  }
  return {
    constructs,
    velero: constructs.velero as VeleroBackupInfra | undefined,
    trivy: constructs['trivy-operator'] as TrivyScannerIdentity | undefined,
    outputs: { subscriptionId: env.subscriptionId, nodeResourceGroup: cluster.nodeResourceGroup, addOns },
  };
}
