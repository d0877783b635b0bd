/**
 * IPv4 addresses and CIDR ranges, parsed by ipaddr.js: syntax, the network address, containment and overlap. Shared by
 * the configuration checks and the constructs, so both agree on what a range is.
 */
import * as ipaddr from 'ipaddr.js';

/** A parsed `a.b.c.d/n`: its network address as an integer and its prefix length. */
export interface Cidr {
  /** The address as written (may have host bits set). */
  readonly address: string;
  readonly prefix: number;
  /** The network address (`10.232.0.0` for `10.232.0.5/20`). */
  readonly network: string;
}

/** First and last address of a range, as integers. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Whether `s` is a dotted-quad IPv4 address (four decimal parts 0-255; no octal, hex or short forms). */
export function isIpv4(s: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(s);
}

/** `a.b.c.d/n` parsed, or undefined when it is not one (an address without a prefix is not a CIDR). */
export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const address = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!isIpv4(address) || !/^(3[0-2]|[12]?\d)$/.test(bits)) return undefined;
  const prefix = Number(bits);
  return { address, prefix, network: ipaddr.IPv4.networkAddressFromCIDR(s).toString() };
}

/** Whether `s` is an IPv4 CIDR (host bits allowed: see `hostBitsFix`). */
export function isCidr(s: string): boolean {
  return parseCidr(s) !== undefined;
}

/**
 * For a CIDR with host bits set (`10.232.0.5/20`), the range Azure would accept (`10.232.0.0/20`); undefined for a
 * network address or something that is not a CIDR. Azure refuses address prefixes with host bits set at apply
 * ("InvalidCIDRNotation" on subnets and VNets), so the configuration refuses them at synth.
 */
export function hostBitsFix(s: string): string | undefined {
  const c = parseCidr(s);
  return c && c.network !== c.address ? `${c.network}/${c.prefix}` : undefined;
}

/** An address as a 32-bit unsigned integer. */
export function ipToInt(ip: string): number {
  return ipaddr.IPv4.parse(ip).toByteArray().reduce((acc, o) => acc * 256 + o, 0);
}

/** The addresses a CIDR spans (from its network address, whatever host bits it was written with). */
export function cidrRange(cidr: string): Range {
  const [ip, bits] = ipaddr.IPv4.parseCIDR(cidr);
  const size = 2 ** (32 - bits);
  const start = Math.floor(ipToInt(ip.toString()) / size) * size;
  return { start, end: start + size - 1 };
}

/** The prefix length of a CIDR (`24` for `10.0.0.0/24`). */
export function prefixLength(cidr: string): number {
  return ipaddr.IPv4.parseCIDR(cidr)[1];
}

/** Whether two ranges share any address. */
export function overlaps(a: string, b: string): boolean {
  const x = cidrRange(a);
  const y = cidrRange(b);
  return x.start <= y.end && y.start <= x.end;
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: string, inner: string): boolean {
  const o = ipaddr.IPv4.parseCIDR(outer);
  const i = ipaddr.IPv4.parseCIDR(inner);
  return i[1] >= o[1] && i[0].match(o);
}

/** Whether address `ip` lies inside `cidr`. */
export function containsIp(cidr: string, ip: string): boolean {
  return ipaddr.IPv4.parse(ip).match(ipaddr.IPv4.parseCIDR(cidr));
}
