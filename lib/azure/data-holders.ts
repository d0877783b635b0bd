/**
 * The resources that hold data (or, for the cluster, everything running on it): destroying one loses what it holds.
 * Each is protected by Terraform `prevent_destroy` unless its setting under `protection.preventDestroy` (or, for the
 * vault, `keyVault.preventDestroy`) turns it off, and synth warns when the output would replace or remove one.
 */
export interface DataHolder {
  /** The setting under `protection.preventDestroy` that switches its protection (`keyVault` has its own). */
  readonly setting: 'backupStorage' | 'registry' | 'logAnalytics' | 'monitorWorkspace' | 'cluster' | 'keyVault';
  /** Terraform resource types it covers. */
  readonly types: readonly string[];
  /** What is lost with it, for documentation and warnings. */
  readonly holds: string;
  /** Protected unless turned off. */
  readonly defaultOn: boolean;
}

export const DATA_HOLDERS: readonly DataHolder[] = [
  { setting: 'backupStorage', types: ['azurerm_storage_account', 'azurerm_storage_container'], holds: 'every Velero backup', defaultOn: true },
  { setting: 'registry', types: ['azurerm_container_registry'], holds: 'every image in the registry', defaultOn: true },
  { setting: 'logAnalytics', types: ['azurerm_log_analytics_workspace'], holds: 'the logs and audit trail', defaultOn: true },
  { setting: 'monitorWorkspace', types: ['azurerm_monitor_workspace'], holds: 'the Prometheus metrics', defaultOn: true },
  { setting: 'keyVault', types: ['azurerm_key_vault'], holds: 'every secret, key and certificate', defaultOn: true },
  { setting: 'cluster', types: ['azurerm_kubernetes_cluster'], holds: 'every workload and its volumes', defaultOn: false },
];

/** Resource types whose replacement or removal synth warns about. */
export const DATA_HOLDER_TYPES: ReadonlySet<string> = new Set(DATA_HOLDERS.flatMap((d) => d.types));
