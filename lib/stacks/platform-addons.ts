/**
 * What the platform stack installs: the application namespaces with their baseline, the chosen ingress controller,
 * the Trivy operator and Velero. Wiring only: every Azure value comes from the infra stack's typed outputs.
 */
import type { ResolvedEnvironment } from '../config';
import type { NamespaceConfig } from '../config/schema/namespaces';
import { AlbController, ALB_CONTROLLER_POD_SECURITY, ALB_CONTROLLER_POD_SECURITY_REASON } from '../constructs/addons/alb-controller';
import { IngressNginx, INGRESS_NGINX_POD_SECURITY } from '../constructs/addons/ingress-nginx';
import { TrivyOperator, TRIVY_OPERATOR_POD_SECURITY, TRIVY_OPERATOR_POD_SECURITY_REASON } from '../constructs/addons/trivy-operator';
import { TRIVY_NAMESPACE } from '../constructs/addons/trivy-operator/azure';
import { Velero, VELERO_NAMESPACE, veleroPodSecurity, veleroPodSecurityReason } from '../constructs/addons/velero';
import { NamespaceBaseline, type IngressPeer } from '../constructs/k8s/namespace-baseline';
import type { AddonInfraOutputs } from './addon-infra';
import { AddonValuesError, type AddonValuesFailure } from './addon-values-error';
import { ChartValuesError } from '../azure/chart-catalog';
import { BUILT_IN_NAMESPACES } from './secrets-wiring';
import type { Construct } from 'constructs';
import type { PlatformNamespace, PlatformNamespaceProps } from '../constructs/k8s/namespace';

/** What the add-ons need of the platform stack: a scope that creates each namespace once (`PlatformStack`). */
export interface NamespaceHost extends Construct {
  /** The namespace `name`, created on first request; later callers get the same construct. */
  namespace(name: string, props?: Omit<PlatformNamespaceProps, 'name'>): PlatformNamespace;
}

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
  return new NamespaceBaseline(stack, `baseline-${name}`, {
    namespace: created.name,
    quota: ns?.quota,
    limits: ns?.limits,
    denyAllIngress: ns?.denyAllIngress,
    denyAllEgress: ns?.denyAllEgress,
    httpsEgressCidrs: ns?.httpsEgressCidrs,
    allowIngress: Object.entries(ns?.allowIngress ?? {}).map(([ruleName, r]) => ({ name: ruleName, ...r })),
    ingressControllerFrom: (ns?.allowFromIngress ?? true) ? ingressFrom : undefined,
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
  if (ing.controller === 'agc' && ing.agc.subnetCidr) return [{ ipBlock: ing.agc.subnetCidr }];
  return undefined;
}

/** The environment's application namespaces: `namespaces` entries and the workloads' (not the built-in ones). */
function applicationNamespaceNames(env: ResolvedEnvironment): string[] {
  const workloads = Object.values(env.workloads ?? {}).flatMap((w) => (w && !BUILT_IN_NAMESPACES.includes(w.namespace) ? [w.namespace] : []));
  return [...new Set([...Object.keys(env.namespaces), ...workloads])];
}

/** The ingress-nginx namespace. */
const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';

export interface PlatformAddons {
  readonly namespaces: Record<string, NamespaceBaseline>;
  readonly ingressNginx?: IngressNginx;
  readonly albController?: AlbController;
  readonly trivyOperator?: TrivyOperator;
  readonly velero?: Velero;
}

/** Builds one add-on; a failed values check is recorded with the configuration block the values came from. */
function fromConfig<T>(env: ResolvedEnvironment, block: string, failures: AddonValuesFailure[], build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof ChartValuesError)) throw e;
    failures.push({ block: `environments.${env.name}.${block}`, cause: e });
    return undefined;
  }
}

