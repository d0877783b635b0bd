import { defineAddOn } from '../add-on';
import { IngressNginx, INGRESS_NGINX_POD_SECURITY } from '.';
import { IngressPublicIp } from './public-ip';

/** The ingress-nginx namespace. */
export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';

/** ingress-nginx (`ingress.controller: nginx`), with an optional static public IP on the Azure side. */
export const ingressNginx = defineAddOn({
  name: 'ingress-nginx',
  configBlock: 'ingress.nginx',
  enabled: (env) => env.ingress.controller === 'nginx',
  infra: ({ scope, env, resourceGroup, cluster }) => {
    if (!env.ingress.nginx.staticPublicIp) return { construct: undefined };
    const ip = new IngressPublicIp(scope, 'ingress-public-ip', {
      name: `pip-ingress-${env.project}-${env.name}`,
      resourceGroupName: resourceGroup.name,
      location: env.location,
      clusterPrincipalId: cluster.identity.principalId,
      tags: env.tags,
    });
    return { construct: ip, outputs: { name: ip.name, resourceGroupName: ip.publicIp.resourceGroupName } };
  },
  namespace: () => ({ name: INGRESS_NGINX_NAMESPACE, podSecurity: INGRESS_NGINX_POD_SECURITY }),
  platform: ({ scope, env, namespace }, publicIp) => {
    const n = env.ingress.nginx;
    return new IngressNginx(scope, 'ingress-nginx', {
      ...n.release,
      namespace: namespace!.name,
      replicaCount: n.replicas,
      internal: n.loadBalancer === 'internal',
      publicIp,
      requests: n.requests,
      metrics: n.metrics,
      chartVersion: n.chartVersion,
      values: n.values,
    });
  },
});
