/** `gitops` in platform.yaml: the Flux extension and its configurations, and other cluster extensions. */
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../config';
import type { AksCluster } from '../constructs/aks-cluster';
import { ClusterExtension, FluxConfiguration } from '../constructs/cluster-extension';

/** The Flux extension's settings for the controller toggles. */
export function fluxControllerSettings(c: ResolvedEnvironment['gitops']['flux']['controllers']): Record<string, string> {
  return {
    'helm-controller.enabled': String(c.helm),
    'kustomize-controller.enabled': String(c.kustomize),
    'notification-controller.enabled': String(c.notification),
    'image-automation-controller.enabled': String(c.imageAutomation),
    'image-reflector-controller.enabled': String(c.imageAutomation),
  };
}

export function wireGitops(scope: Construct, env: ResolvedEnvironment, cluster: AksCluster): void {
  const g = env.gitops;
  const flux = g.flux;
  if (flux.enabled) {
    const extension = new ClusterExtension(scope, 'flux', {
      name: 'flux',
      clusterId: cluster.id,
      type: 'microsoft.flux',
      releaseTrain: flux.releaseTrain,
      version: flux.version,
      settings: fluxControllerSettings(flux.controllers),
    });
    for (const [name, c] of Object.entries(flux.configurations)) {
      new FluxConfiguration(scope, `flux-${name}`, { ...c, name, clusterId: cluster.id, extension });
    }
  }
  for (const [name, e] of Object.entries(g.extensions)) {
    new ClusterExtension(scope, `extension-${name}`, { ...e, name, clusterId: cluster.id });
  }
}
