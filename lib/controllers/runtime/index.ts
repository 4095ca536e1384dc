/**
 * The controller runtime every Flotilla reconciler runs on. Test doubles (FakeObjectClient,
 * FakeClock, MemoryLeaseStore) are imported from their own files, not from here.
 */
export { realClock, sleep, type Clock, type TimerHandle } from "./clock";
export { getCondition, isConditionFalse, isConditionTrue, removeCondition, setCondition, toRfc3339, type ConditionInput } from "./conditions";
export { Controller, defineController, type ControllerDefinition, type ControllerMetrics, type ControllerRunOptions } from "./controller";
export { ClientEventRecorder, createEventRecorder, noopEventRecorder, type EventRecorder, type EventRecorderOptions, type EventType } from "./events";
export { addFinalizer, hasFinalizer, isBeingDeleted, removeFinalizer } from "./finalizers";
export { Informer, type EventHandlers, type InformerOptions, type InformerSpec } from "./informer";
export { keyOf, objectKey, parseKey, requestKey, type Request } from "./keys";
export { LeaderElector, runWhileLeading, type LeaderElectorOptions, type LeaseStore } from "./leader-election";
export { noopLogger, type Logger } from "./log";
export { isControllerEnabled, Manager, type ControllerDeps, type ControllerSetup, type ManagerOptions } from "./manager";
export { ObjectCache, type IndexFunc } from "./object-cache";
export { WorkQueue, type WorkQueueMetrics, type WorkQueueOptions } from "./queue";
export { isConflict, isTerminalError, TerminalError, terminalError, type ReconcileContext, type Result } from "./result";
export { SharedInformerFactory, type InformerSource, type SharedInformerFactoryOptions } from "./shared-informers";
export { labelKey, ownerKey, ownKey, specOrMetaChanged, type Mapper, type WatchEventInfo, type WatchSpec } from "./watches";
