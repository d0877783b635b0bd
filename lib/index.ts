/**
 * The public entry of the library (`import { AksCluster, KeyVault, loadConfig } from 'aks-platform-cdktf'`): the
 * constructs, the stacks and app builder the platform.yaml app uses, the configuration loader, the security
 * baseline, and the review. Anything not exported here is internal and may move between versions.
 */

// Constructs (Azure side)
export * from './constructs/aks-cluster';
export * from './constructs/node-pool';
export * from './constructs/key-vault';
export * from './constructs/acr';
export * from './constructs/workload-identity';
export * from './constructs/role-assignment';
export * from './constructs/virtual-network';
export * from './constructs/log-analytics-workspace';
export * from './constructs/container-insights';
export * from './constructs/diagnostic-setting';
export * from './constructs/managed-prometheus';
export * from './constructs/prometheus-alerts';
export * from './azure/replacement';
export * from './constructs/network/egress-firewall';
export * from './constructs/network/firewall-route-table';
export * from './constructs/network/hub-peering';
export * from './constructs/network/private-endpoint';
export * from './constructs/network/subnet-nsg';
export * from './constructs/network/vnet-flow-log';
export * from './constructs/tfc/run-identity';
export * from './constructs/tfc/workspace-pair';

// Constructs (cluster side)
export * from './constructs/k8s/namespace';
export * from './constructs/k8s/namespace-baseline';
export * from './constructs/k8s/service-account';
export * from './constructs/k8s/secret-provider-class';
export * from './constructs/k8s/connection-config-map';

// The platform.yaml app: configuration, stacks, synthesis
export { ConfigError, configPath, formatProblem, loadConfig, parseConfig } from './config';
export type { PlatformConfig, ResolvedEnvironment, ResolvedNodePool, ResourceNames } from './config';
export { buildApp, type BuildOptions, type EnvironmentStacks } from './app';
export { synthesize, type SynthOptions, type SynthResult } from './synth';
export { InfraStack } from './stacks/infra-stack';
export { PlatformStack, kubeloginExec, KUBELOGIN_MODE_VARIABLE } from './stacks/platform-stack';
export { TfcStack, TFC_STACK, needsTfcStack } from './stacks/tfc-stack';

// Security baseline, change review, stack snapshots
export {
  BaselineError,
  RULES,
  RULE_IDS,
  consoleSummary,
  diagramMarkdown,
  diagramMermaid,
  environmentViews,
  EnvironmentView,
  evaluateEnvironment,
  failing,
  readStacks,
  reportJson,
  reportMarkdown,
  runBaseline,
  summarize,
  todayUtc,
} from './baseline';
export type { EnvironmentReport, Finding, Rule, StackJson } from './baseline';
export { STRICT } from './baseline/engine';
export { diffStacks, reviewMarkdown, type StackChange } from './baseline/review';
export { planChanges, readPlans, type PlanJson } from './baseline/plan-review';
export { snapshotSources, stableJson, synthStacks } from './snapshots';
