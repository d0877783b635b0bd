import { Construct } from 'constructs';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { ResolvedEnvironment } from '../config';
import { KUBELOGIN_MODES, type KubeloginMode } from '../enums';
import { PlatformNamespace, type PlatformNamespaceProps } from '../constructs/k8s/namespace';
import { configureBackend, type BackendContext } from './backend';
import type { ClusterConnection } from './infra-stack';
import { wirePlatformSecrets, type WorkloadBinding } from './secrets-wiring';
import type { AddonInfraOutputs } from './addon-infra';
import { applicationNamespace, buildPlatformAddons, ingressControllerPeers, type PlatformAddons } from './platform-addons';

export interface PlatformStackProps {
  readonly env: ResolvedEnvironment;
  readonly backend: BackendContext;
  /** The cluster, from the infra stack. */
  readonly cluster: ClusterConnection;
  /** Workloads reading Key Vault, from the infra stack. @default [] */
  readonly workloads?: readonly WorkloadBinding[];
  /** The add-ons' Azure side, from the infra stack. @default - no add-ons, no application namespaces */
  readonly addons?: AddonInfraOutputs;
}

/** AKS's fixed Entra ID server application ID: the audience of every AKS API server token. */
export const AKS_SERVER_APP_ID = '6dae42f8-4368-4678-94ff-3960e28e3630';

/**
 * The kubelogin exec plugin both providers use. Local accounts are disabled, so there is no admin kubeconfig to
 * read: a token comes from kubelogin at plan/apply time and never lands in state or in synthesized output. `mode`
 * may be a token (the `kubelogin_mode` variable), so the tenant is always passed: kubelogin's `get-token` takes
 * `--tenant-id` in every mode (spn and workloadidentity need it; azurecli asks the CLI for a token of that tenant;
 * msi ignores it). Source: https://azure.github.io/kubelogin/cli/get-token.html
 */
export function kubeloginExec(mode: KubeloginMode | string, tenantId: string) {
  const args = ['get-token', '--login', mode, '--server-id', AKS_SERVER_APP_ID, '--tenant-id', tenantId];
  return { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'kubelogin', args };
}

/** The name of the platform stack's Terraform variable that selects the kubelogin mode at plan/apply time. */
export const KUBELOGIN_MODE_VARIABLE = 'kubelogin_mode';

/**
 * The `kubelogin_mode` variable: the configured `platform.kubeloginMode` is its default, so the same synthesized
 * output runs on a workstation (`azurecli`) and in a pipeline (`TF_VAR_kubelogin_mode=workloadidentity`, or a
 * Terraform Cloud workspace variable) without synthesizing again.
 */
export function kubeloginModeVariable(scope: Construct, mode: KubeloginMode): TerraformVariable {
  const v = new TerraformVariable(scope, KUBELOGIN_MODE_VARIABLE, {
    type: 'string',
    default: mode,
    description: `How the helm and kubernetes providers get a cluster token (kubelogin get-token --login): ${KUBELOGIN_MODES.join(', ')}. Set TF_VAR_kubelogin_mode in a pipeline.`,
    validation: [
      {
        condition: `\${contains(${JSON.stringify(KUBELOGIN_MODES)}, var.${KUBELOGIN_MODE_VARIABLE})}`,
        errorMessage: `kubelogin_mode must be one of: ${KUBELOGIN_MODES.join(', ')}.`,
      },
    ],
  });
  v.overrideLogicalId(KUBELOGIN_MODE_VARIABLE);
  return v;
}

/**
 * `<env>-platform`: what runs inside the cluster (helm, kubernetes). It is a separate stack because these
 * providers must be configured from a cluster that already exists; it reads the infra stack only through
 * cross-stack references.
 */
export class PlatformStack extends TerraformStack {
  readonly kubernetesProvider: KubernetesProvider;
  readonly helmProvider: HelmProvider;
  private readonly namespaces = new Map<string, PlatformNamespace>();
  /** Namespaces with their baseline, ingress, Trivy operator and Velero (when `addons` is given). */
  readonly addons?: PlatformAddons;
  /** Whether a network policy engine enforces NetworkPolicies (network.policy is not none): without one none are written. */
  readonly networkPoliciesEnforced: boolean;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id);
    const { env, cluster } = props;
    this.networkPoliciesEnforced = env.network.policy !== 'none';
    configureBackend(this, id, env.backend, props.backend);

    const exec = kubeloginExec(kubeloginModeVariable(this, env.platform.kubeloginMode).stringValue, env.tenantId);
    const caCert = Fn.base64decode(cluster.clusterCaCertificate);
    this.kubernetesProvider = new KubernetesProvider(this, 'kubernetes', {
      host: cluster.host,
      clusterCaCertificate: caCert,
      exec: [exec],
    });
    this.helmProvider = new HelmProvider(this, 'helm', {
      kubernetes: { host: cluster.host, clusterCaCertificate: caCert, exec },
    });

    // Add-ons and the namespace baseline first: they create namespaces with their Pod Security level and labels;
    // workloads then find those namespaces; a namespace only a workload needs is an application namespace too and
    // gets the same baseline (quota, limits, default-deny ingress) with its defaults.
    if (props.addons) this.addons = buildPlatformAddons(this, env, props.addons);
    const ingressFrom = props.addons ? ingressControllerPeers(env) : undefined;
    wirePlatformSecrets(this, props.workloads ?? [], (name) => this.workloadNamespace(name, ingressFrom));
  }

  /**
   * A workload's namespace: one that exists already (an add-on's, or a `namespaces` entry) as it is; otherwise an
   * application namespace with the namespace baseline's defaults.
   */
  private workloadNamespace(name: string, ingressFrom?: Parameters<typeof applicationNamespace>[3]): PlatformNamespace {
    if (!this.namespaces.has(name)) applicationNamespace(this, name, undefined, ingressFrom);
    return this.namespace(name);
  }

  /**
   * The namespace `name`, created once by this stack however many add-ons or workloads ask for it. The first
   * caller's props win; later callers get the same construct.
   */
  namespace(name: string, props: Omit<PlatformNamespaceProps, 'name'> = {}): PlatformNamespace {
    let ns = this.namespaces.get(name);
    if (!ns) {
      ns = new PlatformNamespace(this, `namespace-${name}`, { ...props, name });
      this.namespaces.set(name, ns);
    }
    return ns;
  }
}
