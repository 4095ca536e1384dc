/** The scheduler controller: writes scheduling results onto ResourceBindings and ClusterResourceBindings. */
export { schedulerController, reconcileBinding, SchedulingFailed, EVENT_SCHEDULE_FAILED, EVENT_SCHEDULE_SUCCEED, UNSCHEDULABLE_RETRY_MS, type SchedulerControllerOptions } from "./scheduler-controller";
export { ExplanationStore, type SchedulingRecord } from "./explanation-store";
export { decide, runSchedule, specPatchFor, statusPatchFor, conditionFor, retryFor, CONDITION_SCHEDULED, type Decision, type SchedulePlan, type RetryPolicy } from "./plan";
export { affectedBindings, clusterEventMatters } from "./cluster-events";
export { DEFAULT_SCHEDULER_NAME, LABEL_BINDING_MANAGED_BY, isForScheduler, isSchedulerManaged } from "./bindings";
