import { z } from 'zod';
import { DNS_LABEL_PATTERN, POD_SECURITY_LABEL_PREFIX, SEED_RESOURCE_QUOTA } from '../../azure/kubernetes';
import { ipv4Cidr, k8sLabels } from './common';

const cpuMemory = z.strictObject({ cpu: z.string().min(1), memory: z.string().min(1) });
const labels = k8sLabels;

const allowRule = z.strictObject({
  podSelector: labels.optional().describe('Pods the rule applies to, by label. Default: every pod in the namespace.'),
  from: z
    .array(
      z
        .strictObject({ podSelector: labels.optional(), namespaceSelector: labels.optional(), ipBlock: ipv4Cidr.optional() })
        .refine((p) => p.ipBlock === undefined || (!p.podSelector && !p.namespaceSelector), { message: 'ipBlock goes alone (allowed: ipBlock, or podSelector/namespaceSelector)' }),
    )
    .min(1)
    .describe('Allowed sources: pods and/or namespaces by label, or an address range (ipBlock, alone; e.g. an Application Gateway subnet).'),
  ports: z
    .array(z.strictObject({ port: z.int().min(1).max(65535), protocol: z.enum(['TCP', 'UDP', 'SCTP']).default('TCP') }))
    .default([])
    .describe('Allowed ports. Default: all.'),
});

/** One application namespace and its baseline. */
export const namespaceSchema = z.strictObject({
  podSecurity: z
    .enum(['restricted', 'baseline'])
    .default('restricted')
    .describe('Pod Security Standards level for enforce, audit and warn. Default: restricted.'),
  quota: z
    .record(z.string(), z.string())
    .default({ ...SEED_RESOURCE_QUOTA })
    .describe('ResourceQuota spec.hard ({} for none). Default: the AKS baseline\'s (requests 100 CPU/200Gi, limits 200/400Gi, 20 PVCs, 5 load balancers).'),
  limits: z
    .strictObject({
      container: z.strictObject({ max: cpuMemory, min: cpuMemory, default: cpuMemory, defaultRequest: cpuMemory }),
      pod: z.strictObject({ max: cpuMemory, min: cpuMemory }),
    })
    .optional()
    .describe('LimitRange. Default: the AKS baseline\'s (container 100m-4 CPU, 128Mi-8Gi, default 500m/512Mi, request 200m/256Mi; pod up to 8 CPU/16Gi).'),
  denyAllIngress: z.boolean().default(true).describe('Default-deny ingress NetworkPolicy. Default: true.'),
  denyAllEgress: z
    .boolean()
    .default(false)
    .describe('Default-deny egress NetworkPolicy, keeping DNS (cluster DNS, port 53) and HTTPS (httpsEgressCidrs, port 443: Entra ID token exchange, Key Vault) open. Default: false.'),
  httpsEgressCidrs: z.array(ipv4Cidr).min(1).default(['0.0.0.0/0']).describe('Where HTTPS egress goes under denyAllEgress (Entra ID has no fixed ranges). Default: ["0.0.0.0/0"].'),
  allowFromIngress: z
    .boolean()
    .default(true)
    .describe('With denyAllIngress and an in-cluster ingress controller, an allow-from-ingress-controller policy: nginx reaches every pod from the ingress-nginx namespace, agc from ingress.agc.subnetCidr (agic: add an allowIngress rule with the gateway subnet as ipBlock). Default: true.'),
  allowIngress: z.record(z.string().regex(DNS_LABEL_PATTERN), allowRule).default({}).describe('Allowed ingress flows by policy name. Default: none.'),
  labels: labels
    .refine((l) => !Object.keys(l).some((k) => k.startsWith(POD_SECURITY_LABEL_PREFIX) || k === 'platform/role'), {
      message: 'Pod Security labels come from podSecurity and platform/role is set by the platform (allowed: other labels)',
    })
    .default({})
    .describe('Extra namespace labels; not pod-security.kubernetes.io/* (set by podSecurity) nor platform/role (always application). Default: none.'),
});

export const namespacesSchema = z
  .record(z.string().regex(DNS_LABEL_PATTERN), namespaceSchema)
  .prefault({ production: {}, staging: {} })
  .describe('Application namespaces by name, each with Pod Security labels, quota, limits and network policies. Set one to null to drop it. Default: production and staging.');

export type NamespaceConfig = z.output<typeof namespaceSchema>;
