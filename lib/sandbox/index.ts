/** lib/sandbox: sandbox member clusters (see sandbox-cluster.ts and sandbox-manager.ts). */
export { SandboxCluster, type SandboxClusterOptions } from "./sandbox-cluster";
export { SandboxManager, type SandboxManagerOptions } from "./sandbox-manager";
export { sandboxManagerOf, sandboxRest } from "./rest";
export { sandboxOpenApiFragment } from "./openapi";
export { registerSandbox, unregisterSandbox, sandboxClusterObject, sandboxSecretObject, CLUSTER_SECRET_NAMESPACE } from "./registration";
export { parseSandboxSpec, SPEC_DEFAULTS } from "./spec";
export { parseFaults } from "./faults";
export { TimerWheel } from "./timer-wheel";
export { DEFAULT_SHAPES } from "./defaults";
export type { SandboxSpec, SandboxFaults, SandboxInfo, CapacityFault, SyncMode } from "./types";
