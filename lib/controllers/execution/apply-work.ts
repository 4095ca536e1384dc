import type { ObjectClient } from "../../kube/client";
import type { KubeObject } from "../../kube/types";
import type { Work } from "../../kube/karmada";
import {
  ANNOTATION_CONFLICT_RESOLUTION,
  ANNOTATION_CPP_NAME,
  ANNOTATION_CRB_NAME,
  ANNOTATION_MANAGED_ANNOTATIONS,
  ANNOTATION_MANAGED_LABELS,
  ANNOTATION_PP_NAME,
  ANNOTATION_PP_NAMESPACE,
  ANNOTATION_RB_NAME,
  ANNOTATION_RB_NAMESPACE,
  ANNOTATION_TEMPLATE_GENERATION,
  ANNOTATION_TEMPLATE_UID,
  ANNOTATION_WORK_NAME,
  ANNOTATION_WORK_NAMESPACE,
  LABEL_CPP_PERMANENT_ID,
  LABEL_CRB_PERMANENT_ID,
  LABEL_MANAGED,
  LABEL_PP_PERMANENT_ID,
  LABEL_RB_PERMANENT_ID,
  LABEL_WORK_PERMANENT_ID,
} from "../../kube/karmada";
import { ApiError } from "../../kube/errors";
import { retainMemberFields } from "../../interpreter";
import { cloneJson } from "../../store/json-clone";

/** fieldManager of every write Flotilla makes in members. */
export const MEMBER_FIELD_MANAGER = "flotilla";

/** Why a manifest was not applied; `conflict` marks Karmada's refusal to take over an unmanaged object. */
export class ApplyManifestError extends Error {
  constructor(message: string, readonly conflict = false) {
    super(message);
    this.name = "ApplyManifestError";
  }
}

export interface ApplyWorkResult {
  /** Manifests actually written (created or updated); 0 when the member already matched. */
  written: number;
  errors: string[];
  /** Per manifest, in order: whether it was written, or why it was not applied. */
  manifests?: ManifestOutcome[];
}

export interface ManifestOutcome {
  manifest: KubeObject;
  written: boolean;
  error?: string;
}

/**
 * Applies every manifest of a Work to one member cluster (Karmada's objectwatcher, karmada-api.md
 * §7.5 and §9), shared by Push execution and the Pull agent:
 * - the manifest's namespace is created when missing;
 * - absent object: created (server-side apply, fieldManager "flotilla");
 * - present and labelled karmada.io/managed=true, or conflict-resolution overwrite: updated by a
 *   forced server-side apply of the desired object with member-owned fields retained, and only
 *   when it differs from the live object (no write, no watch event otherwise);
 * - present and unmanaged without overwrite: refused with Karmada's message.
 * Errors are collected per manifest so one bad manifest does not hide the others.
 */
export async function applyWork(member: ObjectClient, work: Work, clusterName: string, opts: ApplyOptions = {}): Promise<ApplyWorkResult> {
  const result: ApplyWorkResult = { written: 0, errors: [], manifests: [] };
  for (const manifest of work.spec.workload?.manifests ?? []) {
    try {
      const written = await applyManifest(member, manifest, clusterName, opts);
      if (written) result.written++;
      result.manifests!.push({ manifest, written });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      result.errors.push(error);
      result.manifests!.push({ manifest, written: false, error });
    }
  }
  return result;
}

/** Applies one manifest; returns true when it wrote. */
export async function applyManifest(member: ObjectClient, desired: KubeObject, clusterName: string, opts: ApplyOptions = {}): Promise<boolean> {
  const { apiVersion, kind } = desired;
  const namespace = desired.metadata.namespace;
  const name = desired.metadata.name ?? "";
  const namespaces = knownNamespaces(member);
  if (namespace) {
    // Concurrent applies into one namespace share one check (after a restart, all of them at once).
    let ready = namespaces.get(namespace);
    if (!ready) {
      namespaces.set(namespace, (ready = ensureNamespace(member, namespace)));
      ready.catch(() => namespaces.get(namespace) === ready && namespaces.delete(namespace));
    }
    await ready;
  }
  const known = opts.cached?.(desired);
  const live = known ? known.obj : await member.get(apiVersion, kind, namespace, name);
  if (live) {
    const managed = live.metadata.labels?.[LABEL_MANAGED] === "true";
    const overwrite = desired.metadata.annotations?.[ANNOTATION_CONFLICT_RESOLUTION] === "overwrite";
    if (!managed && !overwrite) {
      throw new ApplyManifestError(
        `resource(kind=${kind}, ${namespace ? `${namespace}/` : ""}${name}) already exists in the cluster ${clusterName} and the ${ANNOTATION_CONFLICT_RESOLUTION} strategy value is empty, Karmada will not manage this resource`,
        true,
      );
    }
  }
  const body = live ? retainMemberFields(desired, live) : cloneJson(desired);
  if (live && isSubset(body, live) && sameMap(body.metadata.labels, live.metadata.labels) && sameMap(body.metadata.annotations, live.metadata.annotations)) return false;
  delete body.metadata.resourceVersion;
  const end = opts.writing?.(desired);
  try {
    const written = await member.patch({ apiVersion, kind, namespace, name }, "application/apply-patch+yaml", body, { fieldManager: MEMBER_FIELD_MANAGER, force: true });
    end?.(written);
  } catch (err) {
    end?.(undefined);
    // The namespace may have been deleted in the member since we saw it: check it again next time.
    if (namespace && ApiError.is(err, "NotFound")) namespaces.delete(namespace);
    throw err;
  }
  return true;
}

