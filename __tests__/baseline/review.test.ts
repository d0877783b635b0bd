/** The change summary on a known before/after pair. */
import { diffStacks, replaces, reviewMarkdown, rotatesNodes } from '../../lib/baseline/review';
import { add, real } from './helpers';

const before = real();
// After: a new service range (forces cluster replacement), a cheaper tier, and one resource added in prod.
const after = add(
  real({ defaults: { network: { serviceCidr: '10.1.0.0/16', dnsServiceIp: '10.1.0.10' } }, environments: { dev: { cluster: { skuTier: 'Standard' } } } }),
  'prod-infra', 'azurerm_key_vault', 'kv', { name: 'kv-demo-prod', purge_protection_enabled: true },
);
const changes = diffStacks(before, after);
const byStack = Object.fromEntries(changes.map((c) => [c.stack, c]));

test('lists resources added per stack', () => {
  expect(byStack['prod-infra'].added).toEqual(['azurerm_key_vault.kv']);
  expect(byStack['dev-infra'].added).toEqual([]);
});

test('lists resources removed per stack', () => {
  expect(diffStacks(after, before).find((c) => c.stack === 'prod-infra')!.removed).toEqual(['azurerm_key_vault.kv']);
});

test('lists changed attributes with before and after values', () => {
  const [cluster] = byStack['dev-infra'].changed;
  expect(cluster.address).toMatch(/^azurerm_kubernetes_cluster\./);
  expect(cluster.attributes.map((a) => [a.path, a.before, a.after])).toEqual([
    ['network_profile.dns_service_ip', '10.0.0.10', '10.1.0.10'],
    ['network_profile.service_cidr', '10.0.0.0/16', '10.1.0.0/16'],
    ['sku_tier', 'Free', 'Standard'],
  ]);
});

test('flags the attributes that force replacement, and only those', () => {
  const [cluster] = byStack['dev-infra'].changed;
  expect(cluster.replaced).toBe(true);
  expect(cluster.attributes.filter((a) => a.forcesReplacement).map((a) => a.path)).toEqual(['network_profile.dns_service_ip', 'network_profile.service_cidr']);
});

test('unchanged stacks say so', () => {
  expect(byStack['dev-platform'].status).toBe('unchanged');
  expect(byStack['prod-infra'].status).toBe('changed');
});

test('renders Markdown for a pull request', () => {
  const md = reviewMarkdown(changes, 'the last committed snapshot');
  expect(md).toContain('| prod-infra | changed | 1 | 0 | 1 | 1 |');
  expect(md).toContain('- added `azurerm_key_vault.kv`');
  expect(md).toMatch(/- `network_profile\.service_cidr`: `"10\.0\.0\.0\/16"` -> `"10\.1\.0\.0\/16"` \*\*forces replacement\*\*/);
  expect(md).toMatch(/\*\*Destroyed and recreated on apply:\*\* `dev-infra\.azurerm_kubernetes_cluster\.[^`]+`, `prod-infra\.azurerm_kubernetes_cluster/);
});

