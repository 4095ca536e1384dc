import type { KubeObject } from "../../kube/types";
import type { BindingSnapshot, ResourceBinding } from "../../kube/karmada";
import { getDependencies, interpretsDependencies, type DependentObjectReference } from "../../interpreter";
import { bindingName, currentClaim, fnv32a, safeEncodeString } from "../../policies";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import type { ControllerDeps } from "../runtime/manager";
import type { Result } from "../runtime/result";
import { specOrMetaChanged } from "../runtime/watches";
import { BINDING_API_VERSION, bindingId } from "../binding/binding-meta";
import { deepEqual } from "../../apiserver/object-utils";
import { cloneJson } from "../../store/json-clone";

export const DEPENDENCIES_CONTROLLER = "dependencies-distributor";
export const REASON_DEPENDENCY_SYNC_SUCCEED = "SyncScheduleResultToDependenciesSucceed";
export const REASON_DEPENDENCY_SYNC_FAILED = "SyncScheduleResultToDependenciesFailed";
export const REASON_GET_DEPENDENCIES_SUCCEED = "GetDependenciesSucceed";
export const MESSAGE_DEPENDENCY_SYNC_SUCCEED = "Sync schedule results to dependencies succeed.";

const DEPENDED_BY_PREFIX = "resourcebinding.karmada.io/depended-by-";

/** `resourcebinding.karmada.io/depended-by-<hash of namespace/name>` (GenerateBindingReferenceKey). */
export function dependedByLabel(namespace: string, name: string): string {
  return `${DEPENDED_BY_PREFIX}${safeEncodeString(String(fnv32a(`${namespace}/${name}`)))}`;
}

/** Index of the ResourceBinding cache: `<namespace>/<depended-by label key>` → attached bindings carrying it. */
export const ATTACHED_BY_LABEL_INDEX = "flotilla.depended-by";

/** The index values of one binding: one per depended-by label it carries (most carry none). */
export function attachedByLabelValues(b: KubeObject): string[] {
  const labels = b.metadata.labels;
  if (!labels) return [];
  let out: string[] | undefined;
  for (const k in labels) if (k.startsWith(DEPENDED_BY_PREFIX)) (out ??= []).push(`${b.metadata.namespace ?? ""}/${k}`);
  return out ?? [];
}

/**
 * Karmada's dependencies distributor (karmada-api.md §7.12): for a ResourceBinding with
 * propagateDeps, every ConfigMap/Secret/ServiceAccount/PVC its template references gets an
 * attached ResourceBinding (owned by the dependency, labelled depended-by-<hash>) whose
 * requiredBy lists this binding and its clusters, so the binding controller sends it wherever
 * a dependant runs. Entries for bindings that stopped depending are removed; an attached
 * binding nobody requires any more (and no policy claims) is deleted.
 */
