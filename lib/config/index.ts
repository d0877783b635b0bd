export { configPath, loadConfig, parseConfig, type ConfigOptions } from './load';
export { ConfigError, formatProblem } from './errors';
export type { PlatformConfig, ResolvedEnvironment, ResolvedNodePool, ResourceNames } from './model';