/** Per-call options of applyWork / applyManifest. */
export interface ApplyOptions {
  /**
   * The member object from a synced watch cache of its kind, managed or not (`obj` undefined:
   * absent), or undefined when the cache cannot tell (then the member is read).
   */
  cached?: (manifest: KubeObject) => { obj?: KubeObject } | undefined;
  /**
   * Told when a write to a manifest's object starts; the returned function is told what the
   * write returned (undefined when it failed), to recognise its watch echo.
   */
  writing?: (manifest: KubeObject) => (written: KubeObject | undefined) => void;
}

/** Namespaces known to exist (or being checked) per member client: one GET per namespace, not one per apply. */
const namespaceCache = new WeakMap<ObjectClient, Map<string, Promise<void>>>();

function knownNamespaces(member: ObjectClient): Map<string, Promise<void>> {
  let map = namespaceCache.get(member);
  if (!map) namespaceCache.set(member, (map = new Map()));
  return map;
}

async function ensureNamespace(member: ObjectClient, namespace: string): Promise<void> {
  if (await member.get("v1", "Namespace", undefined, namespace)) return;
  try {
    await member.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } }, { fieldManager: MEMBER_FIELD_MANAGER });
  } catch (err) {
    if (!ApiError.is(err, "AlreadyExists")) throw err;
  }
}

/** Every field the desired object sets has the same value live (server defaults are ignored). */
function isSubset(desired: unknown, live: unknown): boolean {
  if (desired === null || typeof desired !== "object") return desired === live;
  if (Array.isArray(desired)) return Array.isArray(live) && live.length === desired.length && desired.every((d, i) => isSubset(d, live[i]));
  if (live === null || typeof live !== "object" || Array.isArray(live)) return false;
  const l = live as Record<string, unknown>;
  return Object.entries(desired as Record<string, unknown>).every(([k, v]) => k === "status" || isSubset(v, l[k]));
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
}

/** Labels and annotations stripped when a member object is kept (preserveResourcesOnDeletion). */
const KARMADA_LABELS = [LABEL_MANAGED, LABEL_RB_PERMANENT_ID, LABEL_CRB_PERMANENT_ID, LABEL_WORK_PERMANENT_ID, LABEL_PP_PERMANENT_ID, LABEL_CPP_PERMANENT_ID];
const KARMADA_ANNOTATIONS = [
  ANNOTATION_RB_NAMESPACE, ANNOTATION_RB_NAME, ANNOTATION_CRB_NAME, ANNOTATION_WORK_NAMESPACE, ANNOTATION_WORK_NAME, ANNOTATION_TEMPLATE_UID,
  ANNOTATION_TEMPLATE_GENERATION, ANNOTATION_CONFLICT_RESOLUTION, ANNOTATION_MANAGED_LABELS, ANNOTATION_MANAGED_ANNOTATIONS, ANNOTATION_PP_NAMESPACE, ANNOTATION_PP_NAME, ANNOTATION_CPP_NAME,
];

/**
 * Removes a Work's objects from one member (karmada-api.md §7.5): with
 * preserveResourcesOnDeletion the object stays with Karmada's labels and annotations stripped;
 * otherwise it is deleted (background) only if it carries karmada.io/managed=true, so nothing
 * Flotilla did not create is ever deleted. Objects already gone are fine.
 */
export async function deleteWorkManifests(member: ObjectClient, work: Work): Promise<void> {
  for (const m of work.spec.workload?.manifests ?? []) {
    const live = await member.get(m.apiVersion, m.kind, m.metadata.namespace, m.metadata.name ?? "");
    if (!live || live.metadata.labels?.[LABEL_MANAGED] !== "true") continue;
    const ref = { apiVersion: m.apiVersion, kind: m.kind, namespace: m.metadata.namespace, name: m.metadata.name ?? "" };
    if (work.spec.preserveResourcesOnDeletion) {
      const kept = cloneJson(live);
      for (const k of KARMADA_LABELS) delete kept.metadata.labels?.[k];
      for (const k of KARMADA_ANNOTATIONS) delete kept.metadata.annotations?.[k];
      await member.update(kept, { fieldManager: MEMBER_FIELD_MANAGER });
      continue;
    }
    try {
      await member.delete(ref, { propagationPolicy: "Background" });
    } catch (err) {
      if (!ApiError.is(err, "NotFound")) throw err;
    }
  }
}
