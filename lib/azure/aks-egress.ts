/**
 * What an AKS cluster must reach through an egress firewall, from Microsoft's "Outbound network and FQDN rules for
 * AKS clusters" (learn.microsoft.com/azure/aks/outbound-rules-control-egress) and its Azure Firewall tutorial
 * (learn.microsoft.com/azure/aks/limit-egress-traffic). Shared by the firewall rules the platform derives and the
 * baseline rule that checks a firewall covers each path.
 */

/** The FQDN tag that covers AKS's required FQDNs (MCR, management, packages). */
export const AKS_FQDN_TAG = 'AzureKubernetesService';

/** Entra ID: tokens for kubelet, the CSI driver and workload identity (login.microsoftonline.com). */
export const ENTRA_ID_FQDNS = ['login.microsoftonline.com'];

/** Container Insights, managed Prometheus and Defender (the "Azure Monitor" and "Defender" sections). */
export const MONITORING_FQDNS = [
  'dc.services.visualstudio.com',
  '*.ods.opinsights.azure.com',
  '*.oms.opinsights.azure.com',
  '*.monitoring.azure.com',
  'global.handler.control.monitor.azure.com',
  '*.handler.control.monitor.azure.com',
  '*.ingest.monitor.azure.com',
];

/** The Azure Policy add-on. */
export const AZURE_POLICY_FQDNS = ['data.policy.core.windows.net', 'store.policy.core.windows.net'];

/**
 * What nodes reach to pull from a registry (learn.microsoft.com/azure/container-registry/container-registry-firewall-access-rules):
 * its login server, and the layer data: the dedicated data endpoint `<name>.<region>.data.azurecr.io` of the
 * registry's region and of each replica's when data endpoints are on, else the registry's storage behind
 * `*.blob.core.windows.net`.
 */
export function registryFqdns(name: string, regions: string[], dataEndpoints: boolean): string[] {
  const n = name.toLowerCase();
  return [`${n}.azurecr.io`, ...(dataEndpoints ? regions.map((r) => `${n}.${r}.data.azurecr.io`) : ['*.blob.core.windows.net'])];
}

/** A vault's data-plane FQDN. */
export function vaultFqdn(name: string): string {
  return `${name.toLowerCase()}.vault.azure.net`;
}

/** A storage account's blob FQDN. */
export function blobFqdn(name: string): string {
  return `${name.toLowerCase()}.blob.core.windows.net`;
}