export function buildPlatformAddons(stack: NamespaceHost, env: ResolvedEnvironment, infra: AddonInfraOutputs): PlatformAddons {
  const namespaces: Record<string, NamespaceBaseline> = {};
  const failures: AddonValuesFailure[] = [];
  const ingressFrom = ingressControllerPeers(env);
  for (const [name, ns] of Object.entries(env.namespaces)) namespaces[name] = applicationNamespace(stack, name, ns, ingressFrom);

  const ing = env.ingress;
  let ingressNginx: IngressNginx | undefined;
  let albController: AlbController | undefined;
  if (ing.controller === 'nginx') {
    const ns = stack.namespace(INGRESS_NGINX_NAMESPACE, { podSecurity: INGRESS_NGINX_POD_SECURITY, labels: ADDON_LABELS });
    ingressNginx = fromConfig(env, 'ingress.nginx', failures, () => new IngressNginx(stack, 'ingress-nginx', {
      ...ing.nginx.release,
      namespace: ns.name,
      replicaCount: ing.nginx.replicas,
      internal: ing.nginx.loadBalancer === 'internal',
      publicIp: infra.ingressPublicIp,
      requests: ing.nginx.requests,
      metrics: ing.nginx.metrics,
      chartVersion: ing.nginx.chartVersion,
      values: ing.nginx.values,
    }));
  } else if (ing.controller === 'agc' && infra.agc) {
    const agc = infra.agc;
    const ns = stack.namespace(ing.agc.namespace, { podSecurity: ALB_CONTROLLER_POD_SECURITY, podSecurityReason: ALB_CONTROLLER_POD_SECURITY_REASON, labels: ADDON_LABELS });
    albController = fromConfig(env, 'ingress.agc', failures, () => new AlbController(stack, 'alb-controller', {
      ...ing.agc.release,
      namespace: ns.name,
      clientId: agc.clientId,
      subnetId: agc.subnetId,
      albName: ing.agc.albName,
      chartVersion: ing.agc.chartVersion,
      values: ing.agc.values,
    }));
  }

  let trivyOperator: TrivyOperator | undefined;
  const trivy = env.addons.trivyOperator;
  if (trivy.enabled) {
    const ns = stack.namespace(TRIVY_NAMESPACE, { podSecurity: TRIVY_OPERATOR_POD_SECURITY, podSecurityReason: TRIVY_OPERATOR_POD_SECURITY_REASON, labels: ADDON_LABELS });
    const pool = trivy.scanJobNodePool
      ? env.nodePools.find((p) => p.name === trivy.scanJobNodePool)
      : env.nodePools.find((p) => p.kind === 'user');
    trivyOperator = fromConfig(env, 'addons.trivyOperator', failures, () => new TrivyOperator(stack, 'trivy-operator', {
      ...trivy.release,
      namespace: ns.name,
      ignoreUnfixed: trivy.ignoreUnfixed,
      severities: trivy.severities,
      scanJobsConcurrentLimit: trivy.scanJobsConcurrentLimit,
      scanJobResources: trivy.scanJobResources,
      scanJobNodeSelector: pool ? { 'kubernetes.azure.com/agentpool': pool.name } : undefined,
      scanJobTolerations: pool?.taints,
      clientId: infra.trivy?.clientId,
      chartVersion: trivy.chartVersion,
      values: trivy.values,
    }));
  }

  let velero: Velero | undefined;
  const backup = env.backup;
  if (backup.enabled && infra.velero) {
    const store = infra.velero;
    const ns = stack.namespace(VELERO_NAMESPACE, { podSecurity: veleroPodSecurity(backup.nodeAgent), podSecurityReason: veleroPodSecurityReason(backup.nodeAgent), labels: ADDON_LABELS });
    velero = fromConfig(env, 'backup', failures, () => new Velero(stack, 'velero', {
      ...backup.release,
      namespace: ns.name,
      storage: { ...store, subscriptionId: infra.subscriptionId, nodeResourceGroup: infra.nodeResourceGroup },
      snapshotMode: backup.snapshots,
      nodeAgent: backup.nodeAgent,
      schedules: Object.fromEntries(
        Object.entries(backup.schedules).map(([name, { includeApplicationNamespaces, ...s }]) => [
          name,
          { ...s, includedNamespaces: includeApplicationNamespaces ? [...new Set([...s.includedNamespaces, ...applicationNamespaceNames(env)])] : s.includedNamespaces },
        ]),
      ),
      pluginImage: backup.pluginImage,
      chartVersion: backup.chartVersion,
      values: backup.values,
    }));
  }
  if (failures.length > 0) throw new AddonValuesError(failures);
  return { namespaces, ingressNginx, albController, trivyOperator, velero };
}
