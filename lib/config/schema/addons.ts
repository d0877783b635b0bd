import { z } from 'zod';
import { ALB_CONTROLLER_CHART, INGRESS_NGINX_CHART, TRIVY_OPERATOR_CHART } from '../../azure/charts';
import { INGRESS_CONTROLLERS } from '../../enums';
import { azureResourceId, ipv4Cidr } from './common';
import { SECRET_ALTERNATIVE, secretLookingValues } from '../secret-values';

/** Helm values merged last over an add-on's defaults and computed values (`null` removes a key). */
const values = z
  .record(z.string(), z.unknown())
  .default({})
  .superRefine((v, ctx) => {
    // Values land verbatim in the synthesized JSON, the snapshots and Terraform state: never a credential.
    for (const { path, why } of secretLookingValues(v)) {
      ctx.addIssue({
        code: 'custom',
        path,
        input: '(value hidden)',
        message: `looks like a credential (${why}); nothing secret may go in platform.yaml (it would land in the synthesized output)`,
        params: { allowed: SECRET_ALTERNATIVE },
      });
    }
  })
  .describe('Helm values merged over the add-on\'s own (maps merge, lists replace, null removes); keys are checked against the pinned chart; credentials are refused. Default: none.');

const chartVersion = (pinned: string) =>
  z
    .string()
    .regex(/^\d+\.\d+\.\d+([-+][\w.]+)?$/)
    .optional()
    .describe(`Chart version; its default values must be vendored (scripts/refresh-charts.sh). Default: ${pinned}.`);

const release = z.strictObject({
  timeoutSeconds: z.int().min(60).max(3600).default(600).describe('Seconds Helm waits for the release to become ready. Default: 600.'),
  maxHistory: z.int().min(1).max(100).default(10).describe('Release revisions Helm keeps for rollback. Default: 10.'),
  atomic: z.boolean().default(true).describe('Roll back a failed install or upgrade (atomic + cleanup_on_fail). Default: true.'),
});

const resources = z.strictObject({ cpu: z.string().min(1), memory: z.string().min(1) });

const nginxSchema = z.strictObject({
  chartVersion: chartVersion(INGRESS_NGINX_CHART.version),
  replicas: z.int().min(1).max(50).default(2).describe('Controller replicas (`controller.replicaCount`). Default: 2 (the seed).'),
  loadBalancer: z
    .enum(['public', 'internal'])
    .default('public')
    .describe('public: an Azure public load balancer; internal: a private address in the VNet (azure-load-balancer-internal). Default: public.'),
  staticPublicIp: z
    .boolean()
    .default(false)
    .describe('Create a static public IP in the platform resource group and give it to the controller service (public only). Default: false (an address AKS allocates and releases with the service).'),
  requests: resources.default({ cpu: '100m', memory: '128Mi' }).describe('Controller resource requests. Default: 100m CPU, 128Mi.'),
  metrics: z.boolean().default(true).describe('Controller Prometheus metrics. Default: true.'),
  values,
  release: release.prefault({}),
});

const agcSchema = z.strictObject({
  chartVersion: chartVersion(ALB_CONTROLLER_CHART.version),
  namespace: z.string().default('alb-infra').describe('Namespace of the ALB controller and the ApplicationLoadBalancer. Default: alb-infra (the seed).'),
  subnetCidr: ipv4Cidr.optional().describe('Address range of the AGC association subnet (a /24 or larger, inside the VNet). Required when ingress.controller is agc.'),
  virtualNetworkName: z.string().optional().describe('VNet for the AGC subnet; required with network.existingNodeSubnetId. Default: the VNet the platform creates (network.vnet.name).'),
  virtualNetworkResourceGroup: z.string().optional().describe('Resource group of that VNet. Default: the platform resource group.'),
  albName: z.string().default('alb').describe('Name of the ApplicationLoadBalancer (Gateways reference it). Default: alb.'),
  values,
  release: release.prefault({}),
});

const agicSchema = z.strictObject({
  applicationGatewayId: azureResourceId.optional().describe('Resource ID of the existing Application Gateway. Required when ingress.controller is agic.'),
});

/** The ingress controller: one choice per environment. */
export const ingressSchema = z.strictObject({
  controller: z
    .enum(INGRESS_CONTROLLERS)
    .default('nginx')
    .describe('nginx: ingress-nginx (what the AKS baseline uses; retired upstream, see docs/addons.md); agc: Application Gateway for Containers; agic: the AGIC add-on on an existing Application Gateway; none. Default: nginx.'),
  nginx: nginxSchema.prefault({}).describe('ingress-nginx settings (used when controller is nginx).'),
  agc: agcSchema.prefault({}).describe('Application Gateway for Containers settings (used when controller is agc).'),
  agic: agicSchema.prefault({}).describe('AGIC settings (used when controller is agic).'),
});

const SEVERITY = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

const trivySchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Install the Trivy operator in trivy-system. Default: true.'),
  chartVersion: chartVersion(TRIVY_OPERATOR_CHART.version),
  ignoreUnfixed: z.boolean().default(true).describe('Report only vulnerabilities with a fix (`trivy.ignoreUnfixed`). Default: true (the seed).'),
  severities: z.array(z.enum(SEVERITY)).min(1).default(['HIGH', 'CRITICAL']).describe('Severities reported. Default: HIGH, CRITICAL.'),
  scanJobsConcurrentLimit: z.int().min(1).max(50).default(3).describe('Scan jobs at once. Default: 3.'),
  scanJobResources: z
    .strictObject({ requests: resources, limits: resources })
    .default({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } })
    .describe('Scan job container resources. Default: requests 100m/128Mi, limits 500m/512Mi.'),
  scanJobNodePool: z
    .string()
    .optional()
    .describe('Node pool scan jobs run on (its labels become the node selector, its taints tolerated). Default: the first user pool.'),
  values,
  release: release.prefault({}),
});

/** In-cluster add-ons besides ingress and Velero. */
export const addonsSchema = z.strictObject({
  trivyOperator: trivySchema.prefault({}).describe('Trivy operator: continuous vulnerability and configuration scanning.'),
});

export type IngressConfig = z.output<typeof ingressSchema>;
export type AddonsConfig = z.output<typeof addonsSchema>;
export type ReleaseConfig = z.output<typeof release>;
export { values as helmValuesSchema, release as releaseSchema, chartVersion as chartVersionSchema };
