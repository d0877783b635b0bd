import { Construct } from 'constructs';
import { KubernetesClusterExtension } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-extension';
import { KubernetesFluxConfiguration } from '@cdktf/provider-azurerm/lib/kubernetes-flux-configuration';

export interface ClusterExtensionProps {
  /** Extension name. Forces replacement. */
  readonly name: string;
  /** The cluster's resource ID. */
  readonly clusterId: string;
  /** Extension type (`microsoft.flux`, `Microsoft.Dapr`, ...). Forces replacement. */
  readonly type: string;
  /** Release train. @default the extension's default */
  readonly releaseTrain?: string;
  /** Pinned version. @default the release train's latest */
  readonly version?: string;
  /** Namespace of a cluster-scoped extension. @default the extension's own */
  readonly releaseNamespace?: string;
  /** Configuration settings (never secrets: they are plain in state and output). @default {} */
  readonly settings?: Record<string, string>;
}

/** An AKS cluster extension (`az k8s-extension create --cluster-type managedClusters`). */
export class ClusterExtension extends Construct {
  readonly resource: KubernetesClusterExtension;

  constructor(scope: Construct, id: string, props: ClusterExtensionProps) {
    super(scope, id);
    const settings = props.settings ?? {};
    this.resource = new KubernetesClusterExtension(this, 'extension', {
      name: props.name,
      clusterId: props.clusterId,
      extensionType: props.type,
      releaseTrain: props.releaseTrain,
      version: props.version,
      releaseNamespace: props.releaseNamespace,
      configurationSettings: Object.keys(settings).length ? settings : undefined,
    });
  }
}

/** One Flux kustomization. */
export interface FluxKustomization {
  readonly path: string;
  readonly syncIntervalSeconds: number;
  readonly timeoutSeconds: number;
  /** Delete what was removed from Git. */
  readonly prune: boolean;
  /** Kustomizations of the same configuration applied first. */
  readonly dependsOn: readonly string[];
}

export interface FluxConfigurationProps {
  /** Configuration name. Forces replacement. */
  readonly name: string;
  readonly clusterId: string;
  /** The Flux extension: the configuration waits for it. */
  readonly extension: ClusterExtension;
  /** @default 'flux-system' */
  readonly namespace?: string;
  /** @default 'cluster' */
  readonly scope?: 'cluster' | 'namespace';
  /** Git URL without credentials (https:// or ssh://git@). */
  readonly url: string;
  /** @default 'main' */
  readonly branch?: string;
  /** @default 600 */
  readonly syncIntervalSeconds?: number;
  /** @default 600 */
  readonly timeoutSeconds?: number;
  /** An existing Kubernetes Secret with the Git credentials. @default none (public repository) */
  readonly localAuthSecret?: string;
  /** Kustomizations by name. */
  readonly kustomizations: Readonly<Record<string, FluxKustomization>>;
}

/** Credentials in a URL: `scheme://user:password@` or an https token/user before `@`. */
const CREDENTIALS = /^[a-z+]+:\/\/[^/@]*:[^/@]*@|^https:\/\/[^/@]+@/i;

/** A Flux configuration (`az k8s-configuration flux create`): a Git source and its kustomizations. */
export class FluxConfiguration extends Construct {
  readonly resource: KubernetesFluxConfiguration;

  constructor(scope: Construct, id: string, props: FluxConfigurationProps) {
    super(scope, id);
    if (CREDENTIALS.test(props.url)) {
      throw new Error(`FluxConfiguration ${props.name}: the repository URL carries credentials; allowed: a URL without them, with localAuthSecret naming a Kubernetes Secret`);
    }
    const names = Object.keys(props.kustomizations);
    if (names.length === 0) throw new Error(`FluxConfiguration ${props.name}: no kustomizations; allowed: at least one`);
    this.resource = new KubernetesFluxConfiguration(this, 'configuration', {
      name: props.name,
      clusterId: props.clusterId,
      namespace: props.namespace ?? 'flux-system',
      scope: props.scope ?? 'cluster',
      gitRepository: {
        url: props.url,
        referenceType: 'branch',
        referenceValue: props.branch ?? 'main',
        syncIntervalInSeconds: props.syncIntervalSeconds ?? 600,
        timeoutInSeconds: props.timeoutSeconds ?? 600,
        localAuthReference: props.localAuthSecret,
      },
      kustomizations: names.map((name) => {
        const k = props.kustomizations[name];
        return {
          name,
          path: k.path,
          syncIntervalInSeconds: k.syncIntervalSeconds,
          timeoutInSeconds: k.timeoutSeconds,
          garbageCollectionEnabled: k.prune,
          dependsOn: k.dependsOn.length ? [...k.dependsOn] : undefined,
        };
      }),
      dependsOn: [props.extension.resource],
    });
  }
}
