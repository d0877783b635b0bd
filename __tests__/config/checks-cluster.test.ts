import { parseConfig } from '../../lib/config';
import { configText, problemsWith } from '../helpers/synth';

const prod = (body: Record<string, unknown>) => problemsWith({ environments: { prod: body } });
const accepted = (patch: Record<string, unknown>) => () => parseConfig(configText(patch), 'platform.yaml');

describe('API server exposure', () => {
  test('prod: a public API server without ranges is refused unless chosen explicitly', () => {
    expect(prod({ cluster: { apiServer: { authorizedIpRanges: [] } } })).toEqual([
      expect.stringMatching(/^platform\.yaml:\d+:\d+: environments\.prod\.cluster\.apiServer\.authorizedIpRanges: access authorizedRanges needs at least one range; .*\(got "\[\]"; allowed .*access: publicUnrestricted to leave it open deliberately\)$/),
    ]);
  });

  test('publicUnrestricted is the explicit, accepted way to leave it open', () => {
    expect(accepted({ environments: { prod: { cluster: { apiServer: { access: 'publicUnrestricted', authorizedIpRanges: [] } } } } })).not.toThrow();
  });

  test('ranges with a private or unrestricted API server are refused', () => {
    expect(prod({ cluster: { apiServer: { access: 'private' } } })).toEqual([expect.stringContaining('cluster.apiServer.authorizedIpRanges: ranges apply only to access authorizedRanges, not private')]);
    expect(prod({ cluster: { apiServer: { access: 'publicUnrestricted' } } })).toEqual([expect.stringContaining('not publicUnrestricted')]);
  });

  test('a private DNS zone or public FQDN without a private cluster is refused', () => {
    const lines = prod({ cluster: { apiServer: { privateDnsZone: 'none', publicFqdn: true } } });
    expect(lines).toEqual([
      expect.stringContaining('cluster.apiServer.privateDnsZone: a private DNS zone applies only to a private cluster'),
      expect.stringContaining('cluster.apiServer.publicFqdn: applies only to a private cluster'),
    ]);
  });

  test('an unknown access mode lists the allowed ones', () => {
    expect(prod({ cluster: { apiServer: { access: 'public' } } })[0]).toMatch(/cluster\.apiServer\.access: invalid value \(got "public"; allowed "private", "authorizedRanges", "publicUnrestricted"\)/);
  });

  test('ranges must be CIDRs', () => {
    expect(prod({ cluster: { apiServer: { authorizedIpRanges: ['203.0.113.0'] } } })[0]).toContain('cluster.apiServer.authorizedIpRanges.0: invalid format');
  });
});

describe('identity', () => {
  test('kubelet existing needs the identity ID', () => {
    expect(prod({ cluster: { identity: { kubelet: 'existing' } } })).toEqual([expect.stringContaining('cluster.identity.existingKubeletIdentityId: kubelet: existing needs the identity resource ID')]);
  });

  test('an identity ID without kubelet existing is refused', () => {
    const id = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-k';
    expect(prod({ cluster: { identity: { existingKubeletIdentityId: id } } })).toEqual([expect.stringContaining('cluster.identity.kubelet: existingKubeletIdentityId is set but kubelet is not existing')]);
  });

  test('the ID must be a user-assigned identity', () => {
    const id = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v';
    expect(prod({ cluster: { identity: { kubelet: 'existing', existingKubeletIdentityId: id } } })).toEqual([expect.stringContaining('is not a user-assigned identity ID')]);
  });
});

describe('upgrades and maintenance', () => {
  test('the patch channel takes a major.minor version', () => {
    expect(prod({ cluster: { kubernetesVersion: '1.32.9', upgrades: { channel: 'patch' } } })).toEqual([expect.stringMatching(/cluster\.kubernetesVersion: the patch upgrade channel takes a major\.minor version .*allowed 1\.32\)$/)]);
  });

  test('the node-image channel needs the NodeImage OS channel', () => {
    expect(prod({ cluster: { upgrades: { channel: 'node-image', nodeOsChannel: 'SecurityPatch' } } })).toEqual([expect.stringContaining('cluster.upgrades.nodeOsChannel: the node-image upgrade channel requires nodeOsChannel NodeImage')]);
  });

  test('an auto-upgrade window without a channel is refused', () => {
    expect(prod({ cluster: { upgrades: { channel: 'none' } } })).toEqual([expect.stringContaining('cluster.upgrades.autoUpgradeWindow.enabled: a window for automatic upgrades needs an upgrade channel')]);
  });

  test('a node OS window with an unmanaged node OS channel is refused', () => {
    expect(prod({ cluster: { upgrades: { nodeOsChannel: 'Unmanaged' } } })).toEqual([expect.stringContaining('cluster.upgrades.nodeOsWindow.enabled: a node OS window needs nodeOsChannel SecurityPatch or NodeImage, not Unmanaged')]);
  });

  test('monthly windows need their day; other frequencies refuse it', () => {
    expect(prod({ cluster: { upgrades: { autoUpgradeWindow: { frequency: 'AbsoluteMonthly' }, nodeOsWindow: { weekIndex: 'First' } } } })).toEqual([
      expect.stringContaining('cluster.upgrades.autoUpgradeWindow.dayOfMonth: frequency AbsoluteMonthly needs dayOfMonth'),
      expect.stringContaining('cluster.upgrades.nodeOsWindow.weekIndex: applies only to frequency RelativeMonthly, not Weekly'),
    ]);
  });

  test('windows are at least 4 hours and start on the hour 0-23', () => {
    const lines = prod({ cluster: { upgrades: { autoUpgradeWindow: { durationHours: 2, startHour: 24 } } } });
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining('autoUpgradeWindow.durationHours: too small'), expect.stringContaining('autoUpgradeWindow.startHour: too big')]));
  });

  test('the default window ends within its day', () => {
    expect(prod({ cluster: { upgrades: { defaultWindow: { startHour: 22, durationHours: 4 } } } })).toEqual([expect.stringContaining('cluster.upgrades.defaultWindow.durationHours: the default window must end within its day')]);
  });

  test('a blackout must end after it starts', () => {
    expect(prod({ cluster: { upgrades: { nodeOsWindow: { notAllowed: [{ start: '2026-12-27T00:00:00Z', end: '2026-12-24T00:00:00Z' }] } } } })).toEqual([
      expect.stringContaining('cluster.upgrades.nodeOsWindow.notAllowed.0.end: must be after start'),
    ]);
  });

  test('a UTC offset must look like +09:00', () => {
    expect(prod({ cluster: { upgrades: { nodeOsWindow: { utcOffset: '9' } } } })[0]).toContain('allowed a UTC offset such as +09:00');
  });
});

