import type { ObjectClient } from "../../kube/client";
import { ApiError } from "../../kube/errors";
import type { Cluster, ResourceBinding } from "../../kube/karmada";
import { CLUSTER_API_VERSION } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import type { Clock } from "../runtime/clock";
import type { ControllerDefinition } from "../runtime/controller";
import type { EventRecorder } from "../runtime/events";
import type { InformerSource } from "../runtime/shared-informers";
import type { InformerSpec } from "../runtime/informer";
import type { Request } from "../runtime/keys";
import type { ControllerDeps, ControllerSetup } from "../runtime/manager";
import type { Result } from "../runtime/result";
import type { WatchEventInfo } from "../runtime/watches";
import { CLUSTER_RESOURCE_BINDINGS, DEFAULT_SCHEDULER_NAME, RESOURCE_BINDINGS, bindingSpecOf, isForScheduler, isSchedulerManaged } from "./bindings";
import { affectedBindings, clusterEventMatters } from "./cluster-events";
import { ExplanationStore } from "./explanation-store";
import { SortedClusters } from "./sorted-clusters";
import { decide, statusPatchFor, targetsToString, unchangedOutcome, type SchedulePlan } from "./plan";

/** Karmada's scheduler Event reasons. */
export const EVENT_SCHEDULE_SUCCEED = "ScheduleBindingSucceed";
export const EVENT_SCHEDULE_FAILED = "ScheduleBindingFailed";

/** Karmada flushes bindings that stayed unschedulable this long back to the active queue. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;

const CLUSTERS: InformerSpec = { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" };
const MERGE = "application/merge-patch+json" as const;

export interface SchedulerControllerOptions {
  /** Bindings whose spec.schedulerName is this one (empty = default-scheduler). */
  schedulerName?: string;
  /** Karmada's --enable-empty-workload-propagation (default false). */
  enableEmptyWorkloadPropagation?: boolean;
  /** Where the last explanation of each binding goes; share it with the REST route. */
  explanations?: ExplanationStore;
  /** Concurrent reconciles; writes of distinct bindings then share the store's group commits. Default 16. */
  workers?: number;
  unschedulableRetryMs?: number;
}

/** A scheduling failure that the runtime should retry with backoff (SchedulerError). */
export class SchedulingFailed extends Error {
  override name = "SchedulingFailed";
}

/**
 * The scheduler controller (Karmada's karmada-scheduler as one reconciler over RB and CRB keys):
 * - watches bindings (adds, and updates that change the generation, as Karmada ignores
 *   status-only updates) and Clusters (see clusterEventMatters / affectedBindings);
 * - decides with needsReschedule, schedules with the pure scheduler over the cluster cache,
 *   writes spec.clusters + applied-placement (one merge patch guarded by resourceVersion), then
 *   the status (Scheduled condition, observed generation, lastScheduledTime, affinity name);
 * - Unschedulable keeps the previous result and is retried after `unschedulableRetryMs` (or at
 *   the next event); NoClusterFit empties the result and waits for an event; other errors back off.
 */
export function schedulerController(opts: SchedulerControllerOptions = {}): ControllerSetup {
  return (deps) => buildDefinition(deps, opts);
}

/**
 * Generations our own spec patches are about to produce, by binding key. The watch event of
 * such a write (its "echo") would only re-run the scheduler on unchanged inputs, with the same
 * result (and, when it raced our status patch, one more status write): it is dropped. A failed
 * patch forgets its entry, and a conflicting foreign write is never lost because the conflict
 * makes this reconcile retry the key.
 */
export class OwnWrites {
  private readonly expected = new Map<string, number>();

  static key(kind: string, namespace: string | undefined, name: string): string {
    return `${kind}/${namespace ?? ""}/${name}`;
  }

  expect(key: string, generation: number): void {
    this.expected.set(key, generation);
  }

  forget(key: string): void {
    this.expected.delete(key);
  }

  /** True (once) when `generation` is the one our own write produced for `key`. */
  isEcho(key: string, generation: number | undefined): boolean {
    if (generation === undefined || this.expected.get(key) !== generation) return false;
    this.expected.delete(key);
    return true;
  }
}

