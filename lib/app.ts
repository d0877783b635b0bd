import { Annotations, App } from 'cdktf';
import type { PlatformConfig } from './config';
import { InfraStack } from './stacks/infra-stack';
import { PlatformStack } from './stacks/platform-stack';
import { AddonValuesError } from './stacks/addon-values-error';
import { needsTfcStack, TFC_STACK, TfcStack } from './stacks/tfc-stack';
import { terraformLiterals } from './config/terraform-literal';

export interface BuildOptions {
  /** Output folder, relative to the project root. @default 'cdktf.out' */
  readonly outdir?: string;
  /** Where the app writes (may differ from `outdir` while synthesizing into a staging folder). @default outdir */
  readonly writeTo?: string;
  /**
   * Attach the configuration's warnings to the stacks as cdktf warning annotations (`<env>: ...` to that
   * environment's stacks), so the cdktf CLI prints them as `WARN [<stack>]` instead of app output on stderr.
   * @default false
   */
  readonly annotateWarnings?: boolean;
}

/** Both stacks of one environment. */
export interface EnvironmentStacks {
  readonly infra: InfraStack;
  readonly platform: PlatformStack;
}

/** Builds the app: for each environment, `<env>-infra` and `<env>-platform`. */
export function buildApp(config: PlatformConfig, options: BuildOptions = {}): { app: App; stacks: Map<string, EnvironmentStacks> } {
  const outdir = options.outdir ?? 'cdktf.out';
  // No stack traces in construct metadata: they cost a third of synth time and put machine paths in memory only.
  const app = new App({ outdir: options.writeTo ?? outdir, skipValidation: false, stackTraces: false });
  const stacks = new Map<string, EnvironmentStacks>();
  // Chart-values problems are configuration problems: collected from every environment, then reported at once.
  const valuesProblems: string[] = [];
  for (const resolved of config.environments) {
    // Every configuration string reaches Terraform as a literal (`${` -> `$${`, `%{` -> `%%{`).
    const env = terraformLiterals(resolved);
    const backend = { outdir };
    const infra = new InfraStack(app, `${env.name}-infra`, { env, backend });
    try {
      const platform = new PlatformStack(app, `${env.name}-platform`, {
        env,
        backend,
        cluster: infra.connection,
        workloads: infra.workloads,
        addons: infra.addonOutputs,
      });
      stacks.set(env.name, { infra, platform });
    } catch (e) {
      if (!(e instanceof AddonValuesError)) throw e;
      valuesProblems.push(...e.lines().map((l) => `${config.source}: ${l}`));
    }
  }
  // The Terraform Cloud bootstrap stack, when an environment keeps its state there.
  if (needsTfcStack(config)) new TfcStack(app, TFC_STACK, { config, backend: { outdir } });
  if (options.annotateWarnings) {
    for (const w of config.warnings) {
      const env = [...stacks.keys()].find((e) => w.startsWith(`${e}: `));
      for (const s of env ? [stacks.get(env)!.infra, stacks.get(env)!.platform] : [...stacks.values()].slice(0, 1).map((x) => x.infra)) Annotations.of(s).addWarning(w);
    }
  }
  if (valuesProblems.length > 0) {
    throw new Error(`${config.source}: ${valuesProblems.length} chart values problem${valuesProblems.length === 1 ? '' : 's'}:\n  ${valuesProblems.join('\n  ')}`);
  }
  return { app, stacks };
}
