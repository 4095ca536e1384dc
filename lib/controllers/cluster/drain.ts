import type { ObjectClient } from "../../kube/client";
import { ApiError } from "../../kube/errors";
import { executionNamespace, WORK_V1ALPHA1, WORK_V1ALPHA2, type Cluster, type ResourceBinding } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import { isConditionTrue } from "../runtime/conditions";

/** The execution controller's finalizer on Works (Karmada's util.ExecutionControllerFinalizer). */
export const EXECUTION_CONTROLLER_FINALIZER = "karmada.io/execution-controller";

/** Where a drain stands after one step; "done" means the finalizer may go. */
export type DrainState = { phase: "works-and-namespace"; deletedNamespace: boolean } | { phase: "bindings"; bindings: string[] } | { phase: "done" };

/**
 * One pass of Karmada's removeCluster, idempotent: delete the Works of `karmada-es-<name>` (for a
 * Pull cluster that is not Ready first strip their execution finalizer, as no agent will ever
 * drop it), delete the namespace, and report what is still holding the cluster: the namespace
 * until it is gone, then every binding whose spec.clusters still lists it. The caller requeues
 * until "done".
 */
export async function drainClusterStep(client: ObjectClient, cluster: Cluster): Promise<DrainState> {
  const name = cluster.metadata.name ?? "";
  const nsName = executionNamespace(name);
  const ns = await client.get("v1", "Namespace", undefined, nsName);
  if (ns) {
    const works = (await client.list(WORK_V1ALPHA1, "Work", { namespace: nsName })).items;
    const orphanFinalizers = cluster.spec.syncMode === "Pull" && !isConditionTrue(cluster.status?.conditions, "Ready");
    for (const w of works) {
      if (orphanFinalizers) await dropFinalizer(client, w, EXECUTION_CONTROLLER_FINALIZER);
      if (!w.metadata.deletionTimestamp) await ignoreNotFound(client.delete({ apiVersion: WORK_V1ALPHA1, kind: "Work", namespace: nsName, name: w.metadata.name ?? "" }));
    }
    let deletedNamespace = false;
    if (!ns.metadata.deletionTimestamp) {
      await ignoreNotFound(client.delete({ apiVersion: "v1", kind: "Namespace", name: nsName }));
      deletedNamespace = true;
    }
    return { phase: "works-and-namespace", deletedNamespace };
  }
  const bindings = await bindingsTargeting(client, name);
  return bindings.length > 0 ? { phase: "bindings", bindings } : { phase: "done" };
}

/** "ns/name" of every ResourceBinding and name of every ClusterResourceBinding listing `cluster` in spec.clusters. */
export async function bindingsTargeting(client: ObjectClient, cluster: string): Promise<string[]> {
  const out: string[] = [];
  for (const kind of ["ResourceBinding", "ClusterResourceBinding"]) {
    const list = await client.list<ResourceBinding>(WORK_V1ALPHA2, kind).catch((err) => {
      // A control plane without binding kinds has nothing to wait for.
      if (ApiError.is(err, "NotFound")) return { items: [] as ResourceBinding[] };
      throw err;
    });
    for (const b of list.items) {
      if (b.spec?.clusters?.some((c) => c.name === cluster)) out.push(b.metadata.namespace ? `${b.metadata.namespace}/${b.metadata.name}` : (b.metadata.name ?? ""));
    }
  }
  return out;
}

async function dropFinalizer(client: ObjectClient, obj: KubeObject, finalizer: string): Promise<void> {
  const list = obj.metadata.finalizers ?? [];
  if (!list.includes(finalizer)) return;
  const ref = { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "" };
  // JSON patch with a resourceVersion test: never drops a finalizer someone else just added.
  const ops = [
    { op: "test", path: "/metadata/resourceVersion", value: obj.metadata.resourceVersion },
    { op: "replace", path: "/metadata/finalizers", value: list.filter((f) => f !== finalizer) },
  ];
  await ignoreNotFound(client.patch(ref, "application/json-patch+json", ops));
}

async function ignoreNotFound<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (ApiError.is(err, "NotFound")) return undefined;
    throw err;
  }
}
