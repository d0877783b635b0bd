/**
 * Rules that span fields or that Azure enforces only at apply time: resource naming, address ranges, node pools.
 * Each returns problems with a path relative to the environment.
 */
import { described } from './errors';
import { containsIp, contains, cidrRange, ipToInt, overlaps } from '../azure/cidr';
import { defaultNames, isValidName, NAME_RULES, type NamedResourceType } from '../azure/naming';
import { checkIdentity as checkWorkloadIdentities } from './identity-checks';
import type { ResolvedEnvironment } from './model';
import type { Problem } from './problem';
import { checkAddons } from './checks-addons';
import { checkBaseline } from './baseline-checks';
import { AKS_DEFAULT_POD_CIDR, checkClusterSettings } from './checks-cluster-settings';
import { checkLandingZone } from './checks-network';
import { checkRegistry } from './checks-registry';
import { checkObservability } from './checks-observability';
import { checkGitops } from './checks-gitops';
import { checkBackend } from './checks-backend';
import { checkLimits } from './checks-limits';
import { checkPoolSubnets } from './checks-pool-subnets';

export type { Problem };

/** Where each derived name comes from in the file, and which Azure naming rule it follows. */
const NAME_FIELDS: Record<keyof ResolvedEnvironment['names'], { readonly path: string; readonly type: NamedResourceType; readonly what?: string; readonly allowed?: string }> = {
  resourceGroup: { path: 'resourceGroupName', type: 'resourceGroup' },
  cluster: { path: 'cluster.name', type: 'kubernetesCluster' },
  dnsPrefix: { path: 'cluster.dnsPrefix', type: 'dnsPrefix' },
  keyVault: { path: 'keyVault.name', type: 'keyVault' },
  acr: { path: 'acr.name', type: 'containerRegistry' },
  backupStorageAccount: { path: 'backup.storageAccountName', type: 'storageAccount' },
  virtualNetwork: { path: 'network.vnet.name', type: 'virtualNetwork' },
  logAnalyticsWorkspace: {
    path: 'cluster.name', type: 'logAnalyticsWorkspace', what: 'Log Analytics workspace name (law-<cluster>)',
    allowed: `${NAME_RULES.logAnalyticsWorkspace.allowed} (shorten the cluster name)`,
  },
};

