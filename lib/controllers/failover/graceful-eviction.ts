import { ApiError } from "../../kube/errors";
import type { ResourceBinding } from "../../kube/karmada";
import type { ControllerSetup } from "../runtime/manager";
import type { Result } from "../runtime/result";
import type { WatchEventInfo } from "../runtime/watches";
import { CLUSTER_RESOURCE_BINDINGS, RESOURCE_BINDINGS, bindingSpecOf } from "../scheduler/bindings";
import { recordEviction } from "./common";
import { assessEvictionTasks, DEFAULT_GRACEFUL_EVICTION_TIMEOUT_MS } from "./eviction-tasks";

export interface GracefulEvictionOptions {
  /** Karmada's --graceful-eviction-timeout (default 10 minutes). */
  timeoutMs?: number;
}

const hasTasks = (e: WatchEventInfo) => ((e.obj as ResourceBinding).spec?.gracefulEvictionTasks?.length ?? 0) > 0;

/**
 * Karmada's graceful eviction controllers (RB and CRB): keep an evicted cluster's old copy while
 * the new placement comes up, and drop the task (so the binding controller removes the orphaned
 * Work) once every new target is Healthy for the scheduled generation, the grace period ended,
 * or suppressDeletion was set to false. The old placement is therefore never removed before the
 * replacement is healthy unless the grace period runs out.
 */
export function gracefulEvictionController(opts: GracefulEvictionOptions = {}): ControllerSetup {
  return (deps) => ({
    name: "graceful-eviction",
    watches: [
      { ...RESOURCE_BINDINGS, predicate: hasTasks },
      { ...CLUSTER_RESOURCE_BINDINGS, predicate: hasTasks },
    ],
    async reconcile(req, ctx): Promise<Result | void> {
      const binding = ctx.informers.informerFor<ResourceBinding>(bindingSpecOf(req)).get(req.namespace, req.name);
      if (!binding || binding.metadata.deletionTimestamp || !binding.spec.gracefulEvictionTasks?.length) return;
      const a = assessEvictionTasks(binding, deps.clock.now(), opts.timeoutMs ?? DEFAULT_GRACEFUL_EVICTION_TIMEOUT_MS);
      if (a.changed) {
        const ref = { apiVersion: binding.apiVersion, kind: binding.kind, namespace: req.namespace, name: req.name };
        const body = { metadata: { resourceVersion: binding.metadata.resourceVersion }, spec: { gracefulEvictionTasks: a.kept.length ? a.kept : null } };
        try {
          await deps.client.patch(ref, "application/merge-patch+json", body);
        } catch (err) {
          if (ApiError.is(err, "NotFound")) return;
          throw err;
        }
        // Karmada records the end of each task as a successful eviction.
        for (const c of a.evicted) recordEviction(deps.events, binding, c, true);
      }
      if (a.nextRetryMs > 0) return { requeueAfterMs: a.nextRetryMs };
    },
  });
}
