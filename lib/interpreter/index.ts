/** Karmada's default native resource interpreter, as pure functions over manifests. */
export { getReplicas, interpretsReplicas, replicaRequirementsOf, nodeClaimOf, podRequest } from "./replicas";
export type { ReplicaInfo } from "./replicas";
export { reviseReplica, hasReviseReplica } from "./revise-replica";
export { interpretHealth, hasHealthRule } from "./health";
export type { Health } from "./health";
export { reflectStatus } from "./reflect-status";
export { aggregateStatus, hasAggregateStatus } from "./aggregate-status";
export { divideJobCompletions, needReviseJobCompletions, withJobCompletions } from "./job-completions";
export { getDependencies, interpretsDependencies } from "./dependencies";
export type { DependentObjectReference } from "./dependencies";
export { retainMemberFields, retainNative, hasRetainRule } from "./retain";
export { pruneForWork } from "./prune";
