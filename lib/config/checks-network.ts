/**
 * Landing-zone network checks: what Azure would refuse at apply time (a subnet outside its VNet, overlapping
 * subnets, a role subnet too small or misnamed, a delegation missing) and what would leave the cluster unable to
 * reach what it needs (a private registry without a private endpoint, user-defined routing without a route, a
 * private endpoint without a DNS path). Paths are relative to the environment.
 */
import { SUBNET_ROLE_FACTS, zoneNameOfId } from '../azure/network-roles';
import { AKS_DEFAULT_POD_CIDR } from './checks-cluster-settings';
import { contains, overlaps } from '../azure/cidr';
import type { Problem } from './problem';
import { described } from './errors';
import type { ResolvedEnvironment } from './model';
import { endpointSubnet, firewallRoute, hasVnet, plannedEndpoints, plannedSubnets, subnetOfRole } from './network-plan';

const prefixOf = (cidr: string) => Number(cidr.split('/')[1]);

function checkSubnets(env: ResolvedEnvironment, out: Problem[]): void {
  const n = env.network;
  const subnets = plannedSubnets(env);
  const created = !n.existingNodeSubnetId && !n.vnet.existingId;
  for (const s of subnets) {
    const facts = SUBNET_ROLE_FACTS[s.role];
    if (s.settings && !s.clusterNodes) {
      if (!s.cidr && !s.existingId) {
        out.push({ path: `${s.path}.cidr`, message: 'a subnet needs a cidr (to create it) or an existingId (to use it)', got: 'neither', allowed: 'a CIDR inside network.vnet.addressSpace, or a subnet resource ID' });
      }
    }
    if (s.settings?.cidr && s.settings.existingId) {
      out.push({ path: `${s.path}.existingId`, message: 'is set together with cidr', got: s.settings.existingId, allowed: 'cidr (create the subnet) or existingId (use it), not both' });
    }
    if (s.cidr && !hasVnet(env)) {
      out.push({
        path: `${s.path}.cidr`,
        message: 'a subnet to create needs a VNet: with network.existingNodeSubnetId set, no VNet is created',
        got: s.cidr,
        allowed: 'existingId (your subnet), or network.vnet.existingId (the VNet to create it in)',
      });
    }
    if (s.cidr && created && !contains(n.vnet.addressSpace, s.cidr)) {
      out.push({ path: `${s.path}${s.settings ? '.cidr' : ''}`, message: 'is not inside network.vnet.addressSpace', got: s.cidr, allowed: `a subnet of ${n.vnet.addressSpace}` });
    }
    if (s.cidr && prefixOf(s.cidr) > facts.maxPrefix) {
      out.push({
        path: `${s.path}${s.settings ? '.cidr' : ''}`,
        message: `is too small for role ${s.role} (${facts.source})`,
        got: s.cidr,
        allowed: `a /${facts.maxPrefix} or larger`,
      });
    }
    if (facts.requiredName && s.name !== facts.requiredName && !s.existingId) {
      out.push({ path: s.path, message: `a ${s.role} subnet must be named ${facts.requiredName} (Azure requires the name)`, got: s.name, allowed: facts.requiredName });
    }
    if (s.clusterNodes && s.settings && s.settings.role !== 'nodes') {
      out.push({ path: `${s.path}.role`, message: `shares its name with network.vnet.nodeSubnetName, the cluster's node subnet`, got: s.settings.role, allowed: 'nodes, or another name' });
    }
  }
  // Overlaps between subnets, and with the pod (overlay) and service ranges.
  const ranges = subnets.filter((s) => s.cidr).map((s) => [s.settings ? `${s.path}.cidr` : s.path, s.cidr!] as const);
  const others: (readonly [string, string])[] = [['network.serviceCidr', n.serviceCidr]];
  if (n.pluginMode === 'overlay' || n.plugin === 'kubenet') others.push(['network.podCidr', n.podCidr ?? AKS_DEFAULT_POD_CIDR]);
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      if (overlaps(ranges[i][1], ranges[j][1])) {
        out.push({ path: ranges[j][0], message: `overlaps ${ranges[i][0]} (${ranges[i][1]})`, got: ranges[j][1], allowed: 'a range no other subnet uses' });
      }
    }
    // The VNet range itself is checked against these in checks.ts; subnets of an existing VNet are checked here.
    if (!created) {
      for (const [path, range] of others) {
        if (overlaps(ranges[i][1], range)) out.push({ path: ranges[i][0], message: `overlaps ${path} (${range})`, got: ranges[i][1], allowed: 'a range outside the pod and service ranges' });
      }
    }
  }
  for (const role of ['apiServer', 'firewall', 'bastion', 'applicationGatewayForContainers'] as const) {
    const of = subnets.filter((s) => s.role === role);
    if (of.length > 1) {
      out.push({ path: of[1].path, message: `only one subnet of role ${role} is used`, got: of.map((s) => s.name).join(', '), allowed: 'one' });
    }
  }
  if (n.vnet.dnsServers.length > 0 && !created) {
    out.push({
      path: 'network.vnet.dnsServers',
      message: 'apply only to a VNet the platform creates; set DNS servers on your own VNet where it is managed',
      got: n.vnet.dnsServers.join(', '),
      allowed: 'no dnsServers, or a VNet the platform creates',
    });
  }
}

