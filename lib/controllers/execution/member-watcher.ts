import type { KubeObject } from "../../kube/types";
import { ANNOTATION_MANAGED_ANNOTATIONS, ANNOTATION_MANAGED_LABELS, ANNOTATION_WORK_NAME, ANNOTATION_WORK_NAMESPACE } from "../../kube/karmada";
import { Informer } from "../runtime/informer";
import type { Clock } from "../runtime/clock";
import type { Logger } from "../runtime/log";
import type { Request } from "../runtime/keys";
import type { MemberClients } from "./member-clients";
import { deepEqual } from "../../apiserver/object-utils";

/** What a member event tells its listeners: the previous state on updates, and deletion. */
export interface MemberEventInfo {
  old?: KubeObject;
  deleted?: boolean;
  /**
   * The object arrived with the watch's first list: not news to an apply, which waits for
   * that list (or reads the member) before comparing.
   */
  initial?: boolean;
}

export type MemberWorkListener = (work: Request, obj: KubeObject, info?: MemberEventInfo) => void;

/**
 * True when a member event may mean drift: the object appeared or was deleted, or something
 * other than status / resourceVersion / managedFields / member-owned labels and annotations
 * changed. A member's own status updates (rollout progress) and its controllers' annotations
 * (a Deployment's revision) must not make the execution controller re-apply; labels and
 * annotations Karmada manages (listed in the object's managed-labels / managed-annotations
 * bookkeeping, all of them when it has none) still count.
 */
export function memberObjectDrifted(obj: KubeObject, info: MemberEventInfo = {}): boolean {
  if (info.deleted || !info.old) return true;
  if (info.old === obj) return true; // resync: heal whatever may have been missed
  const o = info.old.metadata;
  const n = obj.metadata;
  const listed = (m: KubeObject["metadata"], key: string) => m.annotations?.[key];
  if (managedKeysDiffer(o.annotations, n.annotations, listed(o, ANNOTATION_MANAGED_ANNOTATIONS), listed(n, ANNOTATION_MANAGED_ANNOTATIONS))) return true;
  if (managedKeysDiffer(o.labels, n.labels, listed(o, ANNOTATION_MANAGED_LABELS), listed(n, ANNOTATION_MANAGED_LABELS))) return true;
  if (keysDiffer(o as Record<string, unknown>, n as Record<string, unknown>, META_IGNORED)) return true;
  // Kubernetes bumps generation whenever anything outside metadata and status changes: an
  // unchanged one spares comparing the spec (a rollout's status updates are most events).
  if (o.generation && o.generation === n.generation) return false;
  return keysDiffer(info.old as unknown as Record<string, unknown>, obj as unknown as Record<string, unknown>, BODY_IGNORED);
}

const META_IGNORED = new Set(["resourceVersion", "managedFields", "labels", "annotations"]);
const BODY_IGNORED = new Set(["metadata", "status"]);

/** Whether any top-level key outside `ignored` differs (deep), without copying either object. */
function keysDiffer(a: Record<string, unknown>, b: Record<string, unknown>, ignored: Set<string>): boolean {
  for (const k in a) if (!ignored.has(k) && !deepEqual(a[k], b[k])) return true;
  for (const k in b) if (!ignored.has(k) && !(k in a) && b[k] !== undefined) return true;
  return false;
}

/** Whether a key either version's bookkeeping lists (every key when a list is missing) differs. */
function managedKeysDiffer(a: Record<string, string> | undefined, b: Record<string, string> | undefined, listA: string | undefined, listB: string | undefined): boolean {
  if (listA === undefined || listB === undefined) return !sameMap(a, b);
  if (a === b) return false;
  for (const list of listA === listB ? [listA] : [listA, listB]) for (const k of list.split(",")) if (k && a?.[k] !== b?.[k]) return true;
  return false;
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
}

/**
 * Watches every object of the kinds Flotilla propagates in members (as Karmada's member
 * informers do), one informer per (cluster, kind), started on first use. The cache knows what
 * exists, managed or not, so an apply needs no GET: absent means create, an unmanaged object is
 * refused or taken over by conflictResolution. Changes to objects carrying a Work's
 * annotations are routed back to that Work and handed to the listeners (execution, for drift
 * correction; work status, for status). Informers relist on 410.
 */
