import type { KubeObject } from "../kube/types";
import type { ResourceKey, Storage } from "./storage";

const NAMESPACES: ResourceKey = { group: "", resource: "namespaces" };

/**
 * The namespaces NamespaceLifecycle admission checks every create against, kept from a watch
 * on storage as kube-apiserver's plugin reads its informer's lister: a create then costs no
 * store read (on PostgreSQL a round trip each; Events alone are a third of the control plane's
 * writes). A name the cache lacks, or any name before the first list, is read from storage (the
 * plugin's live lookup for a cache behind a new namespace). Writes through this apiserver are
 * also fed in before they return (`observe`), so a namespace marked for deletion here refuses
 * the next create at once; others' writes arrive by the watch, as in kube.
 */
export class NamespaceLister {
  /** Newest version seen per name: the object, or null once deleted (then storage is asked). */
  private readonly cache = new Map<string, { rv: number; obj: KubeObject | null }>();
  private synced = false;
  private running = false;
  private readonly stop = new AbortController();

  constructor(private readonly storage: Storage) {}

  /** Whether it answers from its cache (listed and watching). */
  get listed(): boolean {
    return this.synced;
  }

  async get(name: string): Promise<KubeObject | undefined> {
    if (!this.running) this.start();
    const hit = this.synced ? this.cache.get(name)?.obj : undefined;
    return hit ?? (await this.storage.get(NAMESPACES, "", name));
  }

  /** A namespace write (or its deletion) committed through this apiserver, or seen by the watch. */
  observe(obj: KubeObject, type: "ADDED" | "MODIFIED" | "DELETED"): void {
    const name = obj.metadata.name;
    const rv = Number(obj.metadata.resourceVersion);
    if (!name || !Number.isFinite(rv)) return;
    const known = this.cache.get(name);
    // The watch may bring a version after observe() was told of a newer one.
    if (known && known.rv >= rv) return;
    this.cache.set(name, { rv, obj: type === "DELETED" ? null : obj });
  }

  /** Ends the watch. */
  close(): void {
    this.stop.abort();
  }

  /** List, then watch from the list's version; when the watch ends (store closed, 410), the next get starts over. */
  private start(): void {
    if (this.stop.signal.aborted) return;
    this.running = true;
    void (async () => {
      try {
        const list = await this.storage.list(NAMESPACES);
        // Names observed before the list that it no longer holds were deleted meanwhile.
        const at = Number(list.resourceVersion);
        const listed = new Set(list.items.map((ns) => ns.metadata.name));
        for (const [name, e] of this.cache) if (e.rv <= at && !listed.has(name)) this.cache.delete(name);
        for (const ns of list.items) this.observe(ns, "ADDED");
        this.synced = true;
        const events = this.storage.watch({ fromResourceVersion: list.resourceVersion, key: NAMESPACES, signal: this.stop.signal, readOnly: true });
        for await (const e of events) this.observe(e.object, e.type);
      } catch {
        // Store closed or watch expired: fall back to reads until the next get restarts it.
      } finally {
        // What it missed meanwhile would go unseen: start from a fresh list.
        this.cache.clear();
        this.synced = false;
        this.running = false;
      }
    })();
  }
}
