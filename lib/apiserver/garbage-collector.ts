import type { KubeObject, OwnerReference } from "../kube/types";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { StorageEvent } from "./storage";
import type { ObjectApi } from "./object-api";
import { deleteObject, FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from "./object-delete";
import { isGoneOrConflict, mutateObject, removeFinalizer, storedResources } from "./controller-utils";

/**
 * Resources the collector does not follow: Kubernetes' garbage collector ignores Events by
 * default (garbagecollector.DefaultIgnoredResources), and they are the largest resource here.
 */
const IGNORED = new Set(["/events", "events.k8s.io/events"]);
const ignored = (group: string, resource: string) => IGNORED.has(`${group}/${resource}`);

/** Objects per list page while resyncing. */
const RESYNC_PAGE_SIZE = 500;

interface Dependent {
  group: string;
  resource: string;
  namespace: string;
  name: string;
  owners: OwnerReference[];
}

/**
 * ownerReference garbage collection: dependents whose owners are all gone are deleted
 * (Background); an owner deleted with propagationPolicy Foreground waits (foregroundDeletion
 * finalizer) until its dependents are gone; with Orphan its dependents lose the reference.
 * An index owner-uid → dependents is kept from the storage event stream.
 */
export class GarbageCollector {
  private readonly byOwner = new Map<string, Map<string, Dependent>>();
  private readonly byKey = new Map<string, Dependent>();

  constructor(private readonly api: ObjectApi) {}

  /**
   * Rebuilds the index from storage, then collects dependents of owners that are already gone.
   * Reads page by page: one unpaged list per resource held the whole store in memory at once
   * (at 30,000 Deployments the restarted server peaked at 3.4 GB and served nothing until it was
   * done). Owners seen in the listing are known to exist; only the others are read one by one.
   */
  async resync(): Promise<void> {
    this.byOwner.clear();
    this.byKey.clear();
    const listed = new Set<string>();
    for (const d of storedResources(this.api)) {
      if (ignored(d.group, d.plural)) continue;
      let cont: string | undefined;
      do {
        const page = await this.api.list(d, { limit: RESYNC_PAGE_SIZE, continue: cont });
        for (const o of page.items) {
          if (o.metadata.uid) listed.add(o.metadata.uid);
          this.index(d.group, d.plural, o);
        }
        cont = page.metadata.continue || undefined;
      } while (cont);
    }
    const owners = new Map<string, OwnerReference & { namespace: string }>();
    for (const dep of this.byKey.values()) for (const r of dep.owners) if (!listed.has(r.uid)) owners.set(r.uid, { ...r, namespace: dep.namespace });
    for (const [uid, ref] of owners) if (!(await this.ownerExists(ref, ref.namespace))) await this.ownerGone(uid);
  }

  async onEvent(e: StorageEvent): Promise<void> {
    if (ignored(e.key.group, e.key.resource)) return;
    if (e.type === "DELETED") this.unindex(e.key.group, e.key.resource, e.object);
    else this.index(e.key.group, e.key.resource, e.object);
    const uid = e.object.metadata.uid;
    if (!uid) return;
    if (e.type === "DELETED") {
      await this.ownerGone(uid);
      for (const r of e.object.metadata.ownerReferences ?? []) await this.recheckForegroundOwner(r, e.namespace);
      return;
    }
    if (e.object.metadata.deletionTimestamp) await this.processDeletingOwner(e.key.group, e.key.resource, e.object);
  }

  private index(group: string, resource: string, o: KubeObject): void {
    const key = depKey(group, resource, o);
    this.unindexKey(key);
    const owners = o.metadata.ownerReferences ?? [];
    if (!owners.length) return;
    const dep: Dependent = { group, resource, namespace: o.metadata.namespace ?? "", name: o.metadata.name!, owners };
    this.byKey.set(key, dep);
    for (const r of owners) {
      if (!this.byOwner.has(r.uid)) this.byOwner.set(r.uid, new Map());
      this.byOwner.get(r.uid)!.set(key, dep);
    }
  }

  private unindex(group: string, resource: string, o: KubeObject): void {
    this.unindexKey(depKey(group, resource, o));
  }

  private unindexKey(key: string): void {
    const old = this.byKey.get(key);
    if (!old) return;
    this.byKey.delete(key);
    for (const r of old.owners) {
      const m = this.byOwner.get(r.uid);
      m?.delete(key);
      if (m && m.size === 0) this.byOwner.delete(r.uid);
    }
  }

  private descriptorOf(group: string, resource: string): ResourceDescriptor | undefined {
    return this.api.registry.versionsOf(group, resource)[0];
  }

  private async ownerExists(ref: OwnerReference, dependentNamespace: string): Promise<boolean> {
    const d = this.api.registry.byKind(ref.apiVersion, ref.kind);
    if (!d) return false;
    const owner = await this.api.read(d, d.namespaced ? dependentNamespace : undefined, ref.name);
    return !!owner && owner.metadata.uid === ref.uid;
  }

  /** An owner vanished: delete dependents left without owners, drop the dangling reference from others. */
  private async ownerGone(uid: string): Promise<void> {
    const deps = [...(this.byOwner.get(uid)?.values() ?? [])];
    for (const dep of deps) {
      const d = this.descriptorOf(dep.group, dep.resource);
      if (!d) continue;
      const others = dep.owners.filter((r) => r.uid !== uid);
      let alive = false;
      for (const r of others) if (await this.ownerExists(r, dep.namespace)) alive = true;
      try {
        if (alive) await mutateObject(this.api, d, dep.namespace, dep.name, (o) => dropOwner(o, uid));
        else await deleteObject(this.api, d, dep.namespace || undefined, dep.name, { propagationPolicy: "Background" });
      } catch (e) {
        if (!isGoneOrConflict(e)) throw e;
      }
    }
  }

  /** Handles the orphan and foregroundDeletion finalizers of an owner being deleted. */
  private async processDeletingOwner(group: string, resource: string, owner: KubeObject): Promise<void> {
    const d = this.descriptorOf(group, resource);
    const fins = owner.metadata.finalizers ?? [];
    if (!d) return;
    const deps = [...(this.byOwner.get(owner.metadata.uid!)?.values() ?? [])];
    if (fins.includes(FINALIZER_ORPHAN)) {
      for (const dep of deps) {
        const dd = this.descriptorOf(dep.group, dep.resource);
        if (dd) await mutateObject(this.api, dd, dep.namespace, dep.name, (o) => dropOwner(o, owner.metadata.uid!));
      }
      await removeFinalizer(this.api, d, owner, FINALIZER_ORPHAN);
      return;
    }
    if (!fins.includes(FINALIZER_FOREGROUND)) return;
    for (const dep of deps) {
      const dd = this.descriptorOf(dep.group, dep.resource);
      if (!dd) continue;
      try {
        await deleteObject(this.api, dd, dep.namespace || undefined, dep.name, { propagationPolicy: "Foreground" });
      } catch (e) {
        if (!isGoneOrConflict(e)) throw e;
      }
    }
    if (!this.byOwner.get(owner.metadata.uid!)?.size) await removeFinalizer(this.api, d, owner, FINALIZER_FOREGROUND);
  }

  /** A dependent went away: an owner in foreground deletion may now be free to go. */
  private async recheckForegroundOwner(ref: OwnerReference, namespace: string): Promise<void> {
    if (this.byOwner.get(ref.uid)?.size) return;
    const d = this.api.registry.byKind(ref.apiVersion, ref.kind);
    if (!d) return;
    const owner = await this.api.read(d, d.namespaced ? namespace : undefined, ref.name);
    if (owner && owner.metadata.uid === ref.uid && owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FINALIZER_FOREGROUND))
      await removeFinalizer(this.api, d, owner, FINALIZER_FOREGROUND);
  }
}

function depKey(group: string, resource: string, o: KubeObject): string {
  return `${group}/${resource}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
}

function dropOwner(o: KubeObject, uid: string): boolean {
  const refs = o.metadata.ownerReferences ?? [];
  if (!refs.some((r) => r.uid === uid)) return false;
  const left = refs.filter((r) => r.uid !== uid);
  if (left.length) o.metadata.ownerReferences = left;
  else delete o.metadata.ownerReferences;
  return true;
}
