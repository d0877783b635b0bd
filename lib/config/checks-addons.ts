/** Cross-field rules of the add-on, backup and namespace settings. */
import type { Problem } from './checks';
import type { ResolvedEnvironment } from './model';

export function checkAddons(env: ResolvedEnvironment, out: Problem[]): void {
  const ing = env.ingress;
  if (ing.controller === 'agc' && !ing.agc.subnetCidr) {
    out.push({ path: 'ingress.agc.subnetCidr', message: 'is required when ingress.controller is agc', allowed: 'a /24 or larger range inside the VNet, e.g. 10.232.32.0/24' });
  }
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
