import type { KubeObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col } from "../builtin";
import { arr, dig, str } from "../format";

const ROLE_PREFIX = "node-role.kubernetes.io/";

/** printers.go getNodeStatus-style: Ready/NotReady/Unknown plus SchedulingDisabled. */
export function nodeStatus(o: KubeObject): string {
  const ready = arr(dig(o, "status", "conditions")).find((c) => c.type === "Ready");
  const parts = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (dig(o, "spec", "unschedulable") === true) parts.push("SchedulingDisabled");
  return parts.join(",");
}

export function nodeRoles(o: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(",") : "<none>";
}

function address(o: KubeObject, type: string): string {
  return str(arr(dig(o, "status", "addresses")).find((a) => a.type === type)?.address) || "<none>";
}

function info(o: KubeObject, key: string): string {
  return str(dig(o, "status", "nodeInfo", key)) || "<unknown>";
}

/** core/v1 Node (member clusters only, cluster-scoped). */
export function nodeDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "Node",
    plural: "nodes",
    namespaced: false,
    shortNames: ["no"],
    subresources: { status: true },
    columns: [
      col("Status", "string", nodeStatus, { description: "The status of the node" }),
      col("Roles", "string", nodeRoles, { description: "The roles of the node" }),
      AGE,
      col("Version", "string", (o) => str(dig(o, "status", "nodeInfo", "kubeletVersion"))),
      col("Internal-IP", "string", (o) => address(o, "InternalIP"), { priority: 1 }),
      col("External-IP", "string", (o) => address(o, "ExternalIP"), { priority: 1 }),
      col("OS-Image", "string", (o) => info(o, "osImage"), { priority: 1 }),
      col("Kernel-Version", "string", (o) => info(o, "kernelVersion"), { priority: 1 }),
      col("Container-Runtime", "string", (o) => info(o, "containerRuntimeVersion"), { priority: 1 }),
    ],
    fieldLabels: { "spec.unschedulable": (o) => String(dig(o, "spec", "unschedulable") === true) },
  });
}
