/** Environments peered to the same hub with overlapping VNets are warned about, with a free range to pick. */
import { config, configText } from '../helpers/synth';
import { freeRange } from '../../lib/config/warnings-vnet-overlap';

const HUB = '/subscriptions/3f2b9c1e-0000-4000-8000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const hub = { virtualNetworkId: HUB };
const warnings = (patch: Record<string, unknown>) => config(configText(patch)).warnings.filter((w) => w.includes('overlaps'));

test('two environments peered to the same hub with overlapping VNets: a warning naming both ranges, the hub and a free range', () => {
  const w = warnings({ environments: { dev: { network: { hub, vnet: { addressSpace: '10.224.0.0/16', nodeSubnet: '10.224.0.0/20' } } }, prod: { network: { hub, vnet: { addressSpace: '10.224.0.0/12', nodeSubnet: '10.224.0.0/20' } } } } });
  expect(w).toHaveLength(1);
  expect(w[0]).toMatch(/^prod: network\.vnet\.addressSpace 10\.224\.0\.0\/12 overlaps dev's 10\.224\.0\.0\/16, and both peer with the hub \/subscriptions\/.*vnet-hub: the hub cannot route one range to two spokes/);
  expect(w[0]).toContain('e.g. 10.16.0.0/12, the first /12 in 10.0.0.0/8 no environment\'s VNet or service range uses');
});

test('no warning when the VNets do not overlap, or when only one of them peers with the hub', () => {
  expect(warnings({ environments: { dev: { network: { hub, vnet: { addressSpace: '10.224.0.0/16', nodeSubnet: '10.224.0.0/20' } } }, prod: { network: { hub, vnet: { addressSpace: '10.16.0.0/12', nodeSubnet: '10.16.0.0/20' } } } } })).toEqual([]);
  expect(warnings({ environments: { dev: { network: { hub, vnet: { addressSpace: '10.224.0.0/16', nodeSubnet: '10.224.0.0/20' } } }, prod: { network: { vnet: { addressSpace: '10.224.0.0/12', nodeSubnet: '10.224.0.0/20' } } } } })).toEqual([]);
});

test('the suggested range avoids every taken range', () => {
  expect(freeRange(16, ['10.0.0.0/16', '10.1.0.0/16'])).toBe('10.2.0.0/16');
  expect(freeRange(8, ['10.0.0.0/24'])).toBeUndefined();
});
