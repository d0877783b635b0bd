/** Cross-field rules of the add-on, backup and namespace settings. */
import type { Problem } from './problem';
import { contains, overlaps } from '../azure/cidr';
import type { ResolvedEnvironment } from './model';
import { subnetOfRole } from './network-plan';

export function checkAddons(env: ResolvedEnvironment, out: Problem[]): void {
  const ing = env.ingress;
  const agcRoleSubnet = subnetOfRole(env, 'applicationGatewayForContainers');
  if (ing.controller === 'agc' && !ing.agc.subnetCidr && !agcRoleSubnet) {
    out.push({
      path: 'ingress.agc.subnetCidr',
      message: 'is required when ingress.controller is agc (or a network.vnet.subnets entry with role applicationGatewayForContainers)',
      allowed: 'a /24 or larger range inside the VNet, e.g. 10.232.32.0/24',
    });
  }
  if (ing.controller === 'agc' && ing.agc.subnetCidr && agcRoleSubnet) {
    out.push({
      path: 'ingress.agc.subnetCidr',
      message: `is set together with the applicationGatewayForContainers subnet ${agcRoleSubnet.name} (network.vnet.subnets)`,
      got: ing.agc.subnetCidr,
      allowed: 'one of them (the role subnet is the landing-zone way)',
    });
  }
  // A role subnet is checked with the other subnets (checks-network.ts).
  if (ing.controller === 'agc' && !agcRoleSubnet) checkAgcSubnet(env, out);
  if (ing.controller === 'agic' && !ing.agic.applicationGatewayId) {
    out.push({ path: 'ingress.agic.applicationGatewayId', message: 'is required when ingress.controller is agic', allowed: 'the resource ID of an existing Application Gateway' });
  }
  if (ing.controller === 'nginx' && ing.nginx.staticPublicIp && ing.nginx.loadBalancer === 'internal') {
    out.push({ path: 'ingress.nginx.staticPublicIp', message: 'a static public IP needs loadBalancer public', got: true, allowed: 'false with loadBalancer internal' });
  }
  const trivy = env.addons.trivyOperator;
  if (trivy.enabled && trivy.scanJobNodePool && !env.nodePools.some((p) => p.name === trivy.scanJobNodePool)) {
    out.push({
      path: 'addons.trivyOperator.scanJobNodePool',
      message: 'no such node pool',
      got: trivy.scanJobNodePool,
      allowed: env.nodePools.map((p) => p.name).join(', '),
    });
  }
  if (env.backup.enabled) {
    const known = new Set(Object.keys(env.namespaces));
    for (const [name, s] of Object.entries(env.backup.schedules)) {
      const missing = s.includedNamespaces.filter((n) => !known.has(n) && n !== '*');
      if (missing.length > 0 && known.size > 0) {
        // Not an error: Velero may back up namespaces created outside this project. Said as a problem only when none matches.
        if (missing.length === s.includedNamespaces.length) {
          out.push({
            path: `backup.schedules.${name}.includedNamespaces`,
            message: 'names no namespace of this environment',
            got: s.includedNamespaces.join(', '),
            allowed: [...known].join(', ') + ' or *',
          });
        }
      }
    }
  }
}

/** The AGC association subnet: big enough, inside the VNet the platform creates, clear of the cluster's ranges. */
function checkAgcSubnet(env: ResolvedEnvironment, out: Problem[]): void {
  const agc = env.ingress.agc;
  const n = env.network;
  if (n.existingNodeSubnetId && !agc.virtualNetworkName) {
    out.push({
      path: 'ingress.agc.virtualNetworkName',
      message: 'is required with network.existingNodeSubnetId (the platform creates no VNet to put the AGC subnet in)',
      got: 'none',
      allowed: 'the name of the VNet that holds network.existingNodeSubnetId (and virtualNetworkResourceGroup if it is elsewhere)',
    });
  }
  const cidr = agc.subnetCidr;
  if (!cidr) return;
  const at = 'ingress.agc.subnetCidr';
  if (Number(cidr.split('/')[1]) > 24) {
    out.push({ path: at, message: 'is too small for Application Gateway for Containers', got: cidr, allowed: 'a /24 or larger (at least 250 addresses)' });
  }
  const createdVnet = !n.existingNodeSubnetId && !agc.virtualNetworkName;
  if (createdVnet && !contains(n.vnet.addressSpace, cidr)) {
    out.push({ path: at, message: 'is not inside network.vnet.addressSpace', got: cidr, allowed: `a free range of ${n.vnet.addressSpace}` });
  }
  const taken: [string, string][] = [['network.serviceCidr', n.serviceCidr]];
  if (!n.existingNodeSubnetId) taken.push(['network.vnet.nodeSubnet', n.vnet.nodeSubnet]);
  if (n.pluginMode === 'overlay' || n.plugin === 'kubenet') taken.push(['network.podCidr', n.podCidr]);
  for (const [path, range] of taken) {
    if (overlaps(cidr, range)) {
      out.push({ path: at, message: `overlaps ${path} (${range})`, got: cidr, allowed: 'a range that overlaps neither the node subnet, the pod nor the service range' });
    }
  }
}
