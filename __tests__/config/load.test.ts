import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { configPath, loadConfig } from '../../lib/config';
import { config, configText, DEFAULT_CONFIG_TEXT, problems, problemsWith, PROJECT_CONFIG_TEXT } from '../helpers/synth';

describe('the default platform.yaml', () => {
  const cfg = config();

  test('defines dev and prod in koreacentral', () => {
    expect(cfg.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    expect(cfg.environments.every((e) => e.location === 'koreacentral')).toBe(true);
  });

  test('prod uses the production preset with the baseline defaults', () => {
    const prod = cfg.environments.find((e) => e.name === 'prod')!;
    expect(prod.preset).toBe('production');
    expect(prod.cluster.skuTier).toBe('Standard');
    const system = prod.nodePools.find((p) => p.kind === 'system')!;
    expect(system).toMatchObject({ count: 3, vmSize: 'Standard_D2s_v3', zones: ['1', '2', '3'] });
  });

  test('dev is the cheaper development variant', () => {
    const dev = cfg.environments.find((e) => e.name === 'dev')!;
    expect(dev.preset).toBe('development');
    expect(dev.cluster.skuTier).toBe('Free');
    expect(dev.nodePools.find((p) => p.kind === 'system')!.count).toBe(1);
  });

  test('derives resource names from project and environment', () => {
    expect(cfg.environments[1].names).toEqual({
      resourceGroup: 'rg-demo-prod',
      cluster: 'aks-demo-prod',
      dnsPrefix: 'aks-demo-prod',
      keyVault: 'kv-demo-prod',
      acr: 'acrdemoprod',
      backupStorageAccount: 'stbkdemoprod',
      virtualNetwork: 'vnet-aks-demo-prod',
      logAnalyticsWorkspace: 'law-aks-demo-prod',
    });
  });

  test('tags every environment with environment, owner and project', () => {
    expect(cfg.environments[0].tags).toMatchObject({ environment: 'dev', owner: 'platform-team', project: 'demo' });
  });

  test('warns that the subscription and tenant are placeholders', () => {
    expect(cfg.warnings).toContainEqual(expect.stringMatching(/^prod: subscriptionId is still the placeholder/));
  });

  test('puts the system pool first', () => {
    expect(cfg.environments[1].nodePools.map((p) => p.name)).toEqual(['system', 'apps', 'gpu', 'spot']);
  });
});

describe('layering', () => {
  test('an environment overrides the shared defaults field by field', () => {
    const cfg = config(configText({ defaults: { network: { policy: 'calico' } }, environments: { prod: { network: { podCidr: '172.16.0.0/16' } } } }));
    const prod = cfg.environments.find((e) => e.name === 'prod')!;
    expect(prod.network.policy).toBe('calico');
    expect(prod.network.podCidr).toBe('172.16.0.0/16');
    expect(prod.network.serviceCidr).toBe('10.0.0.0/16');
  });

  test('an environment overrides its preset', () => {
    const cfg = config(configText({ environments: { dev: { cluster: { skuTier: 'Standard' } } } }));
    expect(cfg.environments[0].cluster.skuTier).toBe('Standard');
  });

  test('null removes an inherited node pool', () => {
    const cfg = config(configText({ environments: { prod: { nodePools: { gpu: null } } } }));
    expect(cfg.environments[1].nodePools.map((p) => p.name)).not.toContain('gpu');
  });

  test('nodePoolDefaults apply per kind under the pool settings', () => {
    const cfg = config(configText({ environments: { prod: { nodePoolDefaults: { user: { vmSize: 'Standard_E4s_v3' } } } } }));
    expect(cfg.environments[1].nodePools.find((p) => p.name === 'apps')!.vmSize).toBe('Standard_E4s_v3');
  });
});

describe('bad input', () => {
  test('an unknown key is an error with a suggestion and its line', () => {
    expect(problemsWith({ environments: { prod: { nodepools: {} } } })).toContainEqual(
      expect.stringMatching(/^platform\.yaml:\d+:\d+: environments\.prod\.nodepools: unknown key; did you mean "nodePools"\? \(got "nodepools"; allowed .*nodePools/),
    );
  });

  test('an unknown key in defaults is reported once, where it is written', () => {
    const out = problemsWith({ defaults: { clustr: {} } });
    expect(out.filter((l) => l.includes('defaults.clustr: unknown key; did you mean "cluster"?'))).toHaveLength(1);
  });

  test('a YAML syntax error gives line and column', () => {
    const out = problems('project: demo\nowner: [unclosed\n  bad: : x\n');
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^platform\.yaml:[23]:\d+: \(top level\): YAML syntax error: /);
  });

  test('a bad enum value names the allowed values', () => {
    expect(problemsWith({ environments: { prod: { cluster: { skuTier: 'Gold' } } } })).toContainEqual(
      expect.stringMatching(/environments\.prod\.cluster\.skuTier: invalid value \(got "Gold"; allowed "Free", "Standard", "Premium"\)/),
    );
  });

  test('a missing required field says so', () => {
    const text = DEFAULT_CONFIG_TEXT.replace(/^ {2}tenantId: .*$/m, '');
    expect(problems(text)).toContainEqual(expect.stringMatching(/environments\.dev\.tenantId: is required/));
  });

  test.each([
    ['node pool', { nodePools: { Apps_1: { kind: 'user' } } }, /nodePools\.Apps_1: invalid name \(got "Apps_1"; allowed 1-12 lowercase/],
    ['Windows node pool', { nodePools: { winpool1: { kind: 'windows' } } }, /nodePools\.winpool1: Windows pool names are at most 6 characters/],
    ['Key Vault', { keyVault: { name: 'kv_demo' } }, /keyVault\.name: invalid Key Vault name \(got "kv_demo"; allowed 3-24 letters, digits and hyphens/],
    ['ACR', { acr: { name: 'acr-demo' } }, /acr\.name: invalid container registry name \(got "acr-demo"; allowed 5-50 letters and digits\)/],
    ['storage account', { backup: { storageAccountName: 'StVelero' } }, /backup\.storageAccountName: invalid storage account name \(got "StVelero"; allowed 3-24 lowercase/],
    ['resource group', { resourceGroupName: 'rg-demo.' }, /resourceGroupName: invalid resource group name \(got "rg-demo\."/],
  ])('an invalid %s name is rejected with the rule', (_what, patch, expected) => {
    expect(problemsWith({ environments: { prod: patch } })).toContainEqual(expect.stringMatching(expected));
  });

  test('a derived name that breaks a rule says how to fix it', () => {
    const text = configText({ project: 'longproject1', environments: { dev: null, prod: null } }).replace(
      'environments: {}',
      'environments:\n  staging123: {}',
    );
    expect(problems(text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/environments\.staging123\.keyVault\.name: the derived Key Vault name is invalid \(set keyVault\.name or shorten project\/environment\) \(got "kv-longproject1-staging123"/),
        expect.stringMatching(/environments\.staging123\.backup\.storageAccountName: the derived storage account name is invalid .*\(got "stbklongproject1staging123"/),
      ]),
    );
  });

  test('a project name outside the rule is rejected', () => {
    expect(problems(configText({ project: 'averylongname' }))).toContainEqual(
      expect.stringMatching(/^platform\.yaml:\d+:\d+: project: invalid format \(got "averylongname"; allowed 2-12 lowercase letters and digits/),
    );
  });

  test('a malformed CIDR is rejected', () => {
    expect(problemsWith({ environments: { prod: { network: { podCidr: '10.0.0.0/33' } } } })).toContainEqual(
      expect.stringMatching(/environments\.prod\.network\.podCidr: invalid format \(got "10\.0\.0\.0\/33"; allowed an IPv4 CIDR/),
    );
  });

  test('overlapping pod and service ranges are rejected', () => {
    expect(problemsWith({ environments: { prod: { network: { podCidr: '10.0.128.0/17' } } } })).toContainEqual(
      expect.stringMatching(/network\.podCidr: overlaps network\.serviceCidr \(10\.0\.0\.0\/16\)/),
    );
  });

  test('a VNet overlapping the service range is rejected', () => {
    expect(problemsWith({ environments: { prod: { network: { vnet: { addressSpace: '10.0.0.0/8', nodeSubnet: '10.1.0.0/16' } } } } })).toContainEqual(
      expect.stringMatching(/network\.vnet\.addressSpace: overlaps network\.serviceCidr/),
    );
  });

  test('a DNS service IP outside the service range is rejected', () => {
    expect(problemsWith({ environments: { prod: { network: { dnsServiceIp: '10.1.0.10' } } } })).toContainEqual(
      expect.stringMatching(/network\.dnsServiceIp: must be inside network\.serviceCidr.*\(got "10\.1\.0\.10"; allowed an address in 10\.0\.0\.0\/16/),
    );
  });

  test('an autoscaled pool needs min <= count <= max', () => {
    expect(problemsWith({ environments: { prod: { nodePools: { apps: { kind: 'user', count: 30, maxCount: 20 } } } } })).toContainEqual(
      expect.stringMatching(/environments\.prod\.nodePools\.apps\.count: an autoscaled pool needs minCount <= count <= maxCount \(got minCount 3, count 30, maxCount 20/),
    );
  });

  test('exactly one system pool is required', () => {
    expect(problemsWith({ environments: { prod: { nodePools: { system2: { kind: 'system' } } } } })).toContainEqual(
      expect.stringMatching(/environments\.prod\.nodePools: exactly one pool of kind system is required \(got "system, system2"/),
    );
    // (Removing `system` from the file is not enough: pools merge by name over the default system pool.)
    expect(problemsWith({ environments: { prod: { nodePools: { system: { kind: 'user' } } } } })).toContainEqual(
      expect.stringMatching(/nodePools: exactly one pool of kind system is required \(got "none"/),
    );
  });

  test('every problem is reported at once, in file order', () => {
    const out = problemsWith({
      environments: {
        dev: { cluster: { skuTier: 'Gold' } },
        prod: { network: { dnsServiceIp: '10.9.0.10' }, acr: { name: 'x' } },
      },
    });
    expect(out).toHaveLength(3);
    const lines = out.map((l) => Number(/^platform\.yaml:(\d+):/.exec(l)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('file selection', () => {
  test('PLATFORM_CONFIG selects another file, relative to the working directory', () => {
    expect(configPath({ PLATFORM_CONFIG: 'envs/other.yaml' }, '/repo')).toBe('/repo/envs/other.yaml');
    expect(configPath({}, '/repo')).toBe('/repo/platform.yaml');
  });

  test('a missing file is a configuration error naming it', () => {
    expect(() => loadConfig('/nonexistent/platform.yaml')).toThrow(/cannot read the configuration file/);
  });

  test('loads a file from disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    const file = path.join(dir, 'p.yaml');
    writeFileSync(file, DEFAULT_CONFIG_TEXT);
    expect(loadConfig(file).environments).toHaveLength(2);
  });
});

describe('the project\'s own platform.yaml', () => {
  test('is valid (whatever it has been edited to)', () => {
    expect(() => config(PROJECT_CONFIG_TEXT)).not.toThrow();
  });
});

describe('cluster administrators', () => {
  test('a production cluster without an admin group is an error (local accounts are off)', () => {
    expect(problemsWith({ defaults: { cluster: { adminGroupObjectIds: [] } } })).toContainEqual(
      expect.stringMatching(/environments\.prod\.cluster\.adminGroupObjectIds|defaults\.cluster\.adminGroupObjectIds: a production cluster needs at least one Entra ID admin group/),
    );
  });

  test('a development cluster without one is accepted, with a warning', () => {
    const cfg = config(configText({ defaults: { cluster: { adminGroupObjectIds: [] } }, environments: { prod: { cluster: { adminGroupObjectIds: ['3f2b9c1e-0000-4000-8000-1234567890ab'] } } } }));
    expect(cfg.warnings).toContainEqual(expect.stringMatching(/^dev: cluster\.adminGroupObjectIds is empty: with local accounts off, nobody can administer the cluster/));
  });

  test('the example\'s placeholder group is flagged', () => {
    expect(config().warnings).toContainEqual(expect.stringMatching(/^prod: cluster\.adminGroupObjectIds still holds the placeholder/));
  });
});

test('an existing node subnet let through the vault firewall is flagged: its service endpoint is not ours to add', () => {
  const subnet = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/nodes';
  const cfg = config(configText({ environments: { prod: { network: { existingNodeSubnetId: subnet } } } }));
  expect(cfg.warnings).toContainEqual(expect.stringMatching(/^prod: the vault firewall allows the existing node subnet .* must already have the Microsoft\.KeyVault service endpoint/));
});

test('minCount above maxCount says so', () => {
  expect(problemsWith({ environments: { prod: { nodePools: { apps: { kind: 'user', minCount: 40, maxCount: 30, count: 35 } } } } })).toContainEqual(
    expect.stringMatching(/environments\.prod\.nodePools\.apps\.minCount: is greater than maxCount \(got minCount 40, maxCount 30; allowed a minCount of at most 30, or a larger maxCount\)/),
  );
});

test('the example\'s documentation IP ranges for the API server are flagged', () => {
  expect(config().warnings).toContainEqual(
    expect.stringMatching(/^prod: cluster\.apiServer\.authorizedIpRanges still holds documentation ranges \(203\.0\.113\.0\/24, 198\.51\.100\.0\/24\)/),
  );
});
