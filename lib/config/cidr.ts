/** Minimal IPv4 CIDR arithmetic for configuration checks (inputs are already syntax-checked). */

export interface Range {
  readonly start: number;
  readonly end: number;
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function cidrRange(cidr: string): Range {
  const [ip, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToInt(ip) / size) * size;
  return { start, end: start + size - 1 };
}

export function overlaps(a: string, b: string): boolean {
  const x = cidrRange(a);
  const y = cidrRange(b);
  return x.start <= y.end && y.start <= x.end;
}

export function contains(outer: string, inner: string): boolean {
  const o = cidrRange(outer);
  const i = cidrRange(inner);
  return o.start <= i.start && i.end <= o.end;
}

export function containsIp(cidr: string, ip: string): boolean {
  const r = cidrRange(cidr);
  const n = ipToInt(ip);
  return r.start <= n && n <= r.end;
}