function checkEgress(env: ResolvedEnvironment, out: Problem[]): void {
  const n = env.network;
  const e = n.egress;
  const route = firewallRoute(env);
  if (e.firewall && e.firewallPrivateIp) {
    out.push({ path: 'network.egress.firewallPrivateIp', message: 'is set together with network.egress.firewall', got: e.firewallPrivateIp, allowed: 'a hub firewall (firewallPrivateIp) or one created here (firewall), not both' });
  }
  if (e.firewall && !subnetOfRole(env, 'firewall')) {
    out.push({
      path: 'network.egress.firewall',
      message: 'a firewall created here needs a subnet with role firewall (named AzureFirewallSubnet, /26)',
      got: 'no such subnet',
      allowed: 'network.vnet.subnets.AzureFirewallSubnet: { role: firewall, cidr: <a /26> }',
    });
  }
  // The default (Deny) applies on Premium only; Alert asks for something a Standard firewall cannot do.
  if (e.firewall && e.firewall.sku !== 'Premium' && e.firewall.idpsMode === 'Alert') {
    out.push({ path: 'network.egress.firewall.idpsMode', message: 'intrusion detection needs sku Premium', got: e.firewall.idpsMode, allowed: 'Off or unset, or sku: Premium' });
  }
  if (route && !hasVnet(env)) {
    out.push({
      path: e.firewall ? 'network.egress.firewall' : 'network.egress.firewallPrivateIp',
      message: 'the firewall route goes on subnets the platform creates; with network.existingNodeSubnetId your subnet needs its own route table',
      got: e.firewallPrivateIp ?? 'firewall',
      allowed: 'no firewall route (your subnet has one), or network.vnet.existingId with role subnets',
    });
  }
  if (n.outboundType === 'userDefinedRouting' && !route && !n.existingNodeSubnetId) {
    out.push({
      path: 'network.outboundType',
      message: 'userDefinedRouting needs a default route on the node subnet: set network.egress.firewallPrivateIp (a hub firewall) or network.egress.firewall (one created here), or use network.existingNodeSubnetId (a subnet you routed)',
      got: n.outboundType,
      allowed: 'a firewall route, or loadBalancer / managedNATGateway',
    });
  }
  if (n.outboundType === 'loadBalancer' && route && !e.routeWithLoadBalancer) {
    out.push({
      path: 'network.outboundType',
      message: 'loadBalancer with a firewall route (network.egress) sends egress two ways; say which you mean',
      got: described(`outboundType loadBalancer, egress ${route === 'hub' ? 'firewallPrivateIp' : 'firewall'}`),
      allowed: 'outboundType: userDefinedRouting, or network.egress.routeWithLoadBalancer: true to keep both deliberately',
    });
  }
  if (e.routeWithLoadBalancer && !(n.outboundType === 'loadBalancer' && route)) {
    out.push({ path: 'network.egress.routeWithLoadBalancer', message: 'applies only to outboundType loadBalancer with a firewall route', got: true, allowed: 'false' });
  }
}

function checkHubAndDns(env: ResolvedEnvironment, out: Problem[]): void {
  const n = env.network;
  const link = n.privateDns.linkTo;
  if (link.includes('hub') && !n.hub) {
    out.push({ path: 'network.privateDns.linkTo', message: 'links to the hub need network.hub.virtualNetworkId', got: link.join(', '), allowed: 'spoke, or network.hub' });
  }
  if (n.hub && !hasVnet(env)) {
    out.push({ path: 'network.hub', message: 'peering needs the spoke VNet: with network.existingNodeSubnetId no VNet is known', got: n.hub.virtualNetworkId, allowed: 'network.vnet.existingId (your VNet), or a VNet the platform creates' });
  }
  const seen = new Map<string, string>();
  n.privateDns.existingZoneIds.forEach((id, i) => {
    if (!/\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+$/i.test(id)) {
      out.push({ path: `network.privateDns.existingZoneIds.${i}`, message: 'is not a private DNS zone ID', got: id, allowed: '…/providers/Microsoft.Network/privateDnsZones/<zone>' });
    }
    const name = zoneNameOfId(id);
    if (seen.has(name)) out.push({ path: `network.privateDns.existingZoneIds.${i}`, message: `names zone ${name} twice`, got: id, allowed: 'one ID per zone' });
    seen.set(name, id);
  });
  const names = new Set(plannedSubnets(env).map((s) => s.name));
  for (const pe of plannedEndpoints(env)) {
    if (pe.config.subnet && pe.config.subnetId) {
      out.push({ path: `${pe.path}.subnetId`, message: 'is set together with subnet', got: pe.config.subnetId, allowed: 'subnet (a name) or subnetId, not both' });
    }
    if (pe.config.subnet && !names.has(pe.config.subnet)) {
      out.push({ path: `${pe.path}.subnet`, message: 'names no subnet of network.vnet.subnets', got: pe.config.subnet, allowed: [...names].join(', ') });
    }
    const sub = pe.config.subnet ? undefined : pe.config.subnetId ? undefined : endpointSubnet(env, pe.config);
    if (sub && sub.role !== 'privateEndpoints' && !sub.clusterNodes) {
      out.push({ path: `${pe.path}.subnet`, message: `resolves to ${sub.name}, a ${sub.role} subnet`, got: sub.name, allowed: 'a privateEndpoints or nodes subnet' });
    }
    // A DNS path: a zone by ID (central DNS), or a created zone the nodes resolve (linked to the spoke, or to the hub
    // when the spoke's DNS servers answer from there).
    const byId = pe.config.privateDnsZoneId ?? undefined;
    const central = n.privateDns.existingZoneIds.length > 0;
    if (!byId && !central && !link.includes('spoke') && n.vnet.dnsServers.length === 0 && pe.config.virtualNetworkIds.length === 0) {
      out.push({
        path: pe.path,
        message: 'the endpoint\'s created DNS zone is linked only to the hub, and the spoke uses Azure DNS: the nodes would not resolve it',
        got: described(`privateDns.linkTo ${link.join(', ')}, vnet.dnsServers none`),
        allowed: 'privateDns.linkTo including spoke, network.vnet.dnsServers (a resolver in the hub), or a zone by ID',
      });
    }
  }
}

