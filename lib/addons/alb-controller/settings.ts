/** Application Gateway for Containers' settings (`ingress.agc`) and their cross-field checks. No constructs here. */
import { z } from 'zod';
import { ALB_CONTROLLER_CHART } from '../../azure/charts';
import { contains, overlaps, prefixLength } from '../../azure/cidr';
import { ipv4Cidr } from '../../config/schema/common';
import { chartVersionSchema, helmValuesSchema, releaseSchema } from '../../config/schema/helm';
import type { ResolvedEnvironment } from '../../config/model';
import type { Problem } from '../../config/problem';
import { subnetOfRole } from '../../config/network-plan';
import { AKS_DEFAULT_POD_CIDR } from '../../config/checks-cluster-settings';

/** `ingress.agc`. */
export const agcSettingsSchema = z.strictObject({
  chartVersion: chartVersionSchema(ALB_CONTROLLER_CHART.version),
  namespace: z.string().default('alb-infra').describe('Namespace of the ALB controller and the ApplicationLoadBalancer. Default: alb-infra (the AKS baseline).'),
  subnetCidr: ipv4Cidr.optional().describe('Address range of the AGC association subnet (a /24 or larger, inside the VNet). Required when ingress.controller is agc.'),
  virtualNetworkName: z.string().optional().describe('VNet for the AGC subnet; required with network.existingNodeSubnetId. Default: the VNet the platform creates (network.vnet.name).'),
  virtualNetworkResourceGroup: z.string().optional().describe('Resource group of that VNet. Default: the platform resource group.'),
  albName: z.string().default('alb').describe('Name of the ApplicationLoadBalancer (Gateways reference it). Default: alb.'),
  values: helmValuesSchema,
  release: releaseSchema.prefault({}),
});

/** AGC's cross-field rules: the association subnet is given, big enough, inside the VNet and clear of the cluster's ranges. */
export function checkAlbController(env: ResolvedEnvironment, out: Problem[]): void {
  const ing = env.ingress;
  if (ing.controller !== 'agc') return;
  const agcRoleSubnet = subnetOfRole(env, 'applicationGatewayForContainers');
  if (!ing.agc.subnetCidr && !agcRoleSubnet) {
    out.push({
      path: 'ingress.agc.subnetCidr',
      message: 'is required when ingress.controller is agc (or a network.vnet.subnets entry with role applicationGatewayForContainers)',
      allowed: 'a /24 or larger range inside the VNet, e.g. 10.232.32.0/24',
    });
  }
  if (ing.agc.subnetCidr && agcRoleSubnet) {
    out.push({
      path: 'ingress.agc.subnetCidr',
      message: `is set together with the applicationGatewayForContainers subnet ${agcRoleSubnet.name} (network.vnet.subnets)`,
      got: ing.agc.subnetCidr,
      allowed: 'one of them (the role subnet is the landing-zone way)',
    });
  }
  // A role subnet is checked with the other subnets (lib/config/checks-network.ts).
  if (!agcRoleSubnet) checkAgcSubnet(env, out);
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
  if (prefixLength(cidr) > 24) {
    out.push({ path: at, message: 'is too small for Application Gateway for Containers', got: cidr, allowed: 'a /24 or larger (at least 250 addresses)' });
  }
  const createdVnet = !n.existingNodeSubnetId && !agc.virtualNetworkName;
  if (createdVnet && !contains(n.vnet.addressSpace, cidr)) {
    out.push({ path: at, message: 'is not inside network.vnet.addressSpace', got: cidr, allowed: `a free range of ${n.vnet.addressSpace}` });
  }
  const taken: [string, string][] = [['network.serviceCidr', n.serviceCidr]];
  if (!n.existingNodeSubnetId) taken.push(['network.vnet.nodeSubnet', n.vnet.nodeSubnet]);
  if (n.pluginMode === 'overlay' || n.plugin === 'kubenet') taken.push(['network.podCidr', n.podCidr ?? AKS_DEFAULT_POD_CIDR]);
  for (const [path, range] of taken) {
    if (overlaps(cidr, range)) {
      out.push({ path: at, message: `overlaps ${path} (${range})`, got: cidr, allowed: 'a range that overlaps neither the node subnet, the pod nor the service range' });
    }
  }
}
