/** The architecture picture's concept model: one node per platform concept, edges with meanings, from the synthesized stacks. */
import { conceptModel } from '../../lib/diagram/concepts';
import { conceptMermaid, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from '../../lib/diagram/mermaid';
import { MEANINGS, type ConceptModel } from '../../lib/diagram/model';
import { diagramMarkdown } from '../../lib/baseline/diagram';
import { add, clusterRef, real, view } from '../baseline/helpers';

const prod = conceptModel(view(real()));
const nodes = (m: ConceptModel) => m.nodes.map((n) => `${n.stack} ${n.group} ${n.id}: ${n.title}`);
const edges = (m: ConceptModel) => m.edges.map((e) => `${e.from} -${e.meaning}-> ${e.to}`);

test('the default prod picture has one node per platform concept, by stack and concern', () => {
  expect(nodes(prod)).toEqual([
    'prod-infra network vnet_vnet_aks_demo_prod: virtual network',
    'prod-infra identity identity_id_aks_demo_prod: control-plane identity',
    'prod-infra identity identity_kubelet: kubelet identity',
    'prod-infra identity identity_secrets_provider: secrets-provider identity',
    'prod-infra identity identity_id_demo_prod_orders: workload identity',
    'prod-infra identity identity_id_trivy_demo_prod: add-on identity',
    'prod-infra identity identity_id_velero_stbkdemoprod: add-on identity',
    'prod-infra cluster cluster_aks_demo_prod: AKS cluster',
    'prod-infra cluster pool_system: pool system (system)',
    'prod-infra cluster pool_apps: pool apps (user)',
    'prod-infra cluster pool_gpu: pool gpu (user)',
    'prod-infra cluster pool_spot: pool spot (user, spot)',
    'prod-infra data registry_acrdemoprod: container registry',
    'prod-infra data key_vault_kv_demo_prod: Key Vault',
    'prod-infra data backup_storage_stbkdemoprod: backup storage',
    'prod-infra observability log_analytics_law_aks_demo_prod: Log Analytics',
    'prod-infra observability alerts_ag_aks_demo_prod: alerts',
    'prod-infra observability monitor_workspace_amw_aks_demo_prod: managed Prometheus',
    'prod-platform add-ons addon_ingress_nginx: ingress-nginx',
    'prod-platform add-ons addon_trivy_operator: trivy-operator',
    'prod-platform add-ons addon_velero: velero',
    'prod-platform applications namespace_batch: namespace batch',
    'prod-platform applications namespace_orders: namespace orders',
    'prod-platform applications namespace_production: namespace production',
    'prod-platform applications namespace_staging: namespace staging',
  ]);
  expect(prod.nodes.length).toBeLessThanOrEqual(30);
});

test('the default prod edges say what one concept does with another', () => {
  expect(edges(prod)).toEqual([
    'addon_velero -backs up to-> backup_storage_stbkdemoprod',
    'cluster_aks_demo_prod -sends logs to-> log_analytics_law_aks_demo_prod',
    'cluster_aks_demo_prod -sends logs to-> monitor_workspace_amw_aks_demo_prod',
    'identity_id_demo_prod_orders -federated with-> namespace_orders',
    'identity_id_demo_prod_orders -reads secrets-> key_vault_kv_demo_prod',
    'identity_id_trivy_demo_prod -federated with-> addon_trivy_operator',
    'identity_id_trivy_demo_prod -pulls from-> registry_acrdemoprod',
    'identity_id_velero_stbkdemoprod -backs up to-> backup_storage_stbkdemoprod',
    'identity_id_velero_stbkdemoprod -federated with-> addon_velero',
    'identity_kubelet -pulls from-> registry_acrdemoprod',
    'identity_secrets_provider -reads secrets-> key_vault_kv_demo_prod',
    'key_vault_kv_demo_prod -sends logs to-> log_analytics_law_aks_demo_prod',
    'registry_acrdemoprod -sends logs to-> log_analytics_law_aks_demo_prod',
  ]);
  for (const e of prod.edges) expect(MEANINGS).toContain(e.meaning);
});

test('edges carry what exactly: the objects read, the ServiceAccount, the role, the log kinds', () => {
  const detail = (from: string, meaning: string) => prod.edges.find((e) => e.from === from && e.meaning === meaning)?.details;
  expect(detail('identity_id_demo_prod_orders', 'reads secrets')).toEqual(['key signing-key', 'secret db-dsn']);
  expect(detail('identity_id_demo_prod_orders', 'federated with')).toEqual(['orders/orders-api']);
  expect(detail('identity_kubelet', 'pulls from')).toEqual(['AcrPull']);
  // Granted on the whole vault: the objects come from the SecretProviderClass that authenticates as the identity.
  expect(detail('identity_secrets_provider', 'reads secrets')).toEqual(['Key Vault Secrets User (whole vault)', 'secret batch-token']);
  expect(detail('cluster_aks_demo_prod', 'sends logs to')).toEqual(['Container Insights', 'Defender', 'diagnostic logs']);
});

test('pools are labelled with size, count range, zones and taints', () => {
  const pool = (id: string) => prod.nodes.find((n) => n.id === id)!.details;
  expect(pool('pool_system')).toEqual(['Standard_D2s_v3 · 3 nodes', 'zones 1,2,3', 'taint CriticalAddonsOnly=true:NoSchedule']);
  expect(pool('pool_gpu')).toEqual(['Standard_NC4as_T4_v3 · 0-5 nodes', 'zones 1,2,3', 'taint sku=gpu:NoSchedule']);
});

test('every resource of the stacks is accounted for by a node, an edge or bookkeeping', () => {
  const inNodes = new Set(prod.nodes.flatMap((n) => n.resources));
  const v = view(real());
  const missing = v.resources
    .filter((r) => !r.data && !inNodes.has(r.address))
    .map((r) => r.type)
    .filter((t) => !['azurerm_role_assignment', 'azurerm_federated_identity_credential', 'azurerm_monitor_diagnostic_setting', 'azurerm_monitor_data_collection_rule_association', 'azurerm_resource_group'].includes(t));
  expect([...new Set(missing)]).toEqual([]);
});

test('role assignments that mean no edge still show as grants', () => {
  expect(prod.grants).toContainEqual({ principal: 'identity_id_aks_demo_prod', role: 'Network Contributor', scope: 'vnet_vnet_aks_demo_prod (subnet snet-nodes)' });
  expect(prod.grants).toContainEqual({ principal: 'identity_id_demo_prod_orders', role: 'Key Vault Secrets User', scope: 'key_vault_kv_demo_prod/secrets/db-dsn' });
});

test('a resource type without a mapping falls into a group guessed from its type, named after its construct (FIXTURE)', () => {
  const s = real();
  add(s, 'prod-infra', 'azurerm_private_dns_resolver', 'resolver', { name: 'dnspr-demo', virtual_network_id: '${azurerm_virtual_network.x.id}' });
  add(s, 'prod-infra', 'azurerm_quantum_widget', 'widget', { name: 'w' });
  add(s, 'prod-platform', 'kubernetes_role_binding_v1', 'rb', { metadata: { name: 'readers', namespace: 'orders' } });
  const m = conceptModel(view(s));
  const byTitle = (t: string) => m.nodes.find((n) => n.title === t);
  expect(byTitle('resolver')).toMatchObject({ group: 'network', kind: 'component', resources: ['prod-infra.azurerm_private_dns_resolver.resolver'] });
  expect(byTitle('widget')).toMatchObject({ group: 'other', kind: 'component' });
  // A Kubernetes object of any type belongs to its namespace's concept.
  expect(m.nodes.find((n) => n.id === 'namespace_orders')!.resources).toContain('prod-platform.kubernetes_role_binding_v1.rb');
});

test('an existing resource named by its resource ID is a concept of its own, marked existing, when something points at it (FIXTURE)', () => {
  const s = real();
  const shared = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/acrshared';
  add(s, 'prod-infra', 'azurerm_role_assignment', 'shared_pull', { principal_id: clusterRef(s, 'kubelet_identity[0].object_id'), role_definition_name: 'AcrPull', scope: shared });
  add(s, 'prod-infra', 'azurerm_role_assignment', 'reader', { principal_id: clusterRef(s, 'kubelet_identity[0].object_id'), role_definition_name: 'Reader', scope: shared.replace('acrshared', 'acrother') });
  const m = conceptModel(view(s));
  expect(m.nodes.find((n) => n.id === 'registry_acrshared')).toMatchObject({ group: 'data', title: 'container registry (existing)', details: ['acrshared', 'in rg-shared'] });
  expect(edges(m)).toContain('identity_kubelet -pulls from-> registry_acrshared');
  // A grant that means no edge draws no node for its target; it is listed among the grants.
  expect(m.nodes.find((n) => n.id === 'registry_acrother')).toBeUndefined();
  expect(m.grants).toContainEqual({ principal: 'identity_kubelet', role: 'Reader', scope: shared.replace('acrshared', 'acrother') });
});

test('alert rules join the action group they notify: one alerts node with its rule and receiver counts (FIXTURE)', () => {
  const s = real();
  add(s, 'prod-infra', 'azurerm_monitor_action_group', 'ag', { name: 'ag-ops', email_receiver: [{ name: 'ops', email_address: 'ops@example.com' }] });
  add(s, 'prod-infra', 'azurerm_monitor_metric_alert', 'cpu', { name: 'cpu', scopes: [clusterRef(s)], action: [{ action_group_id: '${azurerm_monitor_action_group.ag.id}' }] });
  add(s, 'prod-infra', 'azurerm_monitor_activity_log_alert', 'health', { name: 'health', scopes: [clusterRef(s)], action: [{ action_group_id: '${azurerm_monitor_action_group.ag.id}' }] });
  const alerts = conceptModel(view(s)).nodes.find((n) => n.kind === 'alerts')!;
  expect(alerts).toMatchObject({ group: 'observability', title: 'alerts', details: ['ag-ops', '2 alert rules · 1 receiver'] });
  expect(alerts.resources).toHaveLength(3);
});

test('Mermaid: a box per stack and per concern, labelled edges, under the default size limits', () => {
  const text = conceptMermaid(prod);
  expect(text).toMatch(/^flowchart LR\n {2}subgraph prod_infra\["prod-infra: applied first \(azuread, azurerm\)"\]\n {4}subgraph prod_infra__network\["network"\]/);
  expect(text).toContain('subgraph prod_platform__add_ons["in-cluster: add-ons"]');
  expect(text).toContain('identity_kubelet -->|"pulls from: AcrPull"| registry_acrdemoprod');
  expect(text.length).toBeLessThan(MERMAID_MAX_TEXT);
  expect(text.match(/-->/g)!.length).toBeLessThan(MERMAID_MAX_EDGES);
});

test('the default diagrams (reviewed artefact)', () => {
  expect(diagramMarkdown(view(real(), 'dev'))).toMatchSnapshot('dev');
  expect(diagramMarkdown(view(real(), 'prod'))).toMatchSnapshot('prod');
});

test('the same stacks always give the same model', () => {
  expect(conceptModel(view(real()))).toEqual(prod);
});
