import { manifest, only, stack, synthAll } from '../helpers/synth';

describe('stacks', () => {
  test('each environment gets an infra and a platform stack', () => {
    expect(Object.keys(synthAll())).toEqual(['dev-infra', 'dev-platform', 'prod-infra', 'prod-platform']);
  });

  test('the infra stack holds azurerm and azuread, the platform stack helm and kubernetes', () => {
    expect(Object.keys(stack('prod-infra').provider ?? {}).sort()).toEqual(['azuread', 'azurerm']);
    expect(Object.keys(stack('prod-platform').provider ?? {}).sort()).toEqual(['helm', 'kubernetes']);
  });

  test('the azurerm provider targets the configured subscription and tenant', () => {
    const id = '11111111-2222-3333-4444-555555555555';
    const azurerm = stack('prod-infra', { environments: { prod: { subscriptionId: id } } }).provider!.azurerm[0];
    expect(azurerm).toMatchObject({ subscription_id: id, storage_use_azuread: true });
  });

  test('the azurerm provider stays off the storage data plane and never purges a destroyed vault', () => {
    expect(stack('prod-infra').provider!.azurerm[0].features).toEqual([
      { key_vault: [{ purge_soft_delete_on_destroy: false, recover_soft_deleted_key_vaults: true }], storage: [{ data_plane_available: false }] },
    ]);
    expect(stack('prod-infra').provider!.azuread[0]).toEqual({ tenant_id: '00000000-0000-0000-0000-000000000000' });
  });

  test('the resource group carries the environment and owner tags', () => {
    expect(only(stack('prod-infra'), 'azurerm_resource_group')).toMatchObject({
      name: 'rg-demo-prod',
      location: 'koreacentral',
      tags: { environment: 'prod', owner: 'platform-team' },
    });
  });
});

describe('cross-stack wiring', () => {
  const platform = stack('prod-platform');
  const infra = stack('prod-infra');
  const remote = platform.data!.terraform_remote_state;

  test('the platform stack reads the infra stack state, and only that', () => {
    expect(Object.keys(remote)).toEqual(['cross-stack-reference-input-prod-infra']);
  });

  test('both providers take host and CA certificate from infra outputs', () => {
    const k8s = platform.provider!.kubernetes[0] as Record<string, string>;
    const helm = (platform.provider!.helm[0] as { kubernetes: Record<string, string> }).kubernetes;
    for (const p of [k8s, helm]) {
      const hostOutput = /outputs\.([\w-]+)\}$/.exec(p.host)![1];
      const caOutput = /outputs\.([\w-]+)\)\}$/.exec(p.cluster_ca_certificate)![1];
      expect(p.host).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-prod-infra\.outputs\./);
      expect(infra.output![hostOutput].value).toMatch(/^\$\{azurerm_kubernetes_cluster\.[\w]+\.kube_config\[0\]\.host\}$/);
      expect(infra.output![caOutput].value).toMatch(/kube_config\[0\]\.cluster_ca_certificate\}$/);
      expect(infra.output![hostOutput].sensitive).toBe(true);
    }
  });

  test('the platform stack depends on its own environment infra stack', () => {
    const { stacks } = manifest();
    expect(stacks['prod-platform'].dependencies).toEqual(['prod-infra']);
    expect(stacks['dev-platform'].dependencies).toEqual(['dev-infra']);
    expect(stacks['prod-infra'].dependencies).toEqual([]);
  });
});

describe('cross-stack outputs', () => {
  const outputs = () => Object.entries(stack('prod-infra').output ?? {}).filter(([k]) => k.startsWith('cross-stack-output-'));

  test('the cluster credentials path (kube_config host and CA) stays sensitive', () => {
    const kube = outputs().filter(([, o]) => String(o.value).includes('.kube_config['));
    expect(kube.length).toBe(2);
    expect(kube.every(([, o]) => o.sensitive === true)).toBe(true);
  });

  test('client IDs and names are not marked sensitive, so platform plans can be reviewed', () => {
    const ids = outputs().filter(([, o]) => /\.client_id\}$/.test(String(o.value)));
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.every(([, o]) => o.sensitive === false)).toBe(true);
  });

  test('every cross-stack output states its sensitivity, and the reviewable ones read names, IDs and URIs', () => {
    const all = outputs();
    expect(all.length).toBeGreaterThan(5);
    for (const [, o] of all) expect(typeof o.sensitive).toBe('boolean');
    // Attributes a platform plan shows in the clear (what a reviewer needs), each read by at least one output.
    for (const attribute of ['vault_uri', 'client_id', 'name', 'resource_group_name']) {
      const reading = all.filter(([, o]) => String(o.value).endsWith(`.${attribute}}`));
      expect(reading.length).toBeGreaterThan(0);
      expect(reading.every(([, o]) => o.sensitive === false)).toBe(true);
    }
    // Nothing that reads credentials or the cluster's kubeconfig is in the clear.
    const secret = all.filter(([, o]) => /kube_config|password|access_key|connection_string|primary_key/.test(String(o.value)));
    expect(secret.length).toBeGreaterThan(0);
    expect(secret.every(([, o]) => o.sensitive === true)).toBe(true);
  });
});

describe('backends', () => {
  test('local state paths are relative to the stack folder and point at the project root', () => {
    expect(stack('prod-infra').terraform!.backend).toEqual({ local: { path: '../../../terraform.prod-infra.tfstate' } });
    expect(stack('prod-platform').data!.terraform_remote_state['cross-stack-reference-input-prod-infra']).toMatchObject({
      backend: 'local',
      config: { path: '../../../terraform.prod-infra.tfstate' },
    });
  });

  test('azurerm state goes to one blob per stack, with Entra ID auth', () => {
    const patch = { environments: { prod: { backend: { type: 'azurerm', resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate', keyPrefix: 'aks/' } } } };
    expect(stack('prod-platform', patch).terraform!.backend).toEqual({
      azurerm: { container_name: 'tfstate', key: 'aks/prod-platform.tfstate', resource_group_name: 'rg-tfstate', storage_account_name: 'sttfstate', use_azuread_auth: true },
    });
  });

  test('Terraform Cloud uses one named workspace per stack', () => {
    const patch = { environments: { prod: { backend: { type: 'cloud', organization: 'contoso', workspacePrefix: 'aks-' } } } };
    expect(stack('prod-infra', patch).terraform!.cloud).toEqual({
      hostname: 'app.terraform.io',
      organization: 'contoso',
      workspaces: { name: 'aks-prod-infra' },
    });
  });
});
