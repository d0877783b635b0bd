import { parse } from 'yaml';
import { buildApp } from '../../lib/app';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { all, config, configText, only, ROOT, stack, type StackJson } from '../helpers/synth';

const env = (patch: Record<string, unknown>) => ({ environments: { prod: patch } });
const releases = (s: StackJson) => Object.values(all(s, 'helm_release'));
const release = (s: StackJson, name: string) => {
  const r = releases(s).find((x) => x.name === name);
  if (!r) throw new Error(`no release ${name}`);
  return r;
};
const values = (s: StackJson, name: string) => parse(release(s, name).values[0]);
const REMOTE = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-prod-infra\.outputs\./;
const synthFails = (patch: Record<string, unknown>) => () => buildApp(config(configText(patch))).app.synth();

describe('ingress-nginx (the default ingress)', () => {
  const v = values(stack('prod-platform'), 'ingress-nginx');

  test('the seed helm flags are the defaults', () => {
    expect(v.controller).toMatchObject({
      replicaCount: 2,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      service: {
        annotations: { 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': '/healthz' },
        externalTrafficPolicy: 'Local',
      },
    });
  });

  test('a PDB, zone and node spreading, resource requests and metrics come with it', () => {
    expect(v.controller.minAvailable).toBe(1);
    expect(v.controller.topologySpreadConstraints.map((t: Record<string, string>) => [t.topologyKey, t.whenUnsatisfiable])).toEqual([
      ['topology.kubernetes.io/zone', 'DoNotSchedule'],
      ['kubernetes.io/hostname', 'ScheduleAnyway'],
    ]);
    expect(v.controller.resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(v.controller.metrics.enabled).toBe(true);
  });

  test('values from config are merged last, over the computed and default values', () => {
    const s = stack('prod-platform', env({ ingress: { nginx: { replicas: 3, values: { controller: { replicaCount: 4, service: { externalTrafficPolicy: 'Cluster' } } } } } }));
    expect(values(s, 'ingress-nginx').controller).toMatchObject({ replicaCount: 4, service: { externalTrafficPolicy: 'Cluster' } });
    expect(values(s, 'ingress-nginx').controller.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
  });

  test('a misspelt values key in config fails synth naming the file, the field, the chart and the closest key', () => {
    expect(synthFails(env({ ingress: { nginx: { values: { controller: { replicaCont: 3 } } } } }))).toThrow(
      'platform.yaml: environments.prod.ingress.nginx.values.controller.replicaCont: not a key of chart ingress-nginx 4.15.1 (got "controller.replicaCont"; allowed "controller.replicaCount" or another key of vendor/charts/ingress-nginx/4.15.1/values.yaml)',
    );
  });

  test('chart values problems of every environment and add-on are reported at once', () => {
    const patch = { defaults: { ingress: { nginx: { values: { controller: { replicaCont: 3 } } } }, backup: { values: { schedulez: {} } } } };
    let message = '';
    try {
      synthFails(patch)();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')[0]).toBe('platform.yaml: 4 chart values problems:');
    for (const envName of ['dev', 'prod']) {
      expect(message).toContain(`platform.yaml: environments.${envName}.ingress.nginx.values.controller.replicaCont: not a key`);
      expect(message).toContain(`platform.yaml: environments.${envName}.backup.values.schedulez: not a key of chart velero 12.1.0`);
    }
  });

  test('loadBalancer internal sets the internal load balancer annotation', () => {
    const s = stack('prod-platform', env({ ingress: { nginx: { loadBalancer: 'internal' } } }));
    expect(values(s, 'ingress-nginx').controller.service.annotations['service.beta.kubernetes.io/azure-load-balancer-internal']).toBe('true');
  });

  test('a static public IP lives in the platform resource group and the cluster identity may join it', () => {
    const patch = env({ ingress: { nginx: { staticPublicIp: true } } });
    const infra = stack('prod-infra', patch);
    const ip = only(infra, 'azurerm_public_ip');
    expect(ip).toMatchObject({ allocation_method: 'Static', sku: 'Standard', name: 'pip-ingress-demo-prod', zones: ['1', '2', '3'] });
    const grant = Object.values(all(infra, 'azurerm_role_assignment')).find((r) => /^\$\{azurerm_public_ip\./.test(String(r.scope)))!;
    expect(grant.role_definition_name).toBe('Network Contributor');
    expect(grant.principal_id).toMatch(/^\$\{azurerm_user_assigned_identity\.aks_identity_[\w]+\.principal_id\}$/);
    const ann = values(stack('prod-platform', patch), 'ingress-nginx').controller.service.annotations;
    expect(ann['service.beta.kubernetes.io/azure-pip-name']).toMatch(REMOTE);
    expect(ann['service.beta.kubernetes.io/azure-load-balancer-resource-group']).toMatch(REMOTE);
  });

  test('a static public IP with an internal load balancer is a configuration error', () => {
    expect(() => config(configText(env({ ingress: { nginx: { staticPublicIp: true, loadBalancer: 'internal' } } })))).toThrow(
      /ingress\.nginx\.staticPublicIp: a static public IP needs loadBalancer public/,
    );
  });

  test('its namespace is restricted and created by the stack', () => {
    const ns = Object.values(all(stack('prod-platform'), 'kubernetes_namespace_v1')).find((n) => n.metadata.name === 'ingress-nginx')!;
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(release(stack('prod-platform'), 'ingress-nginx').namespace).toMatch(/kubernetes_namespace_v1\.namespace-ingress-nginx/);
  });
});

describe('Application Gateway for Containers', () => {
  const patch = env({ ingress: { controller: 'agc', agc: { subnetCidr: '10.232.32.0/24' } } });
  const infra = stack('prod-infra', patch);
  const platform = stack('prod-platform', patch);

  test('the AGC subnet is delegated to Microsoft.ServiceNetworking/trafficControllers', () => {
    const subnets = Object.values(all(infra, 'azurerm_subnet')).filter((x) => x.delegation);
    expect(subnets).toHaveLength(1);
    const subnet = subnets[0];
    expect(subnet.address_prefixes).toEqual(['10.232.32.0/24']);
    // In the VNet the infra stack creates, by reference, so Terraform creates the VNet first.
    expect(subnet.virtual_network_name).toMatch(/^\$\{azurerm_virtual_network\.[\w-]+\.name\}$/);
    expect(subnet.delegation[0].service_delegation.name).toBe('Microsoft.ServiceNetworking/trafficControllers');
  });

  test('the ALB controller identity federates alb-infra:alb-controller-sa with the cluster issuer', () => {
    const fic = Object.values(all(infra, 'azurerm_federated_identity_credential')).find((f) => f.subject.includes('alb-controller-sa'))!;
    expect(fic.subject).toBe('system:serviceaccount:alb-infra:alb-controller-sa');
    expect(fic.issuer).toMatch(/^\$\{azurerm_kubernetes_cluster\.[\w]+\.oidc_issuer_url\}$/);
  });

  test('the ALB controller gets Reader and AGC Configuration Manager on the node resource group and Network Contributor on the subnet', () => {
    const roles = Object.values(all(infra, 'azurerm_role_assignment'))
      .filter((r) => /agc_identity/.test(r.principal_id))
      .map((r) => [r.role_definition_name, r.scope.replace(/\$\{(\w+)\.[\w-]+\.(\w+)\}/, '$1.$2')])
      .sort((a, b) => a[0].localeCompare(b[0]));
    expect(roles).toEqual([
      ['AppGw for Containers Configuration Manager', 'azurerm_kubernetes_cluster.node_resource_group_id'],
      ['Network Contributor', 'azurerm_subnet.id'],
      ['Reader', 'azurerm_kubernetes_cluster.node_resource_group_id'],
    ]);
  });

  test('alb-controller is installed with the identity client ID, and an ApplicationLoadBalancer uses the subnet', () => {
    const v = values(platform, 'alb-controller');
    expect(v.albController.podIdentity.clientID).toMatch(REMOTE);
    const manifests = Object.values(all(platform, 'kubernetes_manifest')).map((m) => m.manifest);
    const albs = manifests.filter((m) => m.kind === 'ApplicationLoadBalancer');
    expect(albs).toHaveLength(1);
    const alb = albs[0];
    expect(alb).toMatchObject({ apiVersion: 'alb.networking.azure.io/v1', kind: 'ApplicationLoadBalancer', spec: {} });
    expect(alb.spec.associations[0]).toMatch(REMOTE);
    expect(releases(platform).map((r) => r.name)).not.toContain('ingress-nginx');
  });

  test('the ALB controller pods get a PodDisruptionBudget the chart does not render', () => {
    const pdb = only(platform, 'kubernetes_pod_disruption_budget_v1');
    expect(pdb.metadata).toMatchObject({ name: 'alb-controller' });
    expect(pdb.metadata.namespace).toMatch(/kubernetes_namespace_v1\.namespace-alb-infra/);
    expect(pdb.spec).toEqual({ min_available: '1', selector: { match_labels: { app: 'alb-controller' } } });
  });

  test('the release address docs/addons.md targets before the first deploy is the synthesized one', () => {
    const readme = readFileSync(path.join(ROOT, 'docs', 'addons.md'), 'utf8');
    const target = /-target=helm_release\.([\w-]+)/.exec(readme)![1];
    expect(all(platform, 'helm_release')[target]?.name).toBe('alb-controller');
  });

  test('choosing agc without a subnet range is a configuration error', () => {
    expect(() => config(configText(env({ ingress: { controller: 'agc' } })))).toThrow(/ingress\.agc\.subnetCidr: is required when ingress\.controller is agc/);
  });
});

describe('AGIC', () => {
  const gw = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-appgw/providers/Microsoft.Network/applicationGateways/agw';
  const patch = env({ ingress: { controller: 'agic', agic: { applicationGatewayId: gw } } });

  test('the cluster enables ingress_application_gateway for the existing gateway', () => {
    expect(only(stack('prod-infra', patch), 'azurerm_kubernetes_cluster').ingress_application_gateway).toEqual({ gateway_id: gw });
  });

  test('the AGIC identity gets Contributor on the gateway and Reader on its resource group', () => {
    const roles = Object.values(all(stack('prod-infra', patch), 'azurerm_role_assignment'))
      .filter((r) => /ingress_application_gateway_identity/.test(r.principal_id))
      .map((r) => [r.role_definition_name, r.scope]);
    expect(roles).toEqual([
      ['Contributor', gw],
      ['Reader', '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-appgw'],
    ]);
  });

  test('no in-cluster ingress release is installed', () => {
    expect(releases(stack('prod-platform', patch)).map((r) => r.name).sort()).toEqual(['trivy-operator', 'velero']);
  });
});

test('ingress controller none installs no ingress and no ingress infrastructure', () => {
  const patch = env({ ingress: { controller: 'none' } });
  expect(releases(stack('prod-platform', patch)).map((r) => r.name).sort()).toEqual(['trivy-operator', 'velero']);
  expect(only(stack('prod-infra', patch), 'azurerm_kubernetes_cluster').ingress_application_gateway).toBeUndefined();
});

describe('Trivy operator', () => {
  const v = values(stack('prod-platform'), 'trivy-operator');

  test('the seed ignoreUnfixed flag and a HIGH,CRITICAL severity filter are the defaults', () => {
    expect(v.trivy).toMatchObject({ ignoreUnfixed: true, severity: 'HIGH,CRITICAL' });
  });

  test('scan jobs are bounded in number and resources and run on the first user pool', () => {
    expect(v.operator.scanJobsConcurrentLimit).toBe(3);
    expect(v.trivy.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } });
    expect(v.trivyOperator.scanJobNodeSelector).toEqual({ 'kubernetes.azure.com/agentpool': 'apps' });
  });

  test('scan jobs on a tainted pool tolerate its taints', () => {
    const s = stack('prod-platform', env({ addons: { trivyOperator: { scanJobNodePool: 'spot' } } }));
    expect(values(s, 'trivy-operator').trivyOperator.scanJobTolerations).toEqual([
      { key: 'kubernetes.azure.com/scalesetpriority', operator: 'Equal', value: 'spot', effect: 'NoSchedule' },
    ]);
  });

  test('private ACR images are pulled with workload identity: annotated ServiceAccount, labelled scan pods, no password', () => {
    expect(v.serviceAccount.annotations['azure.workload.identity/client-id']).toMatch(REMOTE);
    expect(v.trivyOperator.scanJobPodTemplateLabels).toBe('azure.workload.identity/use=true');
    expect(v.trivyOperator.scanJobAutomountServiceAccountToken).toBeUndefined();
    // The operator pod's label goes where chart 0.34.0's deployment reads it (operator.podLabels), not top level.
    expect(v.operator.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(v.podLabels).toBeUndefined();
    const fic = Object.values(all(stack('prod-infra'), 'azurerm_federated_identity_credential')).find((f) => f.subject.includes('trivy'))!;
    expect(fic.subject).toBe('system:serviceaccount:trivy-system:trivy-operator');
  });

  test('trivy-system is privileged (node-collector mounts host paths)', () => {
    const ns = Object.values(all(stack('prod-platform'), 'kubernetes_namespace_v1')).find((n) => n.metadata.name === 'trivy-system')!;
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
  });

  test('disabled, neither the release nor its identity exists', () => {
    const patch = env({ addons: { trivyOperator: { enabled: false } } });
    expect(releases(stack('prod-platform', patch)).map((r) => r.name)).not.toContain('trivy-operator');
    expect(Object.values(all(stack('prod-infra', patch), 'azurerm_user_assigned_identity')).map((i) => i.name)).not.toContain('id-trivy-demo-prod');
  });

  test('the chart version can be overridden from config', () => {
    expect(() => stack('prod-platform', env({ addons: { trivyOperator: { chartVersion: '0.99.0' } } }))).toThrow(/trivy-operator 0\.99\.0: no vendored values/);
  });
});

describe('Velero', () => {
  const infra = stack('prod-infra');
  const v = values(stack('prod-platform'), 'velero');

  test('the backup account is GRS, HTTPS only, TLS 1.2, without public blobs or shared keys, with soft delete and versioning', () => {
    const sa = only(infra, 'azurerm_storage_account');
    expect(sa).toMatchObject({
      name: 'stbkdemoprod',
      account_replication_type: 'GRS',
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      allow_nested_items_to_be_public: false,
      shared_access_key_enabled: false,
      blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 14 }, container_delete_retention_policy: { days: 14 } },
    });
  });

  test('the container name comes from config', () => {
    expect(only(stack('prod-infra', env({ backup: { containerName: 'backups' } })), 'azurerm_storage_container').name).toBe('backups');
  });

  test('the Velero identity federates velero:velero-server with the cluster OIDC issuer', () => {
    const fic = Object.values(all(infra, 'azurerm_federated_identity_credential')).find((f) => f.subject.includes('velero'))!;
    expect(fic).toMatchObject({ subject: 'system:serviceaccount:velero:velero-server', audience: ['api://AzureADTokenExchange'] });
    expect(fic.issuer).toMatch(/^\$\{azurerm_kubernetes_cluster\.[\w]+\.oidc_issuer_url\}$/);
  });

  test('with CSI snapshots Velero holds only Storage Blob Data Contributor on the account', () => {
    const roles = Object.values(all(infra, 'azurerm_role_assignment')).filter((r) => /velero_identity/.test(r.principal_id));
    expect(roles.map((r) => [r.role_definition_name, r.scope])).toEqual([
      ['Storage Blob Data Contributor', expect.stringMatching(/^\$\{azurerm_storage_account\.velero_storage-account_\w+\.id\}$/)],
    ]);
  });

  test('with the Azure plugin snapshotter Velero also gets Contributor on the node resource group and a snapshot location', () => {
    const patch = env({ backup: { snapshots: 'azure-plugin' } });
    const roles = Object.values(all(stack('prod-infra', patch), 'azurerm_role_assignment')).filter((r) => /velero_identity/.test(r.principal_id));
    expect(roles.map((r) => r.role_definition_name)).toEqual(['Storage Blob Data Contributor', 'Contributor']);
    expect(roles[1].scope).toMatch(/\.node_resource_group_id\}$/);
    const pv = values(stack('prod-platform', patch), 'velero');
    expect(pv.snapshotsEnabled).toBe(true);
    expect(pv.configuration.volumeSnapshotLocation[0]).toMatchObject({ provider: 'azure', config: { apiTimeout: '5m' } });
    expect(pv.credentials.secretContents.cloud).not.toMatch(/SECRET|PASSWORD|KEY/i);
  });

  test('Velero authenticates with workload identity and no credentials Secret', () => {
    expect(v.credentials).toEqual({ useSecret: false });
    expect(v.serviceAccount.server.annotations['azure.workload.identity/client-id']).toMatch(REMOTE);
    expect(v.podLabels['azure.workload.identity/use']).toBe('true');
    expect(v.nodeAgent.podLabels['azure.workload.identity/use']).toBe('true');
  });

  test('the Azure plugin runs as an init container and the backup location comes from infra outputs', () => {
    expect(v.initContainers[0].image).toMatch(/^velero\/velero-plugin-for-microsoft-azure:v1\.14\./);
    const bsl = v.configuration.backupStorageLocation[0];
    expect(bsl).toMatchObject({ provider: 'azure', default: true, config: { useAAD: 'true' } });
    expect(bsl.bucket).toMatch(REMOTE);
    expect(bsl.config.storageAccount).toMatch(REMOTE);
  });

  test('the seed daily-backup schedule is the default, with a TTL, and also covers the workload namespaces', () => {
    expect(v.schedules['daily-backup']).toMatchObject({
      schedule: '0 2 * * *',
      template: { includedNamespaces: ['production', 'staging', 'orders', 'batch'], ttl: '720h' },
    });
  });

  test('includeApplicationNamespaces: false keeps a schedule to the namespaces it names', () => {
    const patch = env({ backup: { schedules: { 'daily-backup': { schedule: '0 2 * * *', includedNamespaces: ['production'], includeApplicationNamespaces: false } } } });
    expect(values(stack('prod-platform', patch), 'velero').schedules['daily-backup'].template.includedNamespaces).toEqual(['production']);
  });

  const snapshotClasses = (st: StackJson) => Object.values(all(st, 'kubernetes_manifest')).map((m) => m.manifest).filter((m) => m.kind === 'VolumeSnapshotClass');

  test('CSI snapshots get an Azure Disk VolumeSnapshotClass labelled for Velero, retaining snapshots', () => {
    expect(snapshotClasses(stack('prod-platform'))).toEqual([
      {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshotClass',
        metadata: { name: 'velero-azuredisk-vsc', labels: { 'velero.io/csi-volumesnapshot-class': 'true' } },
        driver: 'disk.csi.azure.com',
        deletionPolicy: 'Retain',
        parameters: { incremental: 'true' },
      },
    ]);
  });

  test('the Azure plugin snapshotter needs no VolumeSnapshotClass', () => {
    expect(snapshotClasses(stack('prod-platform', env({ backup: { snapshots: 'azure-plugin' } })))).toEqual([]);
  });

  test('disabled, there is no backup account, identity or release', () => {
    const patch = env({ backup: { enabled: false } });
    expect(all(stack('prod-infra', patch), 'azurerm_storage_account')).toEqual({});
    expect(releases(stack('prod-platform', patch)).map((r) => r.name)).not.toContain('velero');
  });
});

describe('namespace baseline', () => {
  const s = stack('prod-platform');
  const ns = (name: string, st = s) => Object.values(all(st, 'kubernetes_namespace_v1')).find((n) => n.metadata.name === name)!;

  test('application namespaces are restricted by default and baseline when chosen', () => {
    expect(ns('production').metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    const b = stack('prod-platform', env({ namespaces: { staging: { podSecurity: 'baseline' } } }));
    expect(ns('staging', b).metadata.labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
  });

  test('each gets the seed quota and limit range', () => {
    const quota = Object.values(all(s, 'kubernetes_resource_quota_v1')).find((q) => /production/.test(q.metadata.namespace))!;
    expect(quota.spec.hard).toEqual({
      'requests.cpu': '100', 'requests.memory': '200Gi', 'limits.cpu': '200', 'limits.memory': '400Gi',
      persistentvolumeclaims: '20', 'services.loadbalancers': '5',
    });
    const lr = Object.values(all(s, 'kubernetes_limit_range_v1')).find((q) => /production/.test(q.metadata.namespace))!;
    expect(lr.spec.limit[0]).toMatchObject({ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, default_request: { cpu: '200m', memory: '256Mi' } });
    expect(lr.spec.limit[1]).toMatchObject({ type: 'Pod', max: { cpu: '8', memory: '16Gi' } });
  });

  test('ingress is denied by default and allow rules from config are added', () => {
    const p = stack('prod-platform', env({
      namespaces: { production: { allowIngress: { 'allow-frontend-to-backend': { podSelector: { app: 'backend' }, from: [{ podSelector: { app: 'frontend' } }], ports: [{ port: 8080 }] } } } },
    }));
    const pols = Object.values(all(p, 'kubernetes_network_policy_v1')).filter((n) => /production/.test(n.metadata.namespace));
    const byName = Object.fromEntries(pols.map((x) => [x.metadata.name, x.spec]));
    expect(Object.keys(byName).sort()).toEqual(['allow-from-ingress-controller', 'allow-frontend-to-backend', 'deny-all-ingress']);
    expect(byName['deny-all-ingress']).toEqual({ pod_selector: {}, policy_types: ['Ingress'] });
    expect(byName['allow-frontend-to-backend'].pod_selector).toEqual({ match_labels: { app: 'backend' } });
    expect(byName['allow-frontend-to-backend'].ingress[0]).toEqual({ from: [{ pod_selector: { match_labels: { app: 'frontend' } } }], ports: [{ port: '8080', protocol: 'TCP' }] });
  });

  test('a namespace set to null is not created', () => {
    const p = stack('prod-platform', env({ namespaces: { staging: null } }));
    expect(ns('staging', p)).toBeUndefined();
  });
});

describe('the ingress controller reaches default-deny application namespaces', () => {
  const fromIngress = (st: StackJson) =>
    Object.fromEntries(
      Object.values(all(st, 'kubernetes_network_policy_v1'))
        .filter((x) => x.metadata.name === 'allow-from-ingress-controller')
        .map((x) => [String(x.metadata.namespace).replace(/^\$\{kubernetes_namespace_v1\.namespace-([\w-]+?)_namespace_\w+\.metadata\[0\]\.name\}$/, '$1'), x.spec]),
    );

  test('with ingress-nginx, configured and workload namespaces admit every port from the ingress-nginx namespace', () => {
    const pols = fromIngress(stack('prod-platform'));
    expect(Object.keys(pols).sort()).toEqual(['batch', 'orders', 'production', 'staging']);
    expect(pols.production).toEqual({
      pod_selector: {},
      policy_types: ['Ingress'],
      ingress: [{ from: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }],
    });
  });

  test('with AGC, they admit the AGC association subnet as an ipBlock', () => {
    const pols = fromIngress(stack('prod-platform', env({ ingress: { controller: 'agc', agc: { subnetCidr: '10.232.32.0/24' } } })));
    expect(pols.orders.ingress).toEqual([{ from: [{ ip_block: { cidr: '10.232.32.0/24' } }] }]);
  });

  test('namespaces.<name>.allowFromIngress: false leaves the namespace deny-all', () => {
    const pols = fromIngress(stack('prod-platform', env({ namespaces: { production: {}, staging: { allowFromIngress: false } } })));
    expect(Object.keys(pols).sort()).toEqual(['batch', 'orders', 'production']);
  });

  test('without a default deny there is no allow policy (it would isolate the pods)', () => {
    expect(fromIngress(stack('prod-platform', env({ namespaces: { staging: { denyAllIngress: false } } }))).staging).toBeUndefined();
  });

  test('AGIC and no controller add none (the gateway subnet goes in an allowIngress ipBlock)', () => {
    expect(fromIngress(stack('prod-platform', env({ ingress: { controller: 'none' } })))).toEqual({});
    const agic = stack('prod-platform', env({
      ingress: { controller: 'agic', agic: { applicationGatewayId: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-appgw/providers/Microsoft.Network/applicationGateways/agw' } },
      namespaces: { production: { allowIngress: { 'from-appgw': { from: [{ ipBlock: '10.240.0.0/24' }] } } } },
    }));
    expect(fromIngress(agic)).toEqual({});
    const rule = Object.values(all(agic, 'kubernetes_network_policy_v1')).find((x) => x.metadata.name === 'from-appgw')!;
    expect(rule.spec.ingress[0].from).toEqual([{ ip_block: { cidr: '10.240.0.0/24' } }]);
  });

  test('an ipBlock beside a selector is a configuration error', () => {
    expect(() => config(configText(env({ namespaces: { production: { allowIngress: { x: { from: [{ ipBlock: '10.240.0.0/24', podSelector: { a: 'b' } }] } } } } })))).toThrow(/ipBlock goes alone/);
  });
});

test('no credential, key, password or kubeconfig appears in any stack', () => {
  for (const name of ['prod-infra', 'prod-platform', 'dev-infra', 'dev-platform']) {
    const text = JSON.stringify(stack(name));
    expect(text).not.toMatch(/password|client_secret|(?<!shared_)access_key|connection_string|secretContents|kube_admin_config|kubernetes_secret/i);
  }
});
