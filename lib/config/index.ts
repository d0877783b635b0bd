export { configPath, loadConfig, parseConfig } from './load';
export { ConfigError, formatProblem } from './errors';
export type { PlatformConfig, ResolvedEnvironment, ResolvedNodePool, ResourceNames } from './model';
