import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, num, rec, since, str } from "../format";
import { defaultPodSpec, validatePodSpec } from "./pod-spec";

/** READY: ready containers / containers. */
function ready(o: KubeObject): string {
  const total = arr(dig(o, "spec", "containers")).length;
  const readyCount = arr(dig(o, "status", "containerStatuses")).filter((c) => c.ready === true).length;
  return `${readyCount}/${total}`;
}

/** RESTARTS: the sum, with the age of the last restart in brackets when known. */
function restarts(o: KubeObject): string {
  let count = 0;
  let last: string | undefined;
  for (const c of [...arr(dig(o, "status", "initContainerStatuses")), ...arr(dig(o, "status", "containerStatuses"))]) {
    count += num(c.restartCount);
    const finished = str(dig(c, "lastState", "terminated", "finishedAt"));
    if (finished && (!last || finished > last)) last = finished;
  }
  return last && count > 0 ? `${count} (${since(last)} ago)` : String(count);
}

/** STATUS: the printers.go reasoning over phase, init and app container states, deletion. */
export function podStatus(o: KubeObject): string {
  let reason = str(dig(o, "status", "reason")) || str(dig(o, "status", "phase")) || "Pending";
  const inits = arr(dig(o, "status", "initContainerStatuses"));
  const initTotal = arr(dig(o, "spec", "initContainers")).length;
  let initializing = false;
  inits.forEach((c, i) => {
    if (initializing) return;
    const term = rec(dig(c, "state", "terminated"));
    const waiting = rec(dig(c, "state", "waiting"));
    if (str(term.reason) === "Completed" || (term.exitCode === 0 && Object.keys(term).length)) return;
    if (Object.keys(term).length) reason = term.reason ? `Init:${str(term.reason)}` : `Init:ExitCode:${num(term.exitCode)}`;
    else if (waiting.reason && waiting.reason !== "PodInitializing") reason = `Init:${str(waiting.reason)}`;
    else reason = `Init:${i}/${initTotal}`;
    initializing = true;
  });
  if (!initializing) {
    let hasRunning = false;
    for (const c of [...arr(dig(o, "status", "containerStatuses"))].reverse()) {
      const waiting = rec(dig(c, "state", "waiting"));
      const term = rec(dig(c, "state", "terminated"));
      if (waiting.reason) reason = str(waiting.reason);
      else if (term.reason) reason = str(term.reason);
      else if (Object.keys(term).length) reason = term.signal ? `Signal:${num(term.signal)}` : `ExitCode:${num(term.exitCode)}`;
      else if (dig(c, "state", "running") && c.ready) hasRunning = true;
    }
    if (reason === "Completed" && hasRunning) reason = "Running";
  }
  if (o.metadata.deletionTimestamp) reason = str(dig(o, "status", "reason")) === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

/** core/v1 Pod (member clusters only). */
export function podDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "Pod",
    plural: "pods",
    namespaced: true,
    shortNames: ["po"],
    categories: ["all"],
    subresources: { status: true },
    columns: [
      col("Ready", "string", ready, { description: "The aggregate readiness state of this pod for accepting traffic." }),
      col("Status", "string", podStatus, { description: "The aggregate status of the containers in this pod." }),
      col("Restarts", "string", restarts, { description: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted." }),
      AGE,
      col("IP", "string", (o) => str(dig(o, "status", "podIP")) || "<none>", { priority: 1 }),
      col("Node", "string", (o) => str(dig(o, "spec", "nodeName")) || "<none>", { priority: 1 }),
      col("Nominated Node", "string", (o) => str(dig(o, "status", "nominatedNodeName")) || "<none>", { priority: 1 }),
      col("Readiness Gates", "string", readinessGates, { priority: 1 }),
    ],
    fieldLabels: {
      "spec.nodeName": (o) => str(dig(o, "spec", "nodeName")),
      "spec.restartPolicy": (o) => str(dig(o, "spec", "restartPolicy")),
      "spec.schedulerName": (o) => str(dig(o, "spec", "schedulerName")),
      "spec.serviceAccountName": (o) => str(dig(o, "spec", "serviceAccountName")),
      "spec.hostNetwork": (o) => String(dig(o, "spec", "hostNetwork") === true),
      "status.phase": (o) => str(dig(o, "status", "phase")),
      "status.podIP": (o) => str(dig(o, "status", "podIP")),
      "status.nominatedNodeName": (o) => str(dig(o, "status", "nominatedNodeName")),
    },
    applyDefaults: (obj) => {
      const spec = ensureObj(obj, "spec");
      defaultPodSpec(spec);
      setDefault(spec, "enableServiceLinks", true);
      setDefault(spec, "serviceAccountName", "default");
      // The deprecated alias is still written back by kube on every read of a Pod.
      setDefault(spec, "serviceAccount", spec.serviceAccountName);
      setDefault(ensureObj(obj, "status"), "phase", "Pending");
    },
    validate: (obj): StatusCause[] => validatePodSpec(obj.spec, "spec"),
  });
}

function readinessGates(o: KubeObject): string {
  const gates = arr(dig(o, "spec", "readinessGates"));
  if (gates.length === 0) return "<none>";
  const conds = arr(dig(o, "status", "conditions"));
  const ok = gates.filter((g) => conds.some((c) => c.type === g.conditionType && c.status === "True")).length;
  return `${ok}/${gates.length}`;
}
