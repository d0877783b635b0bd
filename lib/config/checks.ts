/**
 * Rules that span fields or that Azure enforces only at apply time: resource naming, address ranges, node pools.
 * Each returns problems with a path relative to the environment.
 */
import { containsIp, contains, cidrRange, ipToInt, overlaps } from './cidr';
import type { ResolvedEnvironment } from './model';
import { checkBaseline } from './baseline-checks';

export interface Problem {
  /** Dotted path inside the environment, e.g. `network.dnsServiceIp`. */
  readonly path: string;
  readonly message: string;
  readonly got?: unknown;
  readonly allowed?: string;
}

interface NameRule {
  readonly path: string;
  readonly what: string;
  readonly re: RegExp;
  readonly allowed: string;
}

/** Azure naming rules (Microsoft.* resource name restrictions) for the names this platform derives or takes. */
const NAME_RULES: Record<keyof ResolvedEnvironment['names'], NameRule> = {
  resourceGroup: {
    path: 'resourceGroupName', what: 'resource group name', re: /^[-\w.()]{0,89}[-\w()]$/,
    allowed: '1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period',
  },
  cluster: {
    path: 'cluster.name', what: 'cluster name', re: /^[a-zA-Z0-9]([-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/,
    allowed: '1-63 letters, digits, hyphens and underscores, starting and ending with a letter or digit',
  },
  dnsPrefix: {
    path: 'cluster.dnsPrefix', what: 'DNS prefix', re: /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/,
    allowed: '1-54 letters, digits and hyphens, starting and ending with a letter or digit',
  },
  keyVault: {
    path: 'keyVault.name', what: 'Key Vault name', re: /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
    allowed: '3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, no "--"',
  },
  acr: {
    path: 'acr.name', what: 'container registry name', re: /^[a-zA-Z0-9]{5,50}$/,
    allowed: '5-50 letters and digits',
  },
  backupStorageAccount: {
    path: 'backup.storageAccountName', what: 'storage account name', re: /^[a-z0-9]{3,24}$/,
    allowed: '3-24 lowercase letters and digits',
  },
};

function checkNames(env: ResolvedEnvironment, out: Problem[]): void {
  for (const [key, rule] of Object.entries(NAME_RULES) as [keyof ResolvedEnvironment['names'], NameRule][]) {
    const value = env.names[key];
    if (rule.re.test(value)) continue;
    const given = getPath(env, rule.path) !== undefined || (key === 'resourceGroup' && value !== `rg-${env.project}-${env.name}`);
    out.push({
      path: rule.path,
      message: given
        ? `invalid ${rule.what}`
        : `the derived ${rule.what} is invalid (set ${rule.path} or shorten project/environment)`,
      got: value,
      allowed: rule.allowed,
    });
  }
}

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function checkNetwork(env: ResolvedEnvironment, out: Problem[]): void {
  const n = env.network;
  const ranges: [string, string][] = [['network.serviceCidr', n.serviceCidr]];
  if (!n.existingNodeSubnetId) ranges.push(['network.vnet.addressSpace', n.vnet.addressSpace]);
  if (n.pluginMode === 'overlay' || n.plugin === 'kubenet') ranges.push(['network.podCidr', n.podCidr]);
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      if (overlaps(ranges[i][1], ranges[j][1])) {
        out.push({
          path: ranges[j][0],
          message: `overlaps ${ranges[i][0]} (${ranges[i][1]})`,
          got: ranges[j][1],
          allowed: 'a range that overlaps neither the VNet, the pod nor the service range',
        });
      }
    }
  }
  if (!n.existingNodeSubnetId && !contains(n.vnet.addressSpace, n.vnet.nodeSubnet)) {
    out.push({
      path: 'network.vnet.nodeSubnet',
      message: 'is not inside network.vnet.addressSpace',
      got: n.vnet.nodeSubnet,
      allowed: `a subnet of ${n.vnet.addressSpace}`,
    });
  }
  const svc = cidrRange(n.serviceCidr);
  const ip = ipToInt(n.dnsServiceIp);
  if (!containsIp(n.serviceCidr, n.dnsServiceIp) || ip === svc.start || ip === svc.start + 1 || ip === svc.end) {
    out.push({
      path: 'network.dnsServiceIp',
      message: 'must be inside network.serviceCidr, not its first, second or last address',
      got: n.dnsServiceIp,
      allowed: `an address in ${n.serviceCidr} such as its .10`,
    });
  }
  if (n.policy === 'cilium' && (n.plugin !== 'azure' || n.pluginMode !== 'overlay')) {
    out.push({
      path: 'network.policy',
      message: 'cilium needs network.plugin azure with pluginMode overlay',
      got: n.policy,
      allowed: 'azure, calico, none (or change plugin/pluginMode)',
    });
  }
}

function checkNodePools(env: ResolvedEnvironment, out: Problem[]): void {
  const system = env.nodePools.filter((p) => p.kind === 'system');
  if (system.length !== 1) {
    out.push({
      path: 'nodePools',
      message: 'exactly one pool of kind system is required',
      got: system.length === 0 ? 'none' : system.map((p) => p.name).join(', '),
      allowed: 'one pool with kind: system (it becomes the cluster default pool)',
    });
  }
  for (const p of env.nodePools) {
    const at = `nodePools.${p.name}`;
    if (p.osType === 'Windows' && !/^[a-z][a-z0-9]{0,5}$/.test(p.name)) {
      out.push({ path: at, message: 'Windows pool names are at most 6 characters', got: p.name, allowed: '1-6 lowercase letters and digits, starting with a letter' });
    }
    if (p.autoscaling) {
      if (!(p.minCount <= p.count && p.count <= p.maxCount)) {
        out.push({
          path: `${at}.count`,
          message: 'an autoscaled pool needs minCount <= count <= maxCount',
          got: `minCount ${p.minCount}, count ${p.count}, maxCount ${p.maxCount}`,
          allowed: `a count from ${p.minCount} to ${p.maxCount}`,
        });
      }
      if (p.maxCount < 1) out.push({ path: `${at}.maxCount`, message: 'must be at least 1', got: p.maxCount, allowed: '1-1000' });
    }
    if (p.kind === 'system' && p.count < 1) {
      out.push({ path: `${at}.count`, message: 'the system pool needs at least one node', got: p.count, allowed: '1 or more (3 for production)' });
    }
  }
}

/** Every cross-field problem of one environment. */
export function checkEnvironment(env: ResolvedEnvironment): Problem[] {
  const out: Problem[] = [];
  checkNames(env, out);
  checkNetwork(env, out);
  checkNodePools(env, out);
  out.push(...checkBaseline(env));
  return out;
}