test('sensitive attribute values never appear in the summary', () => {
  const a = add(real(), 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', value: 'old-literal-value' });
  const b = add(real(), 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', value: 'new-literal-value' });
  const md = reviewMarkdown(diffStacks(a, b), 'base');
  expect(md).toContain('`value`: (sensitive) -> (sensitive)');
  expect(md).not.toMatch(/literal-value/);
});

test('replacement paths from the cluster list match synthesized paths with or without block indexes', () => {
  expect(replaces('azurerm_kubernetes_cluster', 'network_profile[0].pod_cidr', 'a', 'b')).toBe(true);
  expect(replaces('azurerm_kubernetes_cluster', 'network_profile.pod_cidr', 'a', 'b')).toBe(true);
  expect(replaces('azurerm_kubernetes_cluster', 'kubelet_identity.client_id', 'a', 'b')).toBe(true);
  expect(replaces('azurerm_kubernetes_cluster', 'default_node_pool.name', 'system', 'sys')).toBe(true);
  expect(replaces('kubernetes_namespace_v1', 'metadata.name', 'a', 'b')).toBe(true);
  expect(replaces('azurerm_key_vault', 'name', 'a', 'b')).toBe(true);
  expect(replaces('azurerm_kubernetes_cluster', 'sku_tier', 'Free', 'Standard')).toBe(false);
});

test('the conditional cases: a network policy engine replaces only once set, the plugin mode only away from overlay', () => {
  expect(replaces('azurerm_kubernetes_cluster', 'network_profile.network_policy', undefined, 'azure')).toBe(false);
  expect(replaces('azurerm_kubernetes_cluster', 'network_profile.network_policy', 'azure', 'calico')).toBe(true);
  expect(replaces('azurerm_kubernetes_cluster', 'network_profile.network_plugin_mode', undefined, 'overlay')).toBe(false);
  expect(replaces('azurerm_kubernetes_cluster', 'network_profile.network_plugin_mode', 'overlay', undefined)).toBe(true);
});

test('pool rotation is flagged apart from replacement', () => {
  expect(rotatesNodes('azurerm_kubernetes_cluster', 'default_node_pool.vm_size')).toBe(true);
  expect(rotatesNodes('azurerm_kubernetes_cluster_node_pool', 'vm_size')).toBe(true);
  expect(rotatesNodes('azurerm_kubernetes_cluster_node_pool', 'node_count')).toBe(false);
  const vm = diffStacks(real(), real({ environments: { prod: { nodePools: { apps: { kind: 'user', vmSize: 'Standard_D8s_v3' } } } } }));
  const pool = vm.find((c) => c.stack === 'prod-infra')!.changed.find((r) => r.type === 'azurerm_kubernetes_cluster_node_pool')!;
  expect(pool.attributes).toEqual([{ path: 'vm_size', before: 'Standard_D4s_v3', after: 'Standard_D8s_v3', forcesReplacement: false, rotatesNodes: true }]);
  expect(reviewMarkdown(vm, 'base')).toContain("`vm_size`: `\"Standard_D4s_v3\"` -> `\"Standard_D8s_v3\"` **rebuilds the pool's nodes**");
});

describe('long and multi-line values', () => {
  const replicas = diffStacks(real(), real({ environments: { prod: { ingress: { nginx: { replicas: 3 } } } } }));
  const md = reviewMarkdown(replicas, 'base');

  test('a Helm values change shows as a line diff of the YAML, not a cut-off string', () => {
    const release = replicas.find((c) => c.stack === 'prod-platform')!.changed.find((r) => r.type === 'helm_release')!;
    expect(release.attributes.map((a) => a.path)).toEqual(['values']);
    expect(md).toContain('  - `values`: changed\n    ```diff\n    @@ ');
    expect(md).toContain('\n    -  replicaCount: 2\n    +  replicaCount: 3\n');
    expect(md).not.toContain('...`');
  });

  test('the line diff holds only the changed lines and two lines of context around them', () => {
    const block = md.slice(md.indexOf('```diff'), md.indexOf('```\n', md.indexOf('```diff') + 7));
    const body = block.split('\n').slice(1).filter((l) => l.trim() !== '');
    expect(body.filter((l) => /^ {4}[-+]/.test(l))).toHaveLength(2);
    expect(body.filter((l) => /^ {4} /.test(l))).toHaveLength(4);
  });

  test('the summary is the same text on every run', () => {
    expect(reviewMarkdown(diffStacks(real(), real({ environments: { prod: { ingress: { nginx: { replicas: 3 } } } } })), 'base')).toBe(md);
  });

  test('a sensitive key inside Helm values is redacted in the line diff, a block scalar under it too', () => {
    const values = (pw: string, key: string) => [`auth:\n  user: admin\n  password: ${pw}\n  tls:\n    privateKey: |\n      ${key}\n      line2-${key}\nreplicas: 2\n`];
    const a = add(real(), 'prod-platform', 'helm_release', 'db', { name: 'db', values: values('old-pw-literal', 'old-key-literal') });
    const b = add(real(), 'prod-platform', 'helm_release', 'db', { name: 'db', values: values('new-pw-literal', 'new-key-literal').map((v) => v.replace('replicas: 2', 'replicas: 3')) });
    const out = reviewMarkdown(diffStacks(a, b), 'base');
    expect(out).toContain('\n    -replicas: 2\n    +replicas: 3\n');
    expect(out).not.toMatch(/pw-literal|key-literal/);
  });

  test('a change that touches only a redacted value says so instead of showing it', () => {
    const a = add(real(), 'prod-platform', 'helm_release', 'db', { name: 'db', values: ['auth:\n  password: old-pw-literal\n'] });
    const b = add(real(), 'prod-platform', 'helm_release', 'db', { name: 'db', values: ['auth:\n  password: new-pw-literal\n'] });
    const out = reviewMarkdown(diffStacks(a, b), 'base');
    expect(out).toContain('(the values differ only in parts that are redacted)');
    expect(out).not.toMatch(/pw-literal/);
  });

  test('a Kubernetes manifest string value and a long one-line JSON value show as line diffs', () => {
    const policy = (effect: string) => JSON.stringify({ if: { field: 'type', equals: 'Microsoft.ContainerService/managedClusters' }, then: { effect } });
    const a = add(real(), 'prod-infra', 'azurerm_policy_definition', 'p', { policy_rule: policy('audit') });
    const b = add(real(), 'prod-infra', 'azurerm_policy_definition', 'p', { policy_rule: policy('deny') });
    const out = reviewMarkdown(diffStacks(a, b), 'base');
    expect(out).toContain('\n    -    "effect": "audit"\n    +    "effect": "deny"\n');
  });
});

describe('backend and outputs', () => {
  const azurerm = { type: 'azurerm', resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate', keyPrefix: 'aks/' };

  test('a backend change local -> azurerm is a state move, flagged per stack and in the summary', () => {
    const changes = diffStacks(real(), real({ environments: { prod: { backend: azurerm } } }));
    const infra = changes.find((c) => c.stack === 'prod-infra')!;
    expect(infra.status).toBe('changed');
    expect(infra.backend).toMatchObject({ before: 'local', after: 'azurerm' });
    expect(infra.backend!.attributes.map((a) => a.path)).toEqual(expect.arrayContaining(['backend.azurerm.key', 'backend.local.path']));
    expect(changes.find((c) => c.stack === 'dev-infra')!.backend).toBeUndefined();
    const md = reviewMarkdown(changes, 'base');
    expect(md).toContain('**State moves, plan a state migration before apply:** `prod-infra` (local -> azurerm), `prod-platform` (local -> azurerm)');
    expect(md).toContain('- **backend changed, the state moves** (local -> azurerm): migrate it before the next apply (`terraform init -migrate-state` in `cdktf.out/stacks/prod-infra`)');
    expect(md).toContain('  - `backend.azurerm.key`: (unset) -> `"aks/prod-infra.tfstate"`');
  });

  test('a backend change local -> cloud is a state move too', () => {
    const changes = diffStacks(real(), real({ environments: { dev: { backend: { type: 'cloud', organization: 'acme' } } } }));
    expect(changes.find((c) => c.stack === 'dev-platform')!.backend).toMatchObject({ before: 'local', after: 'cloud' });
    expect(reviewMarkdown(changes, 'base')).toMatch(/- `cloud\.organization`: \(unset\) -> `"acme"`/);
  });

  test('a changed state key within the same azurerm backend is a state move', () => {
    const changes = diffStacks(real({ environments: { prod: { backend: azurerm } } }), real({ environments: { prod: { backend: { ...azurerm, keyPrefix: 'platform/' } } } }));
    const infra = changes.find((c) => c.stack === 'prod-infra')!;
    expect(infra.backend).toMatchObject({ before: 'azurerm', after: 'azurerm' });
    expect(infra.backend!.attributes.map((a) => [a.path, a.before, a.after])).toEqual([['backend.azurerm.key', 'aks/prod-infra.tfstate', 'platform/prod-infra.tfstate']]);
  });

  test('a new stack is not reported as a state move', () => {
    const base = real();
    delete base['prod-platform'];
    expect(diffStacks(base, real()).find((c) => c.stack === 'prod-platform')!).toMatchObject({ status: 'added' });
    expect(reviewMarkdown(diffStacks(base, real()), 'base')).not.toContain('State moves');
  });

  test('outputs added, removed and changed are listed; a sensitive output value is not shown', () => {
    const a = real();
    const b = real();
    const infra = b['prod-infra'].output!;
    const [first] = Object.keys(infra).sort();
    delete infra[first];
    infra.extra = { value: '${azurerm_resource_group.x.id}' };
    infra.cluster_name = { ...infra.cluster_name, description: 'The AKS cluster name.' } as typeof infra.cluster_name;
    a['prod-infra'].output!.cluster_ca_certificate = { value: 'old-literal-ca', sensitive: true };
    b['prod-infra'].output!.cluster_ca_certificate = { value: 'new-literal-ca', sensitive: true };
    const changes = diffStacks(a, b);
    const c = changes.find((x) => x.stack === 'prod-infra')!;
    expect(c.status).toBe('changed');
    expect(c.outputs.added).toEqual(['extra']);
    expect(c.outputs.removed).toEqual([first]);
    expect(c.outputs.changed.map((o) => o.name)).toEqual(['cluster_ca_certificate', 'cluster_name']);
    const md = reviewMarkdown(changes, 'base');
    expect(md).toContain('- output added `extra`');
    expect(md).toContain(`- output removed \`${first}\``);
    expect(md).toContain('- output changed `cluster_ca_certificate` (sensitive)\n  - `value`: (sensitive) -> (sensitive)');
    expect(md).toContain('  - `description`: `"AKS cluster name."` -> `"The AKS cluster name."`');
    expect(md).not.toMatch(/literal-ca/);
  });
});

describe('added and removed resources show their key attributes', () => {
  const gpu = diffStacks(real(), real({ environments: { prod: { nodePools: { train: { kind: 'gpu', minCount: 0, maxCount: 2, count: 1 } } } } }));
  const md = reviewMarkdown(gpu, 'base');

  test('an added GPU pool shows its VM size, counts, zones and taints', () => {
    const line = md.split('\n').find((l) => l.startsWith('- added `azurerm_kubernetes_cluster_node_pool.'))!;
    expect(line).toContain('vm_size `"Standard_NC4as_T4_v3"`');
    expect(line).toMatch(/min_count `0`, max_count `2`/);
    expect(line).toMatch(/node_taints `\[".*NoSchedule"\]`/);
    expect(line).toContain('mode `"User"`');
  });

  test('a removed resource shows the attributes it had', () => {
    const back = reviewMarkdown(diffStacks(real({ environments: { prod: { nodePools: { train: { kind: 'gpu' } } } } }), real()), 'base');
    expect(back).toMatch(/- removed `azurerm_kubernetes_cluster_node_pool\.[^`]+`: name `"train"`, mode `"User"`, vm_size `"Standard_NC4as_T4_v3"`/);
  });

  test('an added workload says which vault objects it reads and which role it is granted', () => {
    const w = reviewMarkdown(diffStacks(real(), real({ environments: { prod: { workloads: { billing: { namespace: 'billing', objects: [{ name: 'stripe-key' }, { name: 'db-dsn' }] } } } } })), 'base');
    expect(w).toMatch(/- added `kubernetes_manifest\.[^`]+`: manifest\.kind `"SecretProviderClass"`.*reads `\["stripe-key","db-dsn"\]`/);
    expect(w).toMatch(/- added `azurerm_role_assignment\.[^`]+`: role_definition_name `"Key Vault Secrets User"`, scope `"\$\{azurerm_key_vault\.[^`]+\.id\}"`, principal_id/);
    expect(w).toMatch(/- added `azurerm_federated_identity_credential\.[^`]+`: .*subject `"system:serviceaccount:billing:/);
  });
});