export class MemberWatcher {
  private readonly informers = new Map<string, Informer>();
  private readonly listeners = new Set<MemberWorkListener>();
  private readonly abort = new AbortController();

  constructor(private readonly opts: { members: MemberClients; clock?: Clock; log?: Logger; resyncMs?: number }) {
    // A replaced client is closed soon after, and a dropped one at once: informers still on it
    // would retry their watch on a closed client for ever, and status would stop coming back.
    this.unsubscribe = opts.members.onChange?.((cluster, removed) => void (removed ? this.forget(cluster) : this.restart(cluster)));
  }

  private readonly unsubscribe: (() => void) | undefined;

  /** Adds a listener; returns its remover. */
  onWorkEvent(fn: MemberWorkListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Starts watching `kind` in `cluster` if not yet; returns the informer (undefined without a client). */
  async ensure(cluster: string, apiVersion: string, kind: string): Promise<Informer | undefined> {
    const key = `${cluster}|${apiVersion}|${kind}`;
    const existing = this.informers.get(key);
    if (existing) return existing;
    const client = await this.opts.members.get(cluster);
    if (!client || this.informers.has(key)) return this.informers.get(key);
    const inf = new Informer({ client, apiVersion, kind, clock: this.opts.clock, log: this.opts.log, resyncMs: this.opts.resyncMs });
    const route = (obj: KubeObject, old?: KubeObject, deleted = false) => {
      const a = obj.metadata.annotations ?? {};
      if (!a[ANNOTATION_WORK_NAME]) return;
      const initial = !inf.hasSynced();
      for (const l of this.listeners) l({ namespace: a[ANNOTATION_WORK_NAMESPACE], name: a[ANNOTATION_WORK_NAME] }, obj, { old, deleted, initial });
    };
    inf.addHandlers({ onAdd: (o) => route(o), onUpdate: (o, n) => route(n, o), onDelete: (o) => route(o, undefined, true) });
    this.informers.set(key, inf);
    inf.start(this.abort.signal);
    return inf;
  }

  /**
   * What the member holds for a manifest, from the watch cache: `{ obj }` (obj undefined when
   * absent) once its kind is watched and synced, undefined otherwise (the caller must then read
   * the member). Read-only.
   */
  cachedLive(cluster: string, m: KubeObject): { obj?: KubeObject } | undefined {
    const c = this.cached(cluster, m.apiVersion, m.kind, m.metadata.namespace, m.metadata.name ?? "");
    return c.synced ? c : undefined;
  }

  /** Waits until the informer of a manifest's kind synced, at most `ms`; false when it did not. */
  async synced(cluster: string, m: KubeObject, ms: number): Promise<boolean> {
    const inf = this.informers.get(`${cluster}|${m.apiVersion}|${m.kind}`);
    if (!inf || inf.hasSynced()) return !!inf;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), ms);
    try {
      await inf.waitForSync(ctl.signal);
    } catch {
      /* timed out or stopped */
    } finally {
      clearTimeout(timer);
    }
    return inf.hasSynced();
  }

  /** The cached member object, when its kind is watched and synced. */
  cached(cluster: string, apiVersion: string, kind: string, namespace: string | undefined, name: string): { synced: boolean; obj?: KubeObject } {
    const inf = this.informers.get(`${cluster}|${apiVersion}|${kind}`);
    if (!inf?.hasSynced()) return { synced: false };
    return { synced: true, obj: inf.get(namespace, name) };
  }

  /** Stops the informers of one cluster (credentials changed, cluster removed). */
  async forget(cluster: string): Promise<void> {
    const stops: Promise<void>[] = [];
    for (const [key, inf] of this.informers) {
      if (!key.startsWith(`${cluster}|`)) continue;
      this.informers.delete(key);
      stops.push(inf.stop());
    }
    await Promise.all(stops);
  }

  /** Starts the informers of one cluster again on its current client (credentials changed). */
  async restart(cluster: string): Promise<void> {
    const kinds = [...this.informers.keys()].filter((k) => k.startsWith(`${cluster}|`)).map((k) => k.split("|"));
    await this.forget(cluster);
    if (this.abort.signal.aborted) return;
    for (const [, apiVersion, kind] of kinds) await this.ensure(cluster, apiVersion, kind).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.abort.abort();
    const all = [...this.informers.values()];
    this.informers.clear();
    await Promise.all(all.map((i) => i.stop()));
  }
}
