import { BUILT_IN_NAMESPACES } from '../azure/kubernetes';
import { defaultNames } from '../azure/naming';
/**
 * Wiring for Key Vault and workload secrets: the infra half (vault, identities, grants) and the
 * platform half (namespaces, ServiceAccounts, SecretProviderClasses). The halves meet only through
 * `WorkloadBinding`, whose identity values are references into the infra stack (cross-stack outputs).
 */
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../config';
import { vaultAllowsNodeSubnet } from '../config/node-subnet-access';
import type { SecretAccessMode } from '../enums';
import type { IContainerRegistry } from '../constructs/acr';
import type { AksCluster } from '../constructs/aks-cluster';
import { KeyVault, type IKeyVault, type KeyVaultObjectRef } from '../constructs/key-vault';
import { SecretProviderClass, type SecretProviderObject, type SyncedSecret } from '../constructs/k8s/secret-provider-class';
import { WorkloadServiceAccount } from '../constructs/k8s/service-account';
import { ConnectionConfigMap, type ConnectionTargets } from '../constructs/k8s/connection-config-map';
import { BUILT_IN_ROLES, grantRole, roleSlug, type IPrincipal } from '../constructs/role-assignment';
import type { WorkloadConfig } from '../config/schema/workloads';
import type { WorkloadIdentity } from '../constructs/workload-identity';

export { BUILT_IN_NAMESPACES };

/** What the platform stack needs to create one workload's Kubernetes objects. */
export interface WorkloadBinding {
  readonly name: string;
  readonly namespace: string;
  /** Create the namespace (built-in namespaces never are). */
  readonly createNamespace: boolean;
  readonly mode: SecretAccessMode;
  /** The ServiceAccount (workloadIdentity mode). */
  readonly serviceAccountName?: string;
  /** Client ID of the identity the driver uses: the workload's own, or the add-on's (a reference into infra). */
  readonly clientId: string;
  readonly keyVaultName: string;
  readonly tenantId: string;
  readonly secretProviderClassName: string;
  readonly objects: SecretProviderObject[];
  readonly secretObjects: SyncedSecret[];
  /** The connection ConfigMap (workloadIdentity mode with `connections.configMap`). */
  readonly connection?: { readonly configMapName: string; readonly targets: ConnectionTargets };
}

/** The Azure name of a workload's identity (the runbook and reports name it too). */
export function workloadIdentityName(env: Pick<ResolvedEnvironment, 'project' | 'name'>, workload: string): string {
  return defaultNames.workloadIdentity(env, workload);
}

/** The blob endpoint of a storage account, from its resource ID (Azure public cloud). */
export function blobEndpoint(accountId: string): string {
  return `https://${accountId.split('/').pop()!.toLowerCase()}.blob.core.windows.net/`;
}

/** What the infra stack already has that the vault's network access builds on. */
export interface InfraNetwork {
  /** The platform's Log Analytics workspace: the vault's diagnostic logs go there unless keyVault says otherwise. */
  readonly logAnalyticsWorkspaceId?: string;
  /** The cluster's node subnet: allowed through the vault firewall, and the default private endpoint subnet. */
  readonly nodeSubnetId?: string;
  /** The VNet the platform created: the vault's private DNS zone is linked to it. */
  readonly virtualNetworkId?: string;
}

export interface InfraSecrets {
  readonly keyVault: IKeyVault;
  readonly workloadIdentities: Map<string, WorkloadIdentity>;
  readonly bindings: WorkloadBinding[];
}

/**
 * The vault and each workload's identity and grants (on the vault, and AcrPull on `registry` for workloads whose
 * connections pull from it; the registry itself comes from lib/stacks/registry-wiring.ts).
 */