function checkNames(env: ResolvedEnvironment, out: Problem[]): void {
  for (const [key, field] of Object.entries(NAME_FIELDS) as [keyof ResolvedEnvironment['names'], (typeof NAME_FIELDS)[keyof ResolvedEnvironment['names']]][]) {
    const value = env.names[key];
    if (isValidName(field.type, value)) continue;
    const rule = { path: field.path, what: field.what ?? NAME_RULES[field.type].what, allowed: field.allowed ?? NAME_RULES[field.type].allowed };
    const given = getPath(env, rule.path) !== undefined || (key === 'resourceGroup' && value !== defaultNames.resourceGroup(env));
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
  // Without a pod CIDR, AKS's default 10.244.0.0/16 is what must not overlap.
  if (n.pluginMode === 'overlay' || n.plugin === 'kubenet') ranges.push(['network.podCidr', n.podCidr ?? AKS_DEFAULT_POD_CIDR]);
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
  // A node subnet declared in network.vnet.subnets is checked with the other subnets (checks-network.ts).
  if (!n.existingNodeSubnetId && !n.vnet.subnets[n.vnet.nodeSubnetName] && !contains(n.vnet.addressSpace, n.vnet.nodeSubnet)) {
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
      allowed: 'one pool with kind: system (it becomes the cluster default pool); pools merge by name with the default `system` pool, so set `system: null` to use a system pool of another name',
    });
  }
  for (const p of env.nodePools) {
    const at = `nodePools.${p.name}`;
    if (p.osType === 'Windows' && !/^[a-z][a-z0-9]{0,5}$/.test(p.name)) {
      out.push({ path: at, message: 'Windows pool names are at most 6 characters', got: p.name, allowed: '1-6 lowercase letters and digits, starting with a letter' });
    }
    if (p.autoscaling) {
      if (p.minCount > p.maxCount) {
        out.push({
          path: `${at}.minCount`,
          message: 'is greater than maxCount',
          got: described(`minCount ${p.minCount}, maxCount ${p.maxCount}`),
          allowed: `a minCount of at most ${p.maxCount}, or a larger maxCount`,
        });
      } else if (!(p.minCount <= p.count && p.count <= p.maxCount)) {
        out.push({
          path: `${at}.count`,
          message: 'an autoscaled pool needs minCount <= count <= maxCount',
          got: described(`minCount ${p.minCount}, count ${p.count}, maxCount ${p.maxCount}`),
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

function checkApiServer(env: ResolvedEnvironment, out: Problem[]): void {
  const a = env.cluster.apiServer;
  const ranges = a.authorizedIpRanges;
  if (a.access === 'authorizedRanges' && ranges.length === 0) {
    // An empty list means "no restriction" to Azure: an open API server must be said out loud, not left implicit.
    out.push({
      path: 'cluster.apiServer.authorizedIpRanges',
      message: 'access authorizedRanges needs at least one range; an empty list leaves the API server open to the internet',
      got: '[]',
      allowed: 'one or more CIDRs, access: private, or access: publicUnrestricted to leave it open deliberately',
    });
  }
  if (a.access !== 'authorizedRanges' && ranges.length > 0) {
    out.push({
      path: 'cluster.apiServer.authorizedIpRanges',
      message: `ranges apply only to access authorizedRanges, not ${a.access}`,
      got: ranges.join(', '),
      allowed: 'an empty list, or access: authorizedRanges',
    });
  }
  if (a.access !== 'private' && a.privateDnsZone !== 'system') {
    out.push({
      path: 'cluster.apiServer.privateDnsZone',
      message: 'a private DNS zone applies only to a private cluster',
      got: a.privateDnsZone,
      allowed: 'system (the default), or access: private',
    });
  }
  if (a.access !== 'private' && a.publicFqdn) {
    out.push({ path: 'cluster.apiServer.publicFqdn', message: 'applies only to a private cluster', got: true, allowed: 'false, or access: private' });
  }
}

function checkIdentity(env: ResolvedEnvironment, out: Problem[]): void {
  const i = env.cluster.identity;
  if (i.kubelet === 'existing' && !i.existingKubeletIdentityId) {
    out.push({
      path: 'cluster.identity.existingKubeletIdentityId',
      message: 'kubelet: existing needs the identity resource ID',
      got: 'none',
      allowed: '/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>',
    });
  }
  if (i.existingKubeletIdentityId && i.kubelet !== 'existing') {
    out.push({ path: 'cluster.identity.kubelet', message: 'existingKubeletIdentityId is set but kubelet is not existing', got: i.kubelet, allowed: 'existing' });
  }
  if (i.existingKubeletIdentityId && !/\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i.test(i.existingKubeletIdentityId)) {
    out.push({
      path: 'cluster.identity.existingKubeletIdentityId',
      message: 'is not a user-assigned identity ID',
      got: i.existingKubeletIdentityId,
      allowed: '…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>',
    });
  }
}

function checkUpgrades(env: ResolvedEnvironment, out: Problem[]): void {
  const u = env.cluster.upgrades;
  const v = env.cluster.kubernetesVersion;
  if (u.channel === 'patch' && v && v.split('.').length === 3) {
    out.push({
      path: 'cluster.kubernetesVersion',
      message: 'the patch upgrade channel takes a major.minor version (AKS picks the patch)',
      got: v,
      allowed: v.split('.').slice(0, 2).join('.'),
    });
  }
  if (u.channel === 'node-image' && u.nodeOsChannel !== 'NodeImage') {
    out.push({
      path: 'cluster.upgrades.nodeOsChannel',
      message: 'the node-image upgrade channel requires nodeOsChannel NodeImage',
      got: u.nodeOsChannel,
      allowed: 'NodeImage, or another upgrade channel',
    });
  }
  if (u.channel === 'none' && u.autoUpgradeWindow.enabled) {
    out.push({
      path: 'cluster.upgrades.autoUpgradeWindow.enabled',
      message: 'a window for automatic upgrades needs an upgrade channel',
      got: true,
      allowed: 'false, or an upgrade channel other than none',
    });
  }
  if ((u.nodeOsChannel === 'None' || u.nodeOsChannel === 'Unmanaged') && u.nodeOsWindow.enabled) {
    out.push({
      path: 'cluster.upgrades.nodeOsWindow.enabled',
      message: `a node OS window needs nodeOsChannel SecurityPatch or NodeImage, not ${u.nodeOsChannel}`,
      got: true,
      allowed: 'false, or nodeOsChannel SecurityPatch | NodeImage',
    });
  }
  for (const key of ['autoUpgradeWindow', 'nodeOsWindow'] as const) {
    const w = u[key];
    const at = `cluster.upgrades.${key}`;
    if (w.frequency === 'AbsoluteMonthly' && w.dayOfMonth === undefined) {
      out.push({ path: `${at}.dayOfMonth`, message: 'frequency AbsoluteMonthly needs dayOfMonth', got: 'none', allowed: '1-31' });
    }
    if (w.frequency !== 'AbsoluteMonthly' && w.dayOfMonth !== undefined) {
      out.push({ path: `${at}.dayOfMonth`, message: `applies only to frequency AbsoluteMonthly, not ${w.frequency}`, got: w.dayOfMonth, allowed: 'no dayOfMonth' });
    }
    if (w.frequency === 'RelativeMonthly' && w.weekIndex === undefined) {
      out.push({ path: `${at}.weekIndex`, message: 'frequency RelativeMonthly needs weekIndex', got: 'none', allowed: 'First, Second, Third, Fourth, Last' });
    }
    if (w.frequency !== 'RelativeMonthly' && w.weekIndex !== undefined) {
      out.push({ path: `${at}.weekIndex`, message: `applies only to frequency RelativeMonthly, not ${w.frequency}`, got: w.weekIndex, allowed: 'no weekIndex' });
    }
    checkBlackouts(w.notAllowed, `${at}.notAllowed`, out);
  }
  const d = u.defaultWindow;
  if (d.startHour + d.durationHours > 24) {
    out.push({
      path: 'cluster.upgrades.defaultWindow.durationHours',
      message: 'the default window must end within its day',
      got: described(`startHour ${d.startHour}, durationHours ${d.durationHours}`),
      allowed: `at most ${24 - d.startHour} hours from hour ${d.startHour}`,
    });
  }
  checkBlackouts(d.notAllowed, 'cluster.upgrades.defaultWindow.notAllowed', out);
}

function checkBlackouts(list: readonly { start: string; end: string }[], at: string, out: Problem[]): void {
  list.forEach((b, i) => {
    if (Date.parse(b.start) >= Date.parse(b.end)) {
      out.push({ path: `${at}.${i}.end`, message: 'must be after start', got: described(`${b.start} .. ${b.end}`), allowed: `a time after ${b.start}` });
    }
  });
}

function checkEgressAndPools(env: ResolvedEnvironment, out: Problem[]): void {
  const n = env.network;
  // userDefinedRouting is checked with the firewall route (checks-network.ts).
  if (n.outboundType === 'userAssignedNATGateway' && !n.existingNodeSubnetId) {
    out.push({
      path: 'network.outboundType',
      message: `${n.outboundType} needs a subnet you prepared (route table or NAT gateway): set network.existingNodeSubnetId`,
      got: n.outboundType,
      allowed: 'loadBalancer or managedNATGateway with a created VNet',
    });
  }
  const mon = env.cluster.monitoring;
  if (mon.existingMonitorWorkspaceId && !mon.prometheus) {
    out.push({ path: 'cluster.monitoring.existingMonitorWorkspaceId', message: 'is set but managed Prometheus is off', got: mon.existingMonitorWorkspaceId, allowed: 'no workspace, or monitoring.prometheus: true' });
  }
  if (!mon.prometheus && env.observability.alerts.enabled === false && (mon.alerts.emailReceivers.length > 0 || mon.alerts.actionGroupId)) {
    const field = mon.alerts.actionGroupId ? 'actionGroupId' : 'emailReceivers';
    out.push({ path: `cluster.monitoring.alerts.${field}`, message: 'is set but managed Prometheus is off and observability.alerts.enabled is false, so no alert rules exist to notify it', got: mon.alerts.actionGroupId ?? mon.alerts.emailReceivers.join(', '), allowed: 'no receivers, monitoring.prometheus: true or observability.alerts.enabled: true' });
  }
  if (mon.alerts.actionGroupId && mon.alerts.emailReceivers.length > 0) {
    out.push({ path: 'cluster.monitoring.alerts.emailReceivers', message: 'are set together with actionGroupId; add the addresses to that action group instead', got: mon.alerts.emailReceivers.join(', '), allowed: 'emailReceivers or actionGroupId, not both' });
  }
  for (const p of env.nodePools) {
    if (p.kind === 'system' && p.taints.length > 0) {
      // azurerm's default_node_pool has no node_taints: the system pool is tainted through only_critical_addons_enabled.
      out.push({
        path: `nodePools.${p.name}.taints`,
        message: 'the system pool is tainted CriticalAddonsOnly=true:NoSchedule through only_critical_addons_enabled; other taints cannot be set on the default pool',
        got: p.taints.join(', '),
        allowed: 'no taints (add a pool of kind user with the taints instead)',
      });
    }
    if (p.osType === 'Windows' && (n.plugin !== 'azure' || n.policy === 'cilium')) {
      out.push({
        path: `nodePools.${p.name}.kind`,
        message: 'Windows nodes need Azure CNI without the cilium data plane (kubenet and cilium do not support them)',
        got: described(`plugin ${n.plugin}, policy ${n.policy}`),
        allowed: 'network.plugin azure with policy azure, calico or none',
      });
    }
    if (p.kind === 'spot') continue;
    for (const key of ['spotMaxPrice', 'evictionPolicy'] as const) {
      if (p[key] !== undefined) {
        out.push({ path: `nodePools.${p.name}.${key}`, message: 'applies only to pools of kind spot', got: p[key], allowed: `no ${key}, or kind: spot` });
      }
    }
  }
}

/**
 * Local accounts are always off, so the admin groups are the only way into a production cluster: an empty list
 * would leave nobody able to administer it (the platform stack could not even be applied).
 */
function checkAdmins(env: ResolvedEnvironment, out: Problem[]): void {
  if (env.preset === 'production' && env.cluster.adminGroupObjectIds.length === 0) {
    out.push({
      path: 'cluster.adminGroupObjectIds',
      message: 'a production cluster needs at least one Entra ID admin group (local accounts are off)',
      got: [],
      allowed: 'one or more group object IDs',
    });
  }
}

/** Every cross-field problem of one environment. */
/** Every cross-field problem of one environment; `baselineRules` are the rule IDs a waiver may name. */
export function checkEnvironment(env: ResolvedEnvironment, baselineRules?: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  checkNames(env, out);
  checkNetwork(env, out);
  checkNodePools(env, out);
  checkApiServer(env, out);
  checkAdmins(env, out);
  checkIdentity(env, out);
  checkUpgrades(env, out);
  checkEgressAndPools(env, out);
  checkWorkloadIdentities(env, out);
  checkAddons(env, out);
  checkClusterSettings(env, out);
  checkLandingZone(env, out);
  checkPoolSubnets(env, out);
  checkRegistry(env, out);
  checkObservability(env, out);
  checkGitops(env, out);
  checkBackend(env, out);
  checkLimits(env, out);
  out.push(...checkBaseline(env, baselineRules));
  return out;
}
