/** ingress-nginx's settings (`ingress.nginx`) and their cross-field checks. Imported by the configuration: no constructs here. */
import { z } from 'zod';
import { INGRESS_NGINX_CHART } from '../../azure/charts';
import { chartVersionSchema, helmValuesSchema, releaseSchema, resourcesSchema } from '../../config/schema/helm';
import type { ResolvedEnvironment } from '../../config/model';
import type { Problem } from '../../config/problem';

/** `ingress.nginx`. */
export const nginxSettingsSchema = z.strictObject({
  chartVersion: chartVersionSchema(INGRESS_NGINX_CHART.version),
  replicas: z.int().min(1).max(50).default(2).describe('Controller replicas (`controller.replicaCount`). Default: 2 (the AKS baseline).'),
  loadBalancer: z
    .enum(['public', 'internal'])
    .default('public')
    .describe('public: an Azure public load balancer; internal: a private address in the VNet (azure-load-balancer-internal). Default: public.'),
  staticPublicIp: z
    .boolean()
    .default(false)
    .describe('Create a static public IP in the platform resource group and give it to the controller service (public only). Default: false (an address AKS allocates and releases with the service).'),
  requests: resourcesSchema.default({ cpu: '100m', memory: '128Mi' }).describe('Controller resource requests. Default: 100m CPU, 128Mi.'),
  metrics: z.boolean().default(true).describe('Controller Prometheus metrics. Default: true.'),
  values: helmValuesSchema,
  release: releaseSchema.prefault({}),
});

/** ingress-nginx's cross-field rules. */
export function checkIngressNginx(env: ResolvedEnvironment, out: Problem[]): void {
  const ing = env.ingress;
  if (ing.controller === 'nginx' && ing.nginx.staticPublicIp && ing.nginx.loadBalancer === 'internal') {
    out.push({ path: 'ingress.nginx.staticPublicIp', message: 'a static public IP needs loadBalancer public', got: true, allowed: 'false with loadBalancer internal' });
  }
}
