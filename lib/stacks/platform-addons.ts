/**
 * What the platform stack installs: the application namespaces with their baseline, the chosen ingress controller,
 * the Trivy operator and Velero. Wiring only: every Azure value comes from the infra stack's typed outputs.
 */
import { subnetOfRole } from '../config/network-plan';
import type { ResolvedEnvironment } from '../config';
import type { NamespaceConfig } from '../config/schema/namespaces';
import type { NamespaceHost } from '../addons/add-on';
import { INGRESS_NGINX_NAMESPACE } from '../addons/ingress-nginx/addon';
import { ADDONS } from '../addons/registry';
import { NamespaceBaseline, type IngressPeer } from '../constructs/k8s/namespace-baseline';
import type { AddonInfraOutputs } from './addon-infra';
import { AddonValuesError, type AddonValuesFailure } from './addon-values-error';
import { ChartValuesError } from '../azure/chart-catalog';
import { BUILT_IN_NAMESPACES } from './secrets-wiring';
import type { Construct } from 'constructs';

export type { NamespaceHost };

/** Labels every add-on namespace carries. */
const ADDON_LABELS = { 'app.kubernetes.io/managed-by': 'cdktf', 'platform/role': 'addon' };

/**
 * An application namespace: restricted Pod Security (or the configured level), `platform/role: application`, and
 * the namespace baseline (quota, limits, default-deny ingress). From a `namespaces` entry, or with the baseline's
 * defaults for a namespace a workload needs (`ns` undefined). The construct ID `baseline-<name>` is the same either
 * way, so moving a namespace from `workloads` to `namespaces` keeps its Terraform addresses.
 */
export function applicationNamespace(stack: NamespaceHost, name: string, ns?: NamespaceConfig, ingressFrom?: IngressPeer[]): NamespaceBaseline {
  const created = stack.namespace(name, { podSecurity: ns?.podSecurity ?? 'restricted', labels: { ...ns?.labels, 'platform/role': 'application' } });
  // With network.policy none nothing enforces a NetworkPolicy: none are written (production refuses the combination
  // at synth, development warns; lib/config/checks-cluster-settings.ts).
  const enforced = stack.networkPoliciesEnforced ?? true;
  return new NamespaceBaseline(stack, `baseline-${name}`, {
    namespace: created.name,
    quota: ns?.quota,
    limits: ns?.limits,
    denyAllIngress: enforced ? ns?.denyAllIngress : false,
    denyAllEgress: enforced ? ns?.denyAllEgress : false,
    httpsEgressCidrs: ns?.httpsEgressCidrs,
    allowIngress: enforced ? Object.entries(ns?.allowIngress ?? {}).map(([ruleName, r]) => ({ name: ruleName, ...r })) : [],
    ingressControllerFrom: enforced && (ns?.allowFromIngress ?? true) ? ingressFrom : undefined,
  });
}

/**
 * Where the environment's ingress controller reaches backend pods from: the ingress-nginx namespace, or the AGC
 * association subnet (AGC's proxies connect to pod IPs from it). None for AGIC (the gateway's subnet is not in the
 * configuration: name it in an allowIngress ipBlock) or no controller.
 */
export function ingressControllerPeers(env: ResolvedEnvironment): IngressPeer[] | undefined {
  const ing = env.ingress;
  if (ing.controller === 'nginx') return [{ namespaceSelector: { 'kubernetes.io/metadata.name': INGRESS_NGINX_NAMESPACE } }];
  if (ing.controller === 'agc') {
    // The landing zone's AGC subnet (network.vnet.subnets, role applicationGatewayForContainers) or ingress.agc.subnetCidr.
    const cidr = subnetOfRole(env, 'applicationGatewayForContainers')?.cidr ?? ing.agc.subnetCidr;
    if (cidr) return [{ ipBlock: cidr }];
  }
  return undefined;
}

/** The environment's application namespaces: `namespaces` entries and the workloads' (not the built-in ones). */
function applicationNamespaceNames(env: ResolvedEnvironment): string[] {
  const workloads = Object.values(env.workloads ?? {}).flatMap((w) => (w && !BUILT_IN_NAMESPACES.includes(w.namespace) ? [w.namespace] : []));
  return [...new Set([...Object.keys(env.namespaces), ...workloads])];
}

export interface PlatformAddons {
  readonly namespaces: Record<string, NamespaceBaseline>;
  /** Each add-on's cluster-side construct, by add-on name. */
  readonly releases: Record<string, Construct>;
}

/**
 * The application namespaces, then every enabled add-on of the registry (lib/addons/registry.ts): its namespace
 * with its Pod Security level, then its cluster side. A failed values check is recorded with the configuration block
 * the values came from; all of them are reported at once.
 */
export function buildPlatformAddons(stack: NamespaceHost, env: ResolvedEnvironment, infra: AddonInfraOutputs): PlatformAddons {
  const namespaces: Record<string, NamespaceBaseline> = {};
  const failures: AddonValuesFailure[] = [];
  const ingressFrom = ingressControllerPeers(env);
  for (const [name, ns] of Object.entries(env.namespaces)) namespaces[name] = applicationNamespace(stack, name, ns, ingressFrom);

  const releases: Record<string, Construct> = {};
  const cluster = { subscriptionId: infra.subscriptionId, nodeResourceGroup: infra.nodeResourceGroup };
  const applicationNamespaces = applicationNamespaceNames(env);
  for (const addOn of ADDONS) {
    if (!addOn.platform || !addOn.enabled(env)) continue;
    const outputs = infra.addOns[addOn.name];
    const n = addOn.namespace?.(env);
    const namespace = n && stack.namespace(n.name, { podSecurity: n.podSecurity, podSecurityReason: n.reason, labels: ADDON_LABELS });
    try {
      const built = addOn.platform({ scope: stack, env, namespace, cluster, applicationNamespaces }, outputs);
      if (built) releases[addOn.name] = built;
    } catch (e) {
      if (!(e instanceof ChartValuesError)) throw e;
      failures.push({ block: `environments.${env.name}.${addOn.configBlock}`, cause: e });
    }
  }
  if (failures.length > 0) throw new AddonValuesError(failures);
  return { namespaces, releases };
}