export function wireInfraSecrets(
  scope: Construct,
  env: ResolvedEnvironment,
  cluster: AksCluster,
  resourceGroupName: string,
  registry: IContainerRegistry,
  network: InfraNetwork = {},
): InfraSecrets {
  const kv = env.keyVault;
  const keyVault: IKeyVault = kv.existingId
    ? KeyVault.fromVaultId(scope, 'key-vault', { vaultId: kv.existingId, tenantId: env.tenantId, authorization: kv.authorization })
    : new KeyVault(scope, 'key-vault', {
        name: env.names.keyVault,
        resourceGroupName,
        location: env.location,
        tenantId: env.tenantId,
        authorization: kv.authorization,
        sku: kv.sku,
        purgeProtection: kv.purgeProtection,
        softDeleteRetentionDays: kv.softDeleteRetentionDays,
        publicNetworkAccess: kv.publicNetworkAccess,
        networkRules: {
          ...kv.networkAcls,
          subnetIds: [...(vaultAllowsNodeSubnet(env) && network.nodeSubnetId ? [network.nodeSubnetId] : []), ...kv.networkAcls.subnetIds],
        },
        // The vault's private endpoint is the landing zone's (lib/stacks/landing-zone.ts), like every other.
        logAnalyticsWorkspaceId: kv.logAnalyticsWorkspaceId ?? network.logAnalyticsWorkspaceId,
        preventDestroy: kv.preventDestroy,
        tags: env.tags,
      });

  kv.administratorGroupIds.forEach((group, i) => keyVault.grantAdministration(group, `group-${i}`));

  const workloadIdentities = new Map<string, WorkloadIdentity>();
  const bindings: WorkloadBinding[] = [];
  // Node identities (useVMManagedIdentity): each serves every workload of its mode; reads are collected, then the
  // union is granted once per identity (no duplicate role assignment).
  const nodeIdentities = {
    addonIdentity: { ...cluster.secretsProviderIdentity, principalName: 'secrets-provider' },
    kubeletIdentity: { ...cluster.kubeletIdentity, principalName: 'kubelet' },
  };
  const nodeReads = new Map<string, { vault: Map<string, KeyVaultObjectRef>; object: Map<string, KeyVaultObjectRef> }>();
  for (const [name, w] of Object.entries(env.workloads)) {
    const refs = w.objects.map((o) => ({ name: o.name, type: o.type }));
    let clientId: string;
    let serviceAccountName: string | undefined;
    let connection: WorkloadBinding['connection'];
    if (w.mode === 'workloadIdentity') {
      serviceAccountName = w.serviceAccountName ?? name;
      const identity = cluster.addWorkloadIdentity(`workload-${name}`, {
        name: workloadIdentityName(env, name),
        resourceGroupName,
        location: env.location,
        namespace: w.namespace,
        serviceAccountName,
        tags: env.tags,
      });
      keyVault.grantRead(identity, refs, { scope: w.scope });
      workloadIdentities.set(name, identity);
      clientId = identity.clientId;
      connection = wireConnections(identity, name, w.connections, keyVault, registry, env.tenantId);
    } else {
      if (!nodeReads.has(w.mode)) nodeReads.set(w.mode, { vault: new Map(), object: new Map() });
      for (const r of refs) nodeReads.get(w.mode)![w.scope].set(`${r.type}/${r.name}`, r);
      clientId = nodeIdentities[w.mode].clientId;
    }
    bindings.push({
      name,
      namespace: w.namespace,
      createNamespace: w.createNamespace && !BUILT_IN_NAMESPACES.includes(w.namespace),
      mode: w.mode,
      serviceAccountName,
      clientId,
      keyVaultName: keyVault.name,
      tenantId: keyVault.tenantId,
      secretProviderClassName: w.secretProviderClassName ?? name,
      objects: w.objects,
      secretObjects: w.secretObjects,
      connection,
    });
  }
  for (const mode of ['addonIdentity', 'kubeletIdentity'] as const) {
    const reads = nodeReads.get(mode);
    if (!reads) continue;
    const id = nodeIdentities[mode];
    const principal: IPrincipal = { principalId: id.objectId, principalName: id.principalName };
    for (const scopeKind of ['vault', 'object'] as const) {
      const objs = [...reads[scopeKind].values()];
      if (objs.length) keyVault.grantRead(principal, objs, { scope: scopeKind });
    }
  }
  return { keyVault, workloadIdentities, bindings };
}

/**
 * A workload identity's further targets (what Service Connector would connect): least-privilege grants on a storage
 * account and the platform registry, and the settings its connection ConfigMap carries.
 */
function wireConnections(
  identity: WorkloadIdentity,
  name: string,
  c: WorkloadConfig['connections'],
  keyVault: IKeyVault,
  registry: IContainerRegistry,
  tenantId: string,
): WorkloadBinding['connection'] {
  let storageBlobEndpoint: string | undefined;
  if (c.storageBlob) {
    const role = c.storageBlob.access === 'write' ? BUILT_IN_ROLES.storageBlobDataContributor : BUILT_IN_ROLES.storageBlobDataReader;
    grantRole(identity, `storage-${roleSlug(role)}`, { scope: c.storageBlob.accountId, principalId: identity.principalId, role });
    storageBlobEndpoint = blobEndpoint(c.storageBlob.accountId);
  }
  let registryLoginServer: string | undefined;
  if (c.registry === 'pull') {
    registry.grantPull({ principalId: identity.principalId, principalName: `workload-${name}` });
    registryLoginServer = registry.loginServer;
  }
  if (!c.configMap) return undefined;
  return {
    configMapName: `${name}-connection`,
    targets: { clientId: identity.clientId, tenantId, keyVaultUri: keyVault.vaultUri, storageBlobEndpoint, registryLoginServer },
  };
}

/** Per workload: its namespace (through the stack's shared namespaces), ServiceAccount and SecretProviderClass. */
export function wirePlatformSecrets(
  scope: Construct,
  bindings: readonly WorkloadBinding[],
  namespace: (name: string) => { readonly name: string },
): void {
  for (const b of bindings) {
    const ns = b.createNamespace ? namespace(b.namespace).name : b.namespace;
    if (b.mode === 'workloadIdentity') {
      new WorkloadServiceAccount(scope, `workload-${b.name}-service-account`, { name: b.serviceAccountName!, namespace: ns, clientId: b.clientId });
    }
    new SecretProviderClass(scope, `workload-${b.name}-secret-provider-class`, {
      name: b.secretProviderClassName,
      namespace: ns,
      identity: b.mode === 'workloadIdentity' ? { mode: 'workloadIdentity', clientId: b.clientId } : { mode: 'vmManagedIdentity', userAssignedIdentityId: b.clientId },
      keyVaultName: b.keyVaultName,
      tenantId: b.tenantId,
      objects: b.objects,
      secretObjects: b.secretObjects,
    });
    if (b.connection) {
      new ConnectionConfigMap(scope, `workload-${b.name}-connection`, { name: b.connection.configMapName, namespace: ns, targets: b.connection.targets });
    }
  }
}
