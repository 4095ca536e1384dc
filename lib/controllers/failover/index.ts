/** Cluster failover (Karmada's taint manager, graceful eviction) and Flotilla's NoExecute failure taints. */
export { taintManagerController, purgeModeFor, EVENT_EVICT_FAILED, EVENT_EVICT_SUCCEED, type TaintManagerOptions } from "./taint-manager";
export { gracefulEvictionController, type GracefulEvictionOptions } from "./graceful-eviction";
export { noExecuteTaintController, desiredNoExecuteTaint, withNoExecuteTaint, type NoExecuteTaintOptions } from "./no-execute-taints";
export { evictionDecision, toleratesTaint, noExecuteTaints, appliedPlacement, type EvictionDecision } from "./taints";
export { gracefulEvictCluster, PRODUCER_TAINT_MANAGER, REASON_TAINT_UNTOLERATED, REASON_APPLICATION_FAILURE, type EvictOptions } from "./evict";
export { assessEvictionTasks, DEFAULT_GRACEFUL_EVICTION_TIMEOUT_MS, type TaskAssessment } from "./eviction-tasks";
export { TokenBucket } from "./rate-limiter";
export {
  applicationFailoverController,
  applicationFailoverApplies,
  detectFailure,
  splitByHealth,
  UnhealthySince,
  PRODUCER_RB_APPLICATION_FAILOVER,
  PRODUCER_CRB_APPLICATION_FAILOVER,
} from "./application-failover";