function buildDefinition(deps: ControllerDeps, opts: SchedulerControllerOptions): ControllerDefinition {
  const schedulerName = opts.schedulerName ?? DEFAULT_SCHEDULER_NAME;
  const explanations = opts.explanations ?? new ExplanationStore();
  const ownWrites = new OwnWrites();
  const bindingsOf = () => [
    ...deps.informers.informerFor<ResourceBinding>(RESOURCE_BINDINGS).list(),
    ...deps.informers.informerFor<ResourceBinding>(CLUSTER_RESOURCE_BINDINGS).list(),
  ];
  const bindingPredicate = (e: WatchEventInfo) => {
    const b = e.obj as ResourceBinding;
    if (e.type === "delete") return true;
    if (!isSchedulerManaged(b, schedulerName)) return false;
    if (e.type !== "update" || !e.old) return true;
    if (!isSchedulerManaged(e.old as ResourceBinding, schedulerName)) return true;
    if (e.old.metadata.generation === b.metadata.generation) return false;
    return !ownWrites.isEcho(OwnWrites.key(b.kind, b.metadata.namespace, b.metadata.name ?? ""), b.metadata.generation);
  };
  return {
    name: "scheduler",
    workers: opts.workers ?? 16,
    watches: [
      { ...RESOURCE_BINDINGS, predicate: bindingPredicate },
      { ...CLUSTER_RESOURCE_BINDINGS, predicate: bindingPredicate },
      { ...CLUSTERS, predicate: clusterEventMatters, map: (c) => affectedBindings(c as Cluster, bindingsOf(), schedulerName) },
    ],
    reconcile: (req, ctx) => reconcileBinding(req, { ...deps, informers: ctx.informers }, { ...opts, schedulerName, explanations, ownWrites }),
  };
}

interface ReconcileDeps {
  client: ObjectClient;
  informers: InformerSource;
  events: EventRecorder;
  clock: Clock;
}

/** Shared by every reconcile: one sort per change of the cluster cache, not per binding. */
const sortedClusters = new SortedClusters();

/** One reconcile of one binding key; exported for tests. */
export async function reconcileBinding(req: Request, deps: ReconcileDeps, opts: SchedulerControllerOptions & { explanations: ExplanationStore; ownWrites?: OwnWrites }): Promise<Result | void> {
  const spec = bindingSpecOf(req);
  const kind = req.namespace ? "ResourceBinding" : "ClusterResourceBinding";
  const binding = deps.informers.informerFor<ResourceBinding>(spec).get(req.namespace, req.name);
  if (!binding) {
    opts.explanations.delete(kind, req.namespace, req.name);
    return;
  }
  if (!isForScheduler(binding, opts.schedulerName)) return;
  if (binding.metadata.deletionTimestamp) {
    // Karmada's scheduler reports a deleting binding it is asked to schedule as a failure, and skips it.
    const message = kind === "ResourceBinding" ? `skip schedule deleting resourceBinding: ${req.namespace}/${req.name}` : `skip schedule deleting clusterResourceBinding: ${req.name}`;
    recordFailure(deps.events, binding, message);
    return;
  }
  const clusters = sortedClusters.of(deps.informers.informerFor<Cluster>(CLUSTERS).list());
  const decision = decide(binding, clusters, opts);
  const ref = { apiVersion: binding.apiVersion, kind, namespace: req.namespace, name: req.name };
  try {
    if (decision.kind === "idle") {
      if (decision.observeGeneration !== undefined)
        await deps.client.patch(ref, MERGE, { status: { schedulerObservedGeneration: decision.observeGeneration } }, { subresource: "status" });
      return;
    }
    let generation = binding.metadata.generation ?? 0;
    if (decision.specPatch) {
      const ownKey = OwnWrites.key(kind, req.namespace, req.name);
      // Only spec.clusters changes bump the generation (an annotation-only patch does not).
      if (decision.specPatch.spec) opts.ownWrites?.expect(ownKey, generation + 1);
      try {
        const updated = await deps.client.patch<ResourceBinding>(ref, MERGE, decision.specPatch);
        generation = updated.metadata.generation ?? generation;
      } catch (err) {
        opts.ownWrites?.forget(ownKey);
        throw err;
      }
    }
    const now = new Date(deps.clock.now());
    const status = statusPatchFor(binding, decision, generation, now);
    const unchanged = unchangedOutcome(binding, decision, status);
    if (status && !unchanged) await deps.client.patch(ref, MERGE, status, { subresource: "status" });
    // An unchanged outcome keeps the record of the scheduling that decided (or none after a
    // restart: the explanation endpoint recomputes it on request), and records no Events.
    if (!unchanged) {
      remember(opts.explanations, binding, decision, now);
      recordEvents(deps.events, binding, decision);
    }
  } catch (err) {
    // The binding went away meanwhile: nothing left to schedule.
    if (ApiError.is(err, "NotFound")) return;
    throw err;
  }
  if (decision.retry === "unschedulable") return { requeueAfterMs: opts.unschedulableRetryMs ?? UNSCHEDULABLE_RETRY_MS };
  if (decision.retry === "backoff") throw new SchedulingFailed(decision.result.error?.message ?? "scheduling failed");
}

