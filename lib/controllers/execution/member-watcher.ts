import type { KubeObject } from "../../kube/types";
import { ANNOTATION_WORK_NAME, ANNOTATION_WORK_NAMESPACE, LABEL_MANAGED } from "../../kube/karmada";
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
}

export type MemberWorkListener = (work: Request, obj: KubeObject, info?: MemberEventInfo) => void;

/**
 * True when a member event may mean drift: the object appeared or was deleted, or something
 * other than status / resourceVersion / managedFields changed. A member's own status updates
 * (rollout progress) must not make the execution controller re-apply.
 */
export function memberObjectDrifted(obj: KubeObject, info: MemberEventInfo = {}): boolean {
  if (info.deleted || !info.old) return true;
  if (info.old === obj) return true; // resync: heal whatever may have been missed
  const strip = (o: KubeObject) => {
    const { status: _s, metadata, ...rest } = o as KubeObject & { status?: unknown };
    const { resourceVersion: _rv, managedFields: _mf, ...meta } = metadata as Record<string, unknown>;
    return [rest, meta];
  };
  return !deepEqual(strip(info.old), strip(obj));
}

/**
 * Watches the objects Flotilla manages in members (label karmada.io/managed=true), one
 * informer per (cluster, kind), started on first use. Every change or deletion is routed back
 * to the Work named in the object's work.karmada.io annotations and handed to the listeners
 * (execution, for drift correction; work status, for status). Informers relist on 410.
 */
export class MemberWatcher {
  private readonly informers = new Map<string, Informer>();
  private readonly listeners = new Set<MemberWorkListener>();
  private readonly abort = new AbortController();

  constructor(private readonly opts: { members: MemberClients; clock?: Clock; log?: Logger; resyncMs?: number }) {}

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
    const inf = new Informer({ client, apiVersion, kind, labelSelector: `${LABEL_MANAGED}=true`, clock: this.opts.clock, log: this.opts.log, resyncMs: this.opts.resyncMs });
    const route = (obj: KubeObject, old?: KubeObject, deleted = false) => {
      const a = obj.metadata.annotations ?? {};
      if (!a[ANNOTATION_WORK_NAME]) return;
      for (const l of this.listeners) l({ namespace: a[ANNOTATION_WORK_NAMESPACE], name: a[ANNOTATION_WORK_NAME] }, obj, { old, deleted });
    };
    inf.addHandlers({ onAdd: (o) => route(o), onUpdate: (o, n) => route(n, o), onDelete: (o) => route(o, undefined, true) });
    this.informers.set(key, inf);
    inf.start(this.abort.signal);
    return inf;
  }

  /**
   * The cached managed member object of a manifest, or undefined when it is not cached (kind not
   * watched or not synced yet, or the object is absent or unmanaged: the caller must then read
   * the member). Read-only.
   */
  cachedManaged(cluster: string, m: KubeObject): KubeObject | undefined {
    const c = this.cached(cluster, m.apiVersion, m.kind, m.metadata.namespace, m.metadata.name ?? "");
    return c.synced ? c.obj : undefined;
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

  async stop(): Promise<void> {
    this.abort.abort();
    const all = [...this.informers.values()];
    this.informers.clear();
    await Promise.all(all.map((i) => i.stop()));
  }
}
