import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { stringify } from 'yaml';
import type { KeyVaultObjectType } from '../../enums';

export const SECRET_PROVIDER_CLASS_API_VERSION = 'secrets-store.csi.x-k8s.io/v1';

/** One Key Vault object the class mounts. */
export interface SecretProviderObject {
  /** Object name in the vault. */
  readonly name: string;
  /** `secret`, `key` (public key, PEM) or `cert` (certificate, PEM). @default 'secret' */
  readonly type?: KeyVaultObjectType;
  /** Object version. @default '' (the latest) */
  readonly version?: string;
  /** File name in the mount instead of the object name. @default - the object name */
  readonly alias?: string;
}

/** A Kubernetes Secret the driver keeps in sync with mounted objects (`secretObjects`). */
export interface SyncedSecret {
  /** Secret name. */
  readonly secretName: string;
  /** Secret type. @default 'Opaque' */
  readonly type?: string;
  /** Secret keys, each from one mounted object (its alias when it has one). */
  readonly data: { readonly objectName: string; readonly key: string }[];
  /** Labels on the Secret. @default - none */
  readonly labels?: Record<string, string>;
}

/** How the driver authenticates to Key Vault (seed 000). */
export type SecretProviderIdentity =
  /** Workload identity: the pod's ServiceAccount token is exchanged for the identity with this client ID. */
  | { readonly mode: 'workloadIdentity'; readonly clientId: string }
  /**
   * A user-assigned identity on the nodes (the secrets-provider add-on's, or the kubelet's): `useVMManagedIdentity`
   * with `userAssignedIdentityID` = its client ID.
   */
  | { readonly mode: 'vmManagedIdentity'; readonly userAssignedIdentityId: string };

export interface SecretProviderClassProps {
  /** Class name, unique per namespace (pods name it in `volumeAttributes.secretProviderClass`). */
  readonly name: string;
  /** Namespace (pass the namespace construct's `name` so the class waits for it). */
  readonly namespace: string;
  /** How the driver authenticates. */
  readonly identity: SecretProviderIdentity;
  /** Vault name. */
  readonly keyVaultName: string;
  /** Tenant of the vault. */
  readonly tenantId: string;
  /** Objects to mount; at least one. */
  readonly objects: SecretProviderObject[];
  /** Kubernetes Secrets to sync. @default [] */
  readonly secretObjects?: SyncedSecret[];
  /** Azure cloud. @default '' (AzurePublicCloud) */
  readonly cloudName?: string;
}

/** The driver's `objects` parameter: a YAML string `array:` of YAML strings, exactly as seed 000 writes it. */
export function objectsParameter(objects: SecretProviderObject[]): string {
  const entries = objects.map((o) =>
    stringify({ objectName: o.name, objectType: o.type ?? 'secret', objectVersion: o.version ?? '', ...(o.alias ? { objectAlias: o.alias } : {}) }),
  );
  return stringify({ array: entries });
}

/** The SecretProviderClass object (plain data; tokens stay tokens), validated offline against the vendored CRD. */
export function secretProviderClassManifest(props: SecretProviderClassProps) {
  const auth: Record<string, string> =
    props.identity.mode === 'workloadIdentity'
      ? { clientID: props.identity.clientId }
      : { useVMManagedIdentity: 'true', userAssignedIdentityID: props.identity.userAssignedIdentityId };
  const secretObjects = (props.secretObjects ?? []).map((s) => ({
    secretName: s.secretName,
    type: s.type ?? 'Opaque',
    data: s.data.map((d) => ({ objectName: d.objectName, key: d.key })),
    ...(s.labels ? { labels: s.labels } : {}),
  }));
  return {
    apiVersion: SECRET_PROVIDER_CLASS_API_VERSION,
    kind: 'SecretProviderClass' as const,
    metadata: { name: props.name, namespace: props.namespace },
    spec: {
      provider: 'azure',
      parameters: {
        usePodIdentity: 'false',
        ...auth,
        keyvaultName: props.keyVaultName,
        cloudName: props.cloudName ?? '',
        objects: objectsParameter(props.objects),
        tenantId: props.tenantId,
      },
      ...(secretObjects.length ? { secretObjects } : {}),
    },
  };
}

/**
 * A `SecretProviderClass` for the Azure Key Vault provider of the Secrets Store CSI driver.
 *
 * Why `kubernetes_manifest`: the class is a custom resource; the kubernetes provider has no typed resource for it,
 * and the alternatives are worse (a local Helm chart hides the object from plan diffs; a kubectl provider is one
 * more unpinned dependency). `kubernetes_manifest` needs a reachable API server with the CRD installed when
 * planning; that holds here because this lives in the platform stack, which is planned only after the infra stack
 * has created the cluster, and the AKS secrets-provider add-on installs the CRD with the cluster.
 */
export class SecretProviderClass extends Construct {
  readonly resource: Manifest;

  constructor(scope: Construct, id: string, props: SecretProviderClassProps) {
    super(scope, id);
    if (props.objects.length === 0) throw new Error(`${this.node.path}: objects is empty (allowed: one or more Key Vault objects)`);
    const files = props.objects.map((o) => o.alias ?? o.name);
    const dup = files.find((f, i) => files.indexOf(f) !== i);
    if (dup) throw new Error(`${this.node.path}: objects: two objects mount as "${dup}" (allowed: unique names or aliases)`);
    for (const s of props.secretObjects ?? []) {
      for (const d of s.data) {
        if (!Token.isUnresolved(d.objectName) && !files.includes(d.objectName)) {
          throw new Error(`${this.node.path}: secretObjects ${s.secretName}: objectName "${d.objectName}" is not mounted (allowed: ${files.join(', ')})`);
        }
      }
    }
    this.resource = new Manifest(this, 'manifest', { manifest: secretProviderClassManifest(props) });
  }
}
