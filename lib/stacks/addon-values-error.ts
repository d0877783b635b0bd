import type { ChartValuesError } from '../azure/chart-catalog';

/** One release whose values failed the chart check, and the configuration block they came from. */
export interface AddonValuesFailure {
  /** e.g. `environments.prod.ingress.nginx`. */
  readonly block: string;
  readonly cause: ChartValuesError;
}

/**
 * Releases whose values failed the chart check, located in the configuration. The platform stack gathers every
 * add-on's; the app gathers every environment's and reports them at once.
 */
export class AddonValuesError extends Error {
  constructor(readonly failures: readonly AddonValuesFailure[]) {
    super(failures.map((f) => `${f.block}: ${f.cause.message}`).join('\n'));
    this.name = 'AddonValuesError';
  }

  /** One `path: message (got; allowed)` line per problem; the path runs into the block's `values`. */
  lines(): string[] {
    return this.failures.flatMap(({ block, cause: { pin, problems } }) => {
      const chart = `chart ${pin.chart} ${pin.version}`;
      const dir = `vendor/charts/${pin.chart}/${pin.version}`;
      return problems.map((p) => {
        const path = `${block}.values${p.key ? `.${p.key}` : ''}`;
        if (p.kind === 'unknownKey') {
          return `${path}: not a key of ${chart} (got ${JSON.stringify(p.key)}; allowed ${p.suggestion ? `"${p.suggestion}" or another key` : 'a key'} of ${dir}/values.yaml)`;
        }
        return `${path}: ${p.message} (${chart}; allowed what ${dir}/values.schema.json accepts)`;
      });
    });
  }
}