function remember(store: ExplanationStore, binding: ResourceBinding, plan: SchedulePlan, now: Date): void {
  const { result } = plan;
  store.put({
    kind: binding.kind,
    namespace: binding.kind === "ResourceBinding" ? binding.metadata.namespace : undefined,
    name: binding.metadata.name ?? "",
    generation: binding.metadata.generation ?? 0,
    scheduledAt: now.toISOString(),
    trigger: plan.why,
    clusters: result.clusters,
    error: result.error,
    summary: result.summary,
    explanation: result.explanation,
  });
}

function recordFailure(events: EventRecorder, binding: ResourceBinding, message: string): void {
  const r = binding.spec.resource;
  events.event(binding, "Warning", EVENT_SCHEDULE_FAILED, message);
  events.event({ apiVersion: r.apiVersion, kind: r.kind, metadata: { namespace: r.namespace, name: r.name, uid: r.uid } }, "Warning", EVENT_SCHEDULE_FAILED, message);
}

/**
 * Karmada records the outcome on the binding and on its resource template
 * (recordScheduleResultEventFor*Binding). With clusterAffinities, each term that failed before
 * the deciding one first gets a Warning of its own ("failed to schedule ...(ns/name) with
 * clusterAffiliates index(i): <error>", i counting from the first term); when every term failed
 * the final Warning carries the first error and is recorded only if that was a FitError
 * (NoClusterFit), as scheduleResourceBindingWithClusterAffinities does.
 */
function recordEvents(events: EventRecorder, binding: ResourceBinding, plan: SchedulePlan): void {
  const r = binding.spec.resource;
  const template: KubeObject = { apiVersion: r.apiVersion, kind: r.kind, metadata: { namespace: r.namespace, name: r.name, uid: r.uid } };
  const { result } = plan;
  const terms = binding.spec.placement?.clusterAffinities;
  const useTerms = !!terms && !binding.spec.placement?.clusterAffinity;
  if (useTerms) {
    const who = binding.kind === "ResourceBinding" ? `ResourceBinding(${binding.metadata.namespace}/${binding.metadata.name})` : `ClusterResourceBinding(${binding.metadata.name})`;
    for (const attempt of result.explanation.attempts) {
      if (!attempt.error) continue;
      const index = terms.findIndex((t) => t.affinityName === attempt.affinityName);
      recordFailure(events, binding, `failed to schedule ${who} with clusterAffiliates index(${index}): ${attempt.error.message}`);
    }
  }
  if (result.error) {
    if (!useTerms || result.error.reason === "NoClusterFit") recordFailure(events, binding, result.error.message);
    return;
  }
  // Karmada's two messages differ by a colon; kept as is.
  const sep = binding.kind === "ResourceBinding" ? "Result:" : "Result";
  const message = `Binding has been scheduled successfully. ${sep} {${targetsToString(result.clusters)}}`;
  events.event(binding, "Normal", EVENT_SCHEDULE_SUCCEED, message);
  events.event(template, "Normal", EVENT_SCHEDULE_SUCCEED, message);
}
