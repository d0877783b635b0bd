import { contains, containsIp, hostBitsFix, isCidr, isIpv4, overlaps, parseCidr, prefixLength } from '../../lib/azure/cidr';
import { problems, configText } from '../helpers/synth';

describe('CIDR parsing (ipaddr.js)', () => {
  test('accepts dotted quads and prefixes 0-32 only', () => {
    expect(isCidr('10.0.0.0/16')).toBe(true);
    expect(isCidr('999.1.1.1/99')).toBe(false);
    expect(isCidr('10.0.0.0/33')).toBe(false);
    expect(isCidr('10.0.0.0')).toBe(false);
    expect(isIpv4('010.0.0.1')).toBe(false);
    expect(isIpv4('0x0a.0.0.1')).toBe(false);
  });

  test('finds the network address of a prefix written with host bits', () => {
    expect(parseCidr('10.232.0.5/20')).toEqual({ address: '10.232.0.5', prefix: 20, network: '10.232.0.0' });
    expect(hostBitsFix('10.232.0.5/20')).toBe('10.232.0.0/20');
    expect(hostBitsFix('10.232.0.0/20')).toBeUndefined();
    expect(hostBitsFix('not a cidr')).toBeUndefined();
  });

  test('containment and overlap', () => {
    expect(contains('10.224.0.0/12', '10.224.0.0/16')).toBe(true);
    expect(contains('10.224.0.0/16', '10.224.0.0/12')).toBe(false);
    expect(contains('10.224.0.0/12', '10.0.0.0/16')).toBe(false);
    expect(overlaps('10.0.0.0/16', '10.0.128.0/17')).toBe(true);
    expect(overlaps('10.0.0.0/16', '10.1.0.0/16')).toBe(false);
    expect(containsIp('10.0.0.0/16', '10.0.0.10')).toBe(true);
    expect(containsIp('10.0.0.0/16', '10.1.0.10')).toBe(false);
    expect(prefixLength('10.232.32.0/24')).toBe(24);
  });
});

describe('the configuration refuses what Azure refuses at apply', () => {
  test('a prefix with host bits set is refused, naming the field and the network address to write', () => {
    const out = problems(configText({ environments: { prod: { network: { vnet: { nodeSubnet: '10.224.0.5/16' } } } } }));
    expect(out.some((l) => /environments\.prod\.network\.vnet\.nodeSubnet: has host bits set; write the network address 10\.224\.0\.0\/16/.test(l))).toBe(true);
  });

  test('a namespace ipBlock is a real CIDR (999.1.1.1/99 was accepted)', () => {
    const out = problems(
      configText({ environments: { prod: { namespaces: { production: { allowIngress: { gw: { from: [{ ipBlock: '999.1.1.1/99' }] } } } } } } }),
    );
    expect(out.some((l) => l.includes('environments.prod.namespaces.production.allowIngress.gw.from.0.ipBlock'))).toBe(true);
  });

  test('firewall rules take an address or a network-address CIDR', () => {
    const out = problems(configText({ environments: { prod: { keyVault: { networkAcls: { ipRules: ['203.0.113.7', '203.0.113.7/24'] } } } } }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/keyVault\.networkAcls\.ipRules\.1: has host bits set; write the network address 203\.0\.113\.0\/24/);
  });
});
