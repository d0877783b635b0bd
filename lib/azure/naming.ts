/**
 * Azure naming: what each resource type accepts (Microsoft Learn, "Naming rules and restrictions for Azure
 * resources") and the names this platform derives from project and environment when none is given. The
 * configuration checks names against these rules; stacks and the runbook derive names with these functions.
 */

/** What one resource type accepts as a name. */
export interface NameRule {
  /** The resource type in words, for messages. */
  readonly what: string;
  readonly pattern: RegExp;
  /** What `pattern` allows, in words. */
  readonly allowed: string;
}

/** Naming rules per resource type. */
export const NAME_RULES = {
  resourceGroup: {
    what: 'resource group name', pattern: /^[-\w.()]{0,89}[-\w()]$/,
    allowed: '1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period',
  },
  kubernetesCluster: {
    what: 'cluster name', pattern: /^[a-zA-Z0-9]([-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/,
    allowed: '1-63 letters, digits, hyphens and underscores, starting and ending with a letter or digit',
  },
  dnsPrefix: {
    what: 'DNS prefix', pattern: /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/,
    allowed: '1-54 letters, digits and hyphens, starting and ending with a letter or digit',
  },
  keyVault: {
    what: 'Key Vault name', pattern: /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
    allowed: '3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, no "--"',
  },
  containerRegistry: {
    what: 'container registry name', pattern: /^[a-zA-Z0-9]{5,50}$/,
    allowed: '5-50 letters and digits',
  },
  storageAccount: {
    what: 'storage account name', pattern: /^[a-z0-9]{3,24}$/,
    allowed: '3-24 lowercase letters and digits',
  },
  virtualNetwork: {
    what: 'virtual network name', pattern: /^[a-zA-Z0-9]([-\w.]{0,62}\w)?$/,
    allowed: '1-64 letters, digits, underscores, periods and hyphens, starting with a letter or digit, ending with a letter, digit or underscore',
  },
  logAnalyticsWorkspace: {
    what: 'Log Analytics workspace name', pattern: /^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/,
    allowed: '4-63 letters, digits and hyphens',
  },
} as const satisfies Record<string, NameRule>;

/** A resource type with a naming rule. */
export type NamedResourceType = keyof typeof NAME_RULES;

/** Whether `name` is acceptable for resources of `type`. */
export function isValidName(type: NamedResourceType, name: string): boolean {
  return NAME_RULES[type].pattern.test(name);
}

/** Project and environment: what default names are made of. */
export interface NamingContext {
  readonly project: string;
  /** Environment name. */
  readonly name: string;
}

/** The names the platform derives when the configuration gives none. */
export const defaultNames = {
  resourceGroup: (c: NamingContext) => `rg-${c.project}-${c.name}`,
  kubernetesCluster: (c: NamingContext) => `aks-${c.project}-${c.name}`,
  keyVault: (c: NamingContext) => `kv-${c.project}-${c.name}`,
  containerRegistry: (c: NamingContext) => `acr${c.project}${c.name}`,
  backupStorageAccount: (c: NamingContext) => `stbk${c.project}${c.name}`,
  virtualNetwork: (cluster: string) => `vnet-${cluster}`,
  logAnalyticsWorkspace: (cluster: string) => `law-${cluster}`,
  /** A workload's user-assigned identity (the runbook and reports name it too). */
  workloadIdentity: (c: NamingContext, workload: string) => `id-${c.project}-${c.name}-${workload}`,
};
