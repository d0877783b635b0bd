import { backupAllowsNodeSubnet } from '../../config/node-subnet-access';
import { defineAddOn } from '../add-on';
import { Velero, VELERO_NAMESPACE, veleroPodSecurity, veleroPodSecurityReason } from '.';
import { VeleroBackupInfra } from './azure';

/** Velero (`backup`): storage account, container and identity on the Azure side, then the release and schedules. */
export const velero = defineAddOn({
  name: 'velero',
  configBlock: 'backup',
  enabled: (env) => env.backup.enabled,
  infra: ({ scope, env, cluster, nodeSubnetId, base }) => {
    const infra = new VeleroBackupInfra(scope, 'velero', {
      ...base,
      storageAccountName: env.names.backupStorageAccount,
      containerName: env.backup.containerName,
      nodeResourceGroupId: cluster.resource.nodeResourceGroupId,
      snapshotMode: env.backup.snapshots,
      softDeleteDays: env.backup.softDeleteDays,
      allowedSubnetIds: backupAllowsNodeSubnet(env) && nodeSubnetId ? [nodeSubnetId] : [],
      allowedIpRules: env.backup.ipRules,
      publicNetworkAccess: env.backup.publicNetworkAccess,
    });
    return {
      construct: infra,
      outputs: {
        clientId: infra.identity.clientId,
        storageAccountName: infra.storageAccount.name,
        resourceGroupName: infra.storageAccount.resourceGroupName,
        containerName: infra.container.name,
      },
    };
  },
  namespace: (env) => ({ name: VELERO_NAMESPACE, podSecurity: veleroPodSecurity(env.backup.nodeAgent), reason: veleroPodSecurityReason(env.backup.nodeAgent) }),
  platform: ({ scope, env, namespace, cluster, applicationNamespaces }, store) => {
    if (!store) return undefined;
    const backup = env.backup;
    return new Velero(scope, 'velero', {
      ...backup.release,
      namespace: namespace!.name,
      storage: { ...store, subscriptionId: cluster.subscriptionId, nodeResourceGroup: cluster.nodeResourceGroup },
      snapshotMode: backup.snapshots,
      nodeAgent: backup.nodeAgent,
      schedules: Object.fromEntries(
        Object.entries(backup.schedules).map(([name, { includeApplicationNamespaces, ...s }]) => [
          name,
          { ...s, includedNamespaces: includeApplicationNamespaces ? [...new Set([...s.includedNamespaces, ...applicationNamespaces])] : s.includedNamespaces },
        ]),
      ),
      pluginImage: backup.pluginImage,
      chartVersion: backup.chartVersion,
      values: backup.values,
    });
  },
});
