/**
 * A troubleshooting runbook per environment for the Key Vault provider for the Secrets Store CSI driver (seed 002),
 * with this environment's real names filled in. Written beside the baseline reports (`reports/<env>/runbook.md`).
 * It holds no secret: the connectivity test exchanges the pod's own service account token (workload identity)
 * instead of the seed's client secret.
 */
import type { ResolvedEnvironment } from '../config';
import { vaultAllowsNodeSubnet } from '../config/node-subnet-access';
import { PLACEHOLDER_GUID } from '../config/schema/common';
import { KEY_VAULT_SCOPE } from '../constructs/k8s/connection-config-map';
import { vaultUriFor } from '../constructs/key-vault';
import { BUILT_IN_NAMESPACES } from '../azure/kubernetes';
import { defaultNames } from '../azure/naming';

const fence = (lang: string, body: string) => `\`\`\`${lang}\n${body.trimEnd()}\n\`\`\``;

/** The curl image the connectivity test runs (pinned: a runbook that pulls `latest` is not repeatable). */
export const CURL_IMAGE = 'curlimages/curl:8.11.1';

/** The common mount errors, their causes, and the fix in platform.yaml terms. */
const ERRORS: readonly [error: string, cause: string, fix: string][] = [
  [
    '`context deadline exceeded` (`keyvault.BaseClient#GetSecret: Failure sending request`)',
    'The provider pod (host network, kube-system) cannot reach Key Vault: vault firewall, a missing private endpoint or DNS link, a firewall on locked-down egress, or a NetworkPolicy.',
    'Keep `keyVault.networkAcls.allowNodeSubnet: true`, or add `keyVault.privateEndpoint`; with `network.outboundType` userDefinedRouting, open the path you state in `network.egress.keyVault`. The baseline rules AKS-KV-101, AKS-KV-102, AKS-NET-101 and AKS-K8S-101 check these paths at synth.',
  ],
  [
    '`AADSTS70021: No matching federated identity record found`',
    'The pod\'s service account token does not match the identity\'s federated credential (issuer or subject `system:serviceaccount:` followed by the workload\'s namespace and ServiceAccount).',
    'Run the pod as the ServiceAccount named in `workloads.*.serviceAccountName`, in `workloads.*.namespace`; a renamed ServiceAccount needs the config changed and the stacks applied.',
  ],
  [
    '`AADSTS700016` / `identity not found` / `the client ... does not exist`',
    'The SecretProviderClass `clientID` or the ServiceAccount annotation names an identity that does not exist (yet) in the tenant.',
    'Apply the infra stack before the platform stack; check `tenantId` in platform.yaml.',
  ],
  [
    '`Forbidden` / `ForbiddenByRbac` / `does not have secrets get permission`',
    'The identity has no role on the vault or object (new role assignments take a few minutes), or the object type needs another role.',
    'List the object under `workloads.*.objects` with its `type`; with `scope: object` the object must exist before apply. Access-policy vaults: `keyVault.authorization: accessPolicy` grants `get` per type.',
  ],
  [
    '`SecretNotFound` / `KeyNotFound` / `CertificateNotFound`',
    'The object name, type or version does not exist in the vault.',
    'Fix `workloads.*.objects[].name`, `type` (secret, key, cert) or `version`.',
  ],
  [
    '`secretproviderclasses.secrets-store.csi.x-k8s.io "..." not found`',
    'The pod\'s CSI volume names a SecretProviderClass that is not in the pod\'s namespace.',
    'Use `volumeAttributes.secretProviderClass` = the class below, in the same namespace.',
  ],
  [
    '`failed to get key vault token: nmi response failed with status code: 404`',
    'Legacy pod identity (NMI). This platform never uses it: every class has `usePodIdentity: "false"`.',
    'Remove aad-pod-identity leftovers and use the workload identity the platform created.',
  ],
];