describe('networking and pools', () => {
  test('user-defined routing needs a firewall route or an existing subnet', () => {
    expect(prod({ network: { outboundType: 'userDefinedRouting' } })).toEqual([expect.stringContaining('network.outboundType: userDefinedRouting needs a default route on the node subnet')]);
  });

  test('spot settings on a non-spot pool are refused', () => {
    expect(prod({ nodePools: { apps: { kind: 'user', spotMaxPrice: 0.1 } } })).toEqual([expect.stringContaining('nodePools.apps.spotMaxPrice: applies only to pools of kind spot')]);
  });

  test('taints on the system pool are refused (it is tainted through only_critical_addons_enabled)', () => {
    expect(prod({ nodePools: { system: { kind: 'system', taints: ['CriticalAddonsOnly=true:NoSchedule'] } } })).toEqual([
      expect.stringContaining('nodePools.system.taints: the system pool is tainted CriticalAddonsOnly=true:NoSchedule through only_critical_addons_enabled'),
    ]);
  });

  test('Windows pools are refused with the cilium data plane', () => {
    expect(prod({ network: { policy: 'cilium' }, nodePools: { win: { kind: 'windows' } } })).toEqual([expect.stringContaining('nodePools.win.kind: Windows nodes need Azure CNI without the cilium data plane')]);
  });

  test('a spot price is -1 or positive', () => {
    expect(prod({ nodePools: { spot: { kind: 'spot', spotMaxPrice: 0 } } })[0]).toContain('nodePools.spot.spotMaxPrice');
  });

  test('an invalid VNet name is refused', () => {
    expect(prod({ network: { vnet: { name: 'vnet.' } } })).toEqual([expect.stringContaining('network.vnet.name: invalid virtual network name')]);
  });
});

describe('monitoring', () => {
  test('retention is 30-730 days', () => {
    expect(prod({ cluster: { monitoring: { retentionDays: 7 } } })[0]).toContain('cluster.monitoring.retentionDays: too small');
  });

  test('a Prometheus workspace with Prometheus off is refused', () => {
    const amw = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Monitor/accounts/amw';
    expect(problemsWith({ environments: { dev: { cluster: { monitoring: { existingMonitorWorkspaceId: amw } } } } })).toEqual([expect.stringContaining('environments.dev.cluster.monitoring.existingMonitorWorkspaceId: is set but managed Prometheus is off')]);
  });

  test('alert receivers with Prometheus off are refused', () => {
    expect(problemsWith({ environments: { dev: { cluster: { monitoring: { alerts: { emailReceivers: ['ops@example.com'] } } } } } })).toEqual([expect.stringContaining('environments.dev.cluster.monitoring.alerts.emailReceivers: is set but managed Prometheus is off')]);
  });

  test('alert e-mail receivers and an existing action group together are refused', () => {
    const ag = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag';
    expect(prod({ cluster: { monitoring: { alerts: { emailReceivers: ['ops@example.com'], actionGroupId: ag } } } })).toEqual([expect.stringContaining('cluster.monitoring.alerts.emailReceivers: are set together with actionGroupId')]);
  });

  test('a malformed alert e-mail address is refused', () => {
    expect(prod({ cluster: { monitoring: { alerts: { emailReceivers: ['ops.example.com'] } } } })[0]).toMatch(/cluster\.monitoring\.alerts\.emailReceivers\.0: .*an e-mail address such as ops@example.com/);
  });

  test('an unknown log category lists the allowed ones', () => {
    expect(prod({ cluster: { monitoring: { diagnosticLogs: ['kube-audits'] } } })[0]).toMatch(/diagnosticLogs\.0: invalid value \(got "kube-audits"; allowed "kube-apiserver", "kube-audit"/);
  });
});
