import { defineAddOn } from '../add-on';
import { AlbController, ALB_CONTROLLER_POD_SECURITY, ALB_CONTROLLER_POD_SECURITY_REASON } from '.';
import { AgcInfra } from './azure';

/** Application Gateway for Containers (`ingress.controller: agc`): the association subnet and identity, then the ALB controller. */
export const albController = defineAddOn({
  name: 'alb-controller',
  configBlock: 'ingress.agc',
  enabled: (env) => env.ingress.controller === 'agc',
  infra: ({ scope, env, resourceGroup, cluster, network, agcSubnetId, base }) => {
    const agc = env.ingress.agc;
    const infra = new AgcInfra(scope, 'agc', {
      ...base,
      virtualNetworkName: agc.virtualNetworkName ?? network?.resource.name ?? env.names.virtualNetwork,
      virtualNetworkResourceGroupName: agc.virtualNetworkResourceGroup ?? resourceGroup.name,
      // The landing zone's role subnet when there is one, else a subnet created from ingress.agc.subnetCidr.
      subnetCidr: agcSubnetId ? undefined : agc.subnetCidr,
      subnetId: agcSubnetId,
      nodeResourceGroupId: cluster.resource.nodeResourceGroupId,
      controllerNamespace: agc.namespace,
      identityName: `id-alb-${env.project}-${env.name}`,
    });
    return { construct: infra, outputs: { clientId: infra.identity.clientId, subnetId: infra.subnetId } };
  },
  namespace: (env) => ({ name: env.ingress.agc.namespace, podSecurity: ALB_CONTROLLER_POD_SECURITY, reason: ALB_CONTROLLER_POD_SECURITY_REASON }),
  platform: ({ scope, env, namespace }, infra) => {
    if (!infra) return undefined;
    const agc = env.ingress.agc;
    return new AlbController(scope, 'alb-controller', {
      ...agc.release,
      namespace: namespace!.name,
      clientId: infra.clientId,
      subnetId: infra.subnetId,
      albName: agc.albName,
      chartVersion: agc.chartVersion,
      values: agc.values,
    });
  },
});