function checkPublicAccess(env: ResolvedEnvironment, out: Problem[]): void {
  const acr = env.acr;
  if (!acr.publicNetworkAccess && !acr.privateEndpoint) {
    out.push({
      path: 'acr.publicNetworkAccess',
      message: 'false leaves the nodes no way to pull images: add acr.privateEndpoint',
      got: false,
      allowed: 'true, or acr.privateEndpoint: {} (in the privateEndpoints subnet, zone privatelink.azurecr.io)',
    });
  }
  if (acr.privateEndpoint && !acr.existingId && acr.sku !== 'Premium') {
    out.push({ path: 'acr.privateEndpoint', message: 'private endpoints need a Premium registry', got: described(`acr.sku ${acr.sku}`), allowed: 'acr.sku: Premium' });
  }
  // A vault with neither endpoint is refused in identity-checks.ts, naming the workloads that read it.
  const b = env.backup;
  if (b.enabled && !b.publicNetworkAccess && !b.privateEndpoint) {
    out.push({
      path: 'backup.publicNetworkAccess',
      message: 'false leaves Velero no way to reach the backup account: add backup.privateEndpoint',
      got: false,
      allowed: 'true (the firewall lets the node subnet in), or backup.privateEndpoint: {}',
    });
  }
  const mon = env.cluster.monitoring;
  if (mon.privateEndpoint && (!mon.prometheus || mon.existingMonitorWorkspaceId)) {
    out.push({
      path: 'cluster.monitoring.privateEndpoint',
      message: 'applies to the Azure Monitor workspace the platform creates',
      got: described(mon.prometheus ? 'existingMonitorWorkspaceId is set' : 'prometheus is off'),
      allowed: 'no privateEndpoint, or prometheus on without existingMonitorWorkspaceId',
    });
  }
}

function checkApiServerNetwork(env: ResolvedEnvironment, out: Problem[]): void {
  const a = env.cluster.apiServer;
  if (a.vnetIntegration && !subnetOfRole(env, 'apiServer')) {
    out.push({
      path: 'cluster.apiServer.vnetIntegration',
      message: 'needs a subnet with role apiServer (delegated to Microsoft.ContainerService/managedClusters, /28 or larger)',
      got: true,
      allowed: 'network.vnet.subnets.<name>: { role: apiServer, cidr: <a /28> }',
    });
  }
  const zone = a.privateDnsZone;
  if (zone !== 'system' && zone !== 'none' && zone !== 'create') {
    const name = zoneNameOfId(zone);
    const want = `privatelink.${env.location}.azmk8s.io`;
    if (name !== want && !name.endsWith(`.${want}`)) {
      out.push({ path: 'cluster.apiServer.privateDnsZone', message: 'AKS takes only a private DNS zone named for the cluster\'s region', got: zone, allowed: `a zone named ${want} or <subzone>.${want}` });
    }
  }
  if (zone === 'none' && a.access === 'private' && !a.publicFqdn) {
    out.push({ path: 'cluster.apiServer.privateDnsZone', message: 'none needs publicFqdn: true (the public FQDN is the only name of the API server)', got: zone, allowed: 'system, create, a zone ID, or publicFqdn: true' });
  }
}

/** Every landing-zone network problem of one environment. */
export function checkLandingZone(env: ResolvedEnvironment, out: Problem[]): void {
  checkSubnets(env, out);
  checkEgress(env, out);
  checkHubAndDns(env, out);
  checkPublicAccess(env, out);
  checkApiServerNetwork(env, out);
}
