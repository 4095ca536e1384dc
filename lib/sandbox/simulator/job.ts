import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import { ownerKey } from "../../controllers/runtime/watches";
import type { KubeObject } from "../../kube/types";
import { nowIso, ownedPods, type SimContext } from "./context";
import { Expectations } from "./expectations";
import { dict, isPodActive, isPodReady, podFromTemplate, podPhase, randomSuffix, sameJson } from "./pod-util";

export const JOB_CONTROLLER = "job-controller";

/**
 * Jobs (NonIndexed): keeps up to `parallelism` pods running until `completions` pods
 * succeeded (simulated pods succeed after the sandbox's start-up delay), then sets
 * SuccessCriteriaMet and Complete with completionTime, as the 1.32 job controller does.
 * Suspended jobs keep no pods.
 */
export function jobController(sim: SimContext): ControllerDefinition {
  const expectations = new Expectations(() => sim.clock.now());
  const events = sim.recorder(JOB_CONTROLLER);
  return defineController({
    name: JOB_CONTROLLER,
    watches: [
      { apiVersion: "batch/v1", kind: "Job" },
      { apiVersion: "v1", kind: "Pod", map: ownerKey({ apiVersion: "batch/v1", kind: "Job", controllerOnly: true }) },
    ],
    async reconcile(req) {
      const key = `${req.namespace}/${req.name}`;
      const job = sim.informersGet("batch/v1", "Job", req.namespace, req.name);
      if (!job) return expectations.forget(key);
      if (job.metadata.deletionTimestamp || isFinished(job)) return;
      const spec = dict(job.spec);
      const pods = ownedPods(sim, job);
      const { creates } = expectations.inFlight(key, new Set(pods.map((p) => p.metadata.name ?? "")));
      const active = pods.filter(isPodActive);
      const succeeded = pods.filter((p) => podPhase(p) === "Succeeded").length;
      const failed = pods.filter((p) => podPhase(p) === "Failed").length;
      const completions = spec.completions === undefined || spec.completions === null ? undefined : Number(spec.completions);
      const done = completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions;
      const parallelism = spec.suspend === true ? 0 : Number(spec.parallelism ?? 1);
      const remaining = completions === undefined ? (succeeded > 0 ? 0 : parallelism) : completions - succeeded;
      const want = done ? 0 : Math.min(parallelism, remaining);
      for (let i = active.length + creates.size; i < want; i++) {
        const name = `${job.metadata.name}-${randomSuffix()}`;
        expectations.expectCreate(key, name);
        await sim.client.create(podFromTemplate(job, spec.template, { name }), { fieldManager: JOB_CONTROLLER });
        events.event(job, "Normal", "SuccessfulCreate", `Created pod: ${name}`);
      }
      await writeStatus(sim, job, { active: done ? 0 : Math.max(active.length, Math.min(want, active.length + creates.size)), ready: active.filter(isPodReady).length, succeeded, failed, done, events });
    },
  });
}

function isFinished(job: KubeObject): boolean {
  return ((dict(job.status).conditions as { type: string; status: string }[] | undefined) ?? []).some((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
}

async function writeStatus(
  sim: SimContext,
  job: KubeObject,
  s: { active: number; ready: number; succeeded: number; failed: number; done: boolean; events: ReturnType<SimContext["recorder"]> },
) {
  const prev = dict(job.status);
  const now = nowIso(sim.clock);
  const status: Record<string, unknown> = {
    startTime: prev.startTime ?? now,
    ready: s.ready,
    terminating: 0,
    uncountedTerminatedPods: {},
  };
  if (s.active) status.active = s.active;
  if (s.succeeded) status.succeeded = s.succeeded;
  if (s.failed) status.failed = s.failed;
  if (prev.conditions) status.conditions = prev.conditions;
  if (s.done) {
    status.completionTime = now;
    const cond = (type: string, reason: string, message: string) => ({ type, status: "True", lastProbeTime: now, lastTransitionTime: now, reason, message });
    status.conditions = [
      ...((prev.conditions as unknown[] | undefined) ?? []),
      cond("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods"),
      cond("Complete", "CompletionsReached", "Reached expected number of succeeded pods"),
    ];
    s.events.event(job, "Normal", "Completed", "Job completed");
  }
  if (!sameJson(status, prev)) await sim.client.updateStatus({ ...job, status });
}
