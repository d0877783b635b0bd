import type { EnvironmentConfig } from './schema';
import type { ResolvedNodePool } from './pool-kinds';

export type { ResolvedNodePool } from './pool-kinds';

/** Resource names, given or derived from project and environment. */
export interface ResourceNames {
  readonly resourceGroup: string;
  readonly cluster: string;
  readonly dnsPrefix: string;
  readonly keyVault: string;
  readonly acr: string;
  readonly backupStorageAccount: string;
  /** The VNet the platform creates (unused with an existing node subnet). */
  readonly virtualNetwork: string;
  /** The Log Analytics workspace the platform creates (unused with an existing workspace). */
  readonly logAnalyticsWorkspace: string;
}

/** One environment with every default applied: what the stacks receive. Nothing past lib/config reads platform.yaml. */
export type ResolvedEnvironment = Omit<EnvironmentConfig, 'nodePools' | 'nodePoolDefaults' | 'resourceGroupName'> & {
  /** Environment name, e.g. `prod`. */
  readonly name: string;
  readonly project: string;
  readonly owner: string;
  readonly names: ResourceNames;
  /** Pools in a stable order: the system pool first, then by name. */
  readonly nodePools: ResolvedNodePool[];
  /** Tags for every taggable resource: environment, owner, project, managed-by, then the user's. */
  readonly tags: Record<string, string>;
};

/** The validated configuration. */
export interface PlatformConfig {
  readonly project: string;
  readonly owner: string;
  /** The file it came from, relative to the working directory (for messages and reports). */
  readonly source: string;
  /** Environments in file order. */
  readonly environments: ResolvedEnvironment[];
  /** Things worth saying that are not errors (placeholders still in place, for example). */
  readonly warnings: string[];
}
