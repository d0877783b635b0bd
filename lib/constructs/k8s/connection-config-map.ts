import { Construct } from 'constructs';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';

/**
 * The connection settings one workload identity needs, under the default environment variable names Service
 * Connector documents for each target ("Integrate Azure Key Vault / Blob Storage with Service Connector", the
 * user-assigned managed identity and workload identity tables), so applications written against Service Connector
 * read the same names. No secret: with workload identity there is none.
 *
 * Not repeated here: AZURE_FEDERATED_TOKEN_FILE and AZURE_AUTHORITY_HOST, which the workload identity webhook
 * injects into every pod labelled `azure.workload.identity/use: "true"`.
 */
export interface ConnectionTargets {
  /** The workload identity's client ID. */
  readonly clientId: string;
  /** Entra ID tenant. */
  readonly tenantId: string;
  /** Key Vault data-plane URI (`https://<vault>.vault.azure.net/`). */
  readonly keyVaultUri: string;
  /** Blob endpoint of a storage account the identity is granted (`https://<account>.blob.core.windows.net/`). @default none */
  readonly storageBlobEndpoint?: string;
  /** Login server of a registry the identity may pull from (`<name>.azurecr.io`). @default none */
  readonly registryLoginServer?: string;
}

/** Key Vault's data-plane token scope. */
export const KEY_VAULT_SCOPE = 'https://vault.azure.net/.default';

/** The ConfigMap data for `targets`: variable name to value, in a stable order. */
export function connectionSettings(t: ConnectionTargets): Record<string, string> {
  const data: Record<string, string> = {
    AZURE_CLIENT_ID: t.clientId,
    AZURE_TENANT_ID: t.tenantId,
    AZURE_KEYVAULT_RESOURCEENDPOINT: t.keyVaultUri,
    AZURE_KEYVAULT_SCOPE: KEY_VAULT_SCOPE,
    AZURE_KEYVAULT_CLIENTID: t.clientId,
  };
  if (t.storageBlobEndpoint) {
    data.AZURE_STORAGEBLOB_RESOURCEENDPOINT = t.storageBlobEndpoint;
    data.AZURE_STORAGEBLOB_CLIENTID = t.clientId;
  }
  if (t.registryLoginServer) {
    // Service Connector has no registry target; the names follow its <SERVICE>_RESOURCEENDPOINT/_CLIENTID pattern.
    data.AZURE_CONTAINERREGISTRY_RESOURCEENDPOINT = `https://${t.registryLoginServer}`;
    data.AZURE_CONTAINERREGISTRY_CLIENTID = t.clientId;
  }
  return data;
}

export interface ConnectionConfigMapProps {
  /** ConfigMap name, e.g. `<workload>-connection`. */
  readonly name: string;
  /** Namespace (the workload's). */
  readonly namespace: string;
  /** What the workload connects to. */
  readonly targets: ConnectionTargets;
  /** Labels. @default { 'app.kubernetes.io/managed-by': 'cdktf' } */
  readonly labels?: Record<string, string>;
}

/**
 * A ConfigMap with one workload's connection settings, next to its ServiceAccount: pods take it with
 * `envFrom: [{ configMapRef: { name } }]`. It is what Service Connector would create as a Secret, minus anything
 * secret (there is nothing secret with workload identity), so it is a ConfigMap.
 */
export class ConnectionConfigMap extends Construct {
  readonly resource: ConfigMapV1;
  readonly data: Record<string, string>;

  constructor(scope: Construct, id: string, props: ConnectionConfigMapProps) {
    super(scope, id);
    this.data = connectionSettings(props.targets);
    this.resource = new ConfigMapV1(this, 'config-map', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: props.labels ?? { 'app.kubernetes.io/managed-by': 'cdktf' },
      },
      data: this.data,
    });
  }
}
