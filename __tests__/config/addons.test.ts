import { config, configText, problemsWith } from '../helpers/synth';

const prod = (p: Record<string, unknown>) => ({ environments: { prod: p } });

describe('add-on configuration', () => {
  const env = config().environments.find((e) => e.name === 'prod')!;

  test('the defaults are the seed: ingress-nginx, Trivy operator and Velero on, production and staging namespaces', () => {
    expect(env.ingress.controller).toBe('nginx');
    expect(env.addons.trivyOperator.enabled).toBe(true);
    expect(env.backup).toMatchObject({ enabled: true, containerName: 'velero', snapshots: 'csi' });
    expect(Object.keys(env.namespaces)).toEqual(['production', 'staging']);
    expect(env.backup.schedules['daily-backup']).toEqual({ schedule: '0 2 * * *', includedNamespaces: ['production', 'staging'], ttl: '720h', includeApplicationNamespaces: true });
  });

  test('agic without a gateway ID is reported at its path', () => {
    expect(problemsWith(prod({ ingress: { controller: 'agic' } }))).toContainEqual(
      expect.stringMatching(/environments\.prod\.ingress\.agic\.applicationGatewayId: is required when ingress\.controller is agic/),
    );
  });

  describe('the AGC subnet range', () => {
    const agc = (agcPatch: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      problemsWith(prod({ ingress: { controller: 'agc', agc: agcPatch }, ...extra }));

    test('a range smaller than /24 is reported at its path', () => {
      expect(agc({ subnetCidr: '10.232.32.0/26' })).toContainEqual(
        expect.stringMatching(/environments\.prod\.ingress\.agc\.subnetCidr: is too small for Application Gateway for Containers \(got "10\.232\.32\.0\/26"; allowed a \/24 or larger/),
      );
    });

    test('a range outside the VNet the platform creates is reported', () => {
      expect(agc({ subnetCidr: '172.16.0.0/24' })).toContainEqual(expect.stringMatching(/ingress\.agc\.subnetCidr: is not inside network\.vnet\.addressSpace \(got "172\.16\.0\.0\/24"; allowed a free range of 10\.232\.0\.0\/16\)/));
    });

    test('a range inside the node subnet is reported', () => {
      expect(agc({ subnetCidr: '10.232.8.0/24' })).toContainEqual(expect.stringMatching(/ingress\.agc\.subnetCidr: overlaps network\.vnet\.nodeSubnet \(10\.232\.0\.0\/20\)/));
    });

    test('a range overlapping the pod or the service range is reported', () => {
      expect(agc({ subnetCidr: '192.168.4.0/24' })).toContainEqual(expect.stringMatching(/ingress\.agc\.subnetCidr: overlaps network\.podCidr/));
      expect(agc({ subnetCidr: '10.0.4.0/24' })).toContainEqual(expect.stringMatching(/ingress\.agc\.subnetCidr: overlaps network\.serviceCidr/));
    });

    test('a free /24 inside the VNet is accepted', () => {
      expect(() => config(configText(prod({ ingress: { controller: 'agc', agc: { subnetCidr: '10.232.32.0/24' } } })))).not.toThrow();
    });

    test('an existing node subnet needs the VNet name for the AGC subnet', () => {
      const subnet = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/nodes';
      const problems = agc({ subnetCidr: '10.232.32.0/24' }, { network: { existingNodeSubnetId: subnet } });
      expect(problems).toContainEqual(expect.stringMatching(/environments\.prod\.ingress\.agc\.virtualNetworkName: is required with network\.existingNodeSubnetId/));
      expect(problems.filter((p) => p.includes('subnetCidr'))).toEqual([]);
      const named = prod({ ingress: { controller: 'agc', agc: { subnetCidr: '10.232.32.0/24', virtualNetworkName: 'vnet-hub' } }, network: { existingNodeSubnetId: subnet } });
      expect(() => config(configText(named))).not.toThrow();
    });
  });

  test('an unknown ingress controller lists the allowed ones', () => {
    expect(problemsWith(prod({ ingress: { controller: 'traefik' } }))).toContainEqual(expect.stringMatching(/got "traefik"; allowed "nginx", "agc", "agic", "none"/));
  });

  test('a scan-job node pool that does not exist is reported with the pools that do', () => {
    expect(problemsWith(prod({ addons: { trivyOperator: { scanJobNodePool: 'nope' } } }))).toContainEqual(
      expect.stringMatching(/addons\.trivyOperator\.scanJobNodePool: no such node pool \(got "nope"; allowed system, apps, gpu, spot\)/),
    );
  });

  test('a schedule that names none of the environment namespaces is reported', () => {
    const patch = prod({ backup: { schedules: { nightly: { schedule: '0 3 * * *', includedNamespaces: ['nope'] } } } });
    expect(problemsWith(patch)).toContainEqual(expect.stringMatching(/backup\.schedules\.nightly\.includedNamespaces: names no namespace of this environment/));
  });

  test('namespace labels cannot set Pod Security levels or platform/role', () => {
    for (const label of ['pod-security.kubernetes.io/enforce', 'platform/role']) {
      expect(problemsWith(prod({ namespaces: { production: { labels: { [label]: 'privileged' } } } }))).toContainEqual(
        expect.stringMatching(/namespaces\.production\.labels: Pod Security labels come from podSecurity and platform\/role is set by the platform/),
      );
    }
  });

  test('a schedule that is not a five-field cron expression is rejected', () => {
    const patch = prod({ backup: { schedules: { nightly: { schedule: '0 3 * *', includedNamespaces: ['production'] } } } });
    expect(problemsWith(patch)).toContainEqual(expect.stringMatching(/backup\.schedules\.nightly\.schedule: invalid format/));
  });

  test('a misspelt add-on setting gets a suggestion', () => {
    expect(problemsWith(prod({ addons: { trivyOperator: { ignoreUnfixd: true } } }))).toContainEqual(expect.stringMatching(/unknown key; did you mean "ignoreUnfixed"\?/));
  });

  test('the backup storage account name still follows the storage naming rule', () => {
    expect(problemsWith(prod({ backup: { storageAccountName: 'Bad_Name' } }))).toContainEqual(expect.stringMatching(/backup\.storageAccountName: invalid storage account name/));
  });
});

describe('credentials in Helm values', () => {
  test('are refused with their path, and the value is never printed', () => {
    const out = problemsWith({ environments: { prod: { backup: { values: { credentials: { secretContents: { cloud: 'AZURE_CLIENT_SECRET=S3cr3tValue' } } } } } } });
    expect(out).toContainEqual(
      expect.stringMatching(/environments\.prod\.backup\.values\.credentials\.secretContents: looks like a credential \(the key is named like a credential\); nothing secret may go in platform\.yaml .*\(got "\(value hidden\)"; allowed Key Vault: .*Secrets Store CSI driver/),
    );
    expect(out.join('\n')).not.toContain('S3cr3tValue');
  });

  // Recognised by value too, in maps and in lists (each failed before: only keys named like a credential were seen).
  const SAS = 'https://st.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%3D';
  const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAhunter2\n-----END RSA PRIVATE KEY-----';
  const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJodW50ZXIyIn0.c2lnbmF0dXJlaHVudGVyMg';
  test.each([
    ['an env entry named like a secret, in a list', { controller: { extraEnvs: [{ name: 'DB_PASSWORD', value: 'hunter2' }] } }, 'controller.extraEnvs.0.value', /environment variable DB_PASSWORD/],
    ['a storage connection string', { controller: { config: { upstream: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=aHVudGVyMg==;EndpointSuffix=core.windows.net' } } }, 'controller.config.upstream', /connection string/],
    ['a SAS token', { controller: { config: { logs: SAS } } }, 'controller.config.logs', /SAS token/],
    ['a PEM private key', { controller: { config: { key: PEM } } }, 'controller.config.key', /PEM private key/],
    ['a JWT inside a list', { controller: { extraArgs: { x: 'y' }, config: { tokens: [JWT] } } }, 'controller.config.tokens.0', /JSON Web Token/],
    ['a URL with a password', { controller: { config: { db: 'postgres://app:hunter2@db:5432/app' } } }, 'controller.config.db', /URL with a password/],
  ])('%s is refused, naming the path and pointing at Key Vault + CSI', (_, values, at, why) => {
    const out = problemsWith({ environments: { prod: { ingress: { nginx: { values } } } } });
    const line = out.find((l) => l.includes(`environments.prod.ingress.nginx.values.${at}: looks like a credential`));
    expect(line).toMatch(why);
    expect(line).toMatch(/allowed Key Vault: .*Secrets Store CSI driver/);
    expect(out.join('\n')).not.toMatch(/hunter2|aHVudGVyMg|c2lnbmF0dXJl/);
  });

  test('an env entry with valueFrom (a Secret reference) and public certificates pass', () => {
    const values = {
      controller: {
        extraEnvs: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }, { name: 'LOG_LEVEL', value: 'debug' }],
        config: { ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' },
      },
    };
    expect(() => config(configText({ environments: { prod: { ingress: { nginx: { values } } } } }))).not.toThrow();
  });

  test('names of existing Secrets and switches are not credentials', () => {
    expect(() => config(configText({ environments: { prod: { backup: { values: { credentials: { useSecret: false, existingSecret: 'velero-creds' } } } } } }))).not.toThrow();
  });
});