export function dependenciesController(): (deps: ControllerDeps) => ControllerDefinition {
  return (deps) => {
    const bindings = () => deps.informers.informerFor<ResourceBinding>({ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding" });
    return defineController({
      name: DEPENDENCIES_CONTROLLER,
      workers: 2,
      // Status-only writes (the scheduler's, binding-status') change nothing this controller reads.
      watches: [{ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding", predicate: specOrMetaChanged }],
      async reconcile(req): Promise<Result | void> {
        const ns = req.namespace ?? "";
        const label = dependedByLabel(ns, req.name);
        const inf = bindings();
        const b = inf.get(req.namespace, req.name);
        // Through an index: filtering the namespace's every binding per reconcile was O(bindings²)
        // (5 of the 52 CPU s of a 3,000-binding catch-up).
        inf.addIndexer(ATTACHED_BY_LABEL_INDEX, attachedByLabelValues);
        const attachedNow = inf.byIndex(ATTACHED_BY_LABEL_INDEX, `${ns}/${label}`);
        const wanted = new Set<string>();
        if (b && !b.metadata.deletionTimestamp && b.spec.propagateDeps) {
          const r = b.spec.resource;
          const template = await deps.client.get(r.apiVersion, r.kind, r.namespace, r.name);
          const found = template ? getDependencies(template) : [];
          let wrote = false;
          try {
            for (const dep of found) {
              const obj = await deps.client.get(dep.apiVersion, dep.kind, dep.namespace, dep.name);
              if (!obj) continue;
              wanted.add(bindingName(dep.kind, dep.name));
              wrote = (await ensureAttached(deps, b, obj, label)) || wrote;
            }
            for (const a of attachedNow) if (!wanted.has(a.metadata.name ?? "")) wrote = (await detach(deps, a, ns, req.name, label)) || wrote;
          } catch (err) {
            deps.events.event(b, "Warning", REASON_DEPENDENCY_SYNC_FAILED, err instanceof Error ? err.message : String(err));
            throw err;
          }
          // Karmada records both on every pass; here only on a pass that changed something.
          if (wrote) {
            if (template && interpretsDependencies(template)) deps.events.event(template, "Normal", REASON_GET_DEPENDENCIES_SUCCEED, getDependenciesMessage(found));
            deps.events.event(b, "Normal", REASON_DEPENDENCY_SYNC_SUCCEED, MESSAGE_DEPENDENCY_SYNC_SUCCEED);
          }
          return;
        }
        for (const a of attachedNow) await detach(deps, a, ns, req.name, label);
      },
    });
  };
}

/** Creates or refreshes the attached binding of one dependency; true when it wrote. */
async function ensureAttached(deps: ControllerDeps, b: ResourceBinding, dep: KubeObject, label: string): Promise<boolean> {
  const name = bindingName(dep.kind, dep.metadata.name ?? "");
  const ns = dep.metadata.namespace;
  const entry: BindingSnapshot = { namespace: b.metadata.namespace, name: b.metadata.name ?? "", clusters: cloneJson(b.spec.clusters ?? []) };
  const existing = await deps.client.get<ResourceBinding>(BINDING_API_VERSION, "ResourceBinding", ns, name);
  if (!existing) {
    await deps.client.create<ResourceBinding>({
      apiVersion: BINDING_API_VERSION,
      kind: "ResourceBinding",
      metadata: {
        name,
        namespace: ns,
        labels: { [label]: bindingId(b) },
        ownerReferences: [{ apiVersion: dep.apiVersion, kind: dep.kind, name: dep.metadata.name ?? "", uid: dep.metadata.uid ?? "", controller: true, blockOwnerDeletion: true }],
        finalizers: ["karmada.io/binding-controller"],
      },
      spec: {
        resource: { apiVersion: dep.apiVersion, kind: dep.kind, namespace: ns, name: dep.metadata.name ?? "", uid: dep.metadata.uid, resourceVersion: dep.metadata.resourceVersion },
        requiredBy: [entry],
        conflictResolution: b.spec.conflictResolution ?? "Abort",
        ...(b.spec.preserveResourcesOnDeletion ? { preserveResourcesOnDeletion: true } : {}),
      },
    });
    return true;
  }
  const next = cloneJson(existing);
  next.metadata.labels = { ...(next.metadata.labels ?? {}), [label]: bindingId(b) };
  const others = (next.spec.requiredBy ?? []).filter((r) => !(r.namespace === entry.namespace && r.name === entry.name));
  next.spec.requiredBy = [...others, entry].sort((x, y) => `${x.namespace}/${x.name}`.localeCompare(`${y.namespace}/${y.name}`));
  next.spec.resource = { ...next.spec.resource, resourceVersion: dep.metadata.resourceVersion };
  if (deepEqual([existing.metadata.labels, existing.spec], [next.metadata.labels, next.spec])) return false;
  await deps.client.update(next);
  return true;
}

async function detach(deps: ControllerDeps, attached: ResourceBinding, ns: string, name: string, label: string): Promise<true> {
  const next = cloneJson(attached);
  delete next.metadata.labels?.[label];
  next.spec.requiredBy = (next.spec.requiredBy ?? []).filter((r) => !(r.namespace === ns && r.name === name));
  if (!next.spec.requiredBy.length && !currentClaim(next) && !next.spec.placement) {
    await deps.client.delete({ apiVersion: BINDING_API_VERSION, kind: "ResourceBinding", namespace: next.metadata.namespace, name: next.metadata.name ?? "" });
    return true;
  }
  await deps.client.update(next);
  return true;
}

/**
 * Karmada's GetDependenciesSucceed message: the references printed with Go's %+v, e.g.
 * "Get dependencies([{APIVersion:v1 Kind:ConfigMap Namespace:default Name:cfg LabelSelector:<nil>}]) succeed.".
 */
export function getDependenciesMessage(found: readonly DependentObjectReference[]): string {
  const items = found.map((d) => `{APIVersion:${d.apiVersion} Kind:${d.kind} Namespace:${d.namespace} Name:${d.name} LabelSelector:<nil>}`);
  return `Get dependencies([${items.join(" ")}]) succeed.`;
}
