/** One problem a cross-field check finds in an environment. */
export interface Problem {
  /** Dotted path inside the environment, e.g. `network.dnsServiceIp`. */
  readonly path: string;
  readonly message: string;
  readonly got?: unknown;
  readonly allowed?: string;
}