/** runbook.md for one environment. */
export function runbookMarkdown(env: ResolvedEnvironment): string {
  const n = env.names;
  const vault = env.keyVault.existingId ? env.keyVault.existingId.split('/').pop()! : n.keyVault;
  const workloads = Object.entries(env.workloads).sort(([a], [b]) => a.localeCompare(b));
  const identityWorkloads = workloads.filter(([, w]) => w.mode === 'workloadIdentity');
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);

  push(`# Key Vault CSI runbook: ${env.name}`, '');
  push('Generated from platform.yaml at synth; every name below is this environment\'s. Seed 002 is the source of the commands.', '');
  push('## What is where', '');
  push('| what | name |', '|---|---|');
  push(`| resource group | \`${n.resourceGroup}\` |`);
  push(`| cluster | \`${n.cluster}\` |`);
  push(`| Key Vault | \`${vault}\` (\`${vaultUriFor(vault)}\`) |`);
  push(`| vault access | ${env.keyVault.authorization === 'rbac' ? 'Azure RBAC' : 'access policies'}, public endpoint ${env.keyVault.publicNetworkAccess ? `on (firewall ${env.keyVault.networkAcls.defaultAction}${vaultAllowsNodeSubnet(env) ? ', node subnet allowed' : ''})` : 'off'}${env.keyVault.privateEndpoint ? ', private endpoint' : ''} |`);
  push(`| CSI driver and provider | add-on \`azureKeyvaultSecretsProvider\`, pods in \`kube-system\` |`, '');

  if (workloads.length > 0) {
    push('| workload | namespace | ServiceAccount | identity | mode | SecretProviderClass | connection ConfigMap |', '|---|---|---|---|---|---|---|');
    for (const [name, w] of workloads) {
      const own = w.mode === 'workloadIdentity';
      push(
        `| ${name} | \`${w.namespace}\` | ${own ? `\`${w.serviceAccountName ?? name}\`` : '-'} | ${own ? `\`${defaultNames.workloadIdentity(env, name)}\`` : w.mode === 'addonIdentity' ? 'the add-on\'s identity (`azurekeyvaultsecretsprovider-' + n.cluster + '`)' : 'the kubelet identity'} | ${w.mode} | \`${w.secretProviderClassName ?? name}\` | ${own && w.connections.configMap ? `\`${name}-connection\`` : '-'} |`,
      );
    }
    push('');
  }

  push('## Connect', '');
  const sub = env.subscriptionId === PLACEHOLDER_GUID ? [] : [`az account set --subscription ${env.subscriptionId}`];
  push(fence('bash', [...sub, `az aks get-credentials --resource-group ${n.resourceGroup} --name ${n.cluster}`, 'kubelogin convert-kubeconfig -l azurecli'].join('\n')));
  if (sub.length === 0) push('', 'platform.yaml still has the placeholder subscription ID: select this environment\'s subscription with `az account set` first.');
  push('');

  push('## Provider and driver logs', '');
  push('Look at the pods on the same node as the failing application pod.', '');
  push(
    fence(
      'bash',
      [
        '# the Key Vault provider',
        'kubectl get pods -l app=secrets-store-provider-azure -n kube-system -o wide',
        'kubectl logs -l app=secrets-store-provider-azure -n kube-system --since=1h | grep ^E',
        '# the Secrets Store CSI driver',
        'kubectl get pods -l app=secrets-store-csi-driver -n kube-system -o wide',
        'kubectl logs -l app=secrets-store-csi-driver -n kube-system --since=1h | grep ^E',
      ].join('\n'),
    ),
    '',
  );

  if (workloads.length > 0) {
    push('## Per workload', '');
    for (const [name, w] of workloads) {
      const cls = w.secretProviderClassName ?? name;
      const cmds = [`kubectl get secretproviderclass ${cls} -n ${w.namespace} -o yaml`, `kubectl get events -n ${w.namespace} --field-selector reason=FailedMount`];
      if (w.mode === 'workloadIdentity') {
        cmds.unshift(`kubectl get serviceaccount ${w.serviceAccountName ?? name} -n ${w.namespace} -o jsonpath='{.metadata.annotations.azure\\.workload\\.identity/client-id}{"\\n"}'`);
        cmds.push(`az identity federated-credential list --identity-name ${defaultNames.workloadIdentity(env, name)} --resource-group ${n.resourceGroup} -o table`);
        cmds.push(`az role assignment list --assignee "$(az identity show --name ${defaultNames.workloadIdentity(env, name)} --resource-group ${n.resourceGroup} --query principalId -o tsv)" --all -o table`);
      }
      push(`### ${name}`, '', fence('bash', cmds.join('\n')), '');
    }
  }

  push('## Common mount errors', '');
  push('| error | cause | fix |', '|---|---|---|');
  for (const [e, c, f] of ERRORS) push(`| ${e} | ${c} | ${f} |`);
  push('');

  push('## Connectivity test from the host network', '');
  if (identityWorkloads.length === 0) {
    push('No workload uses workload identity here; the test below needs one (see `workloads.*.mode`).', '');
  }
  for (const [name, w] of identityWorkloads) {
    const sa = w.serviceAccountName ?? name;
    const secret = w.objects.find((o) => o.type === 'secret');
    push(`### As ${name} (\`${w.namespace}/${sa}\`)`, '');
    push(
      'The provider runs on the host network, so test from a host-network pod. The workload identity webhook injects the token file, client and tenant into the pod (it is labelled `azure.workload.identity/use: "true"` and runs as the workload\'s ServiceAccount): no client secret is involved.',
      '',
    );
    const level = BUILT_IN_NAMESPACES.includes(w.namespace) ? undefined : (env.namespaces[w.namespace]?.podSecurity ?? 'restricted');
    if (level) {
      push(
        `The namespace enforces the \`${level}\` Pod Security level, which forbids host-network pods: allow them for the test, and put the level back afterwards (the next apply of the platform stack would too).`,
        '',
        fence('bash', `kubectl label namespace ${w.namespace} pod-security.kubernetes.io/enforce=privileged --overwrite`),
        '',
      );
    }
    push(
      fence(
        'bash',
        `cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: kv-connectivity-test
  namespace: ${w.namespace}
  labels:
    azure.workload.identity/use: "true"
spec:
  serviceAccountName: ${sa}
  hostNetwork: true
  dnsPolicy: ClusterFirstWithHostNet
  restartPolicy: Never
  containers:
    - name: curl
      image: ${CURL_IMAGE}
      command: ["sleep", "3600"]
EOF
kubectl exec -it kv-connectivity-test -n ${w.namespace} -- sh`,
      ),
      '',
      'Inside the pod: exchange the service account token for a Key Vault token, then read an object.',
      '',
      fence(
        'sh',
        `TOKEN=$(curl -s -X POST "\${AZURE_AUTHORITY_HOST}\${AZURE_TENANT_ID}/oauth2/v2.0/token" \\
  -d grant_type=client_credentials \\
  -d client_id="\${AZURE_CLIENT_ID}" \\
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \\
  --data-urlencode client_assertion="$(cat "\${AZURE_FEDERATED_TOKEN_FILE}")" \\
  -d scope=${KEY_VAULT_SCOPE} | sed -n 's/.*"access_token":"\\([^"]*\\)".*/\\1/p')
curl -s -o /dev/null -w '%{http_code}\\n' -H "Authorization: Bearer \${TOKEN}" \\
  '${vaultUriFor(vault)}${secret ? `secrets/${secret.name}` : 'secrets'}?api-version=7.4'`,
      ),
      '',
      '`200`: the node reaches Key Vault and the identity may read; a timeout: the network path (first row of the table above); `401`/`403`: the token or the role. Remove the pod afterwards:',
      '',
      fence(
        'bash',
        [`kubectl delete pod kv-connectivity-test -n ${w.namespace}`, ...(level ? [`kubectl label namespace ${w.namespace} pod-security.kubernetes.io/enforce=${level} --overwrite`] : [])].join('\n'),
      ),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
