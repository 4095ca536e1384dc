import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { Condition, KubeObject } from "../kube/types";
import { descriptorsFromCRD } from "../kube/resources/crd-descriptors";
import type { StorageEvent } from "./storage";
import type { ObjectApi } from "./object-api";
import { deleteObject, FINALIZER_CRD_CLEANUP, isCRDDescriptor } from "./object-delete";
import { isGoneOrConflict, mutateObject, removeFinalizer } from "./controller-utils";
import { formatTime } from "./object-utils";

/**
 * Serves the kinds CustomResourceDefinitions define: registers their descriptors when a CRD is
 * written (synchronously, so `kubectl apply` of a CRD and then its resource works), marks the
 * CRD NamesAccepted/Established, and on deletion removes every custom resource before the
 * cleanup finalizer is dropped and the kinds are unregistered.
 */
export class CrdRegistrar {
  private readonly signatures = new Map<string, string>();
  private readonly locks = new Map<string, Promise<void>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(private readonly api: ObjectApi, private readonly toDescriptors: (crd: KubeObject) => ResourceDescriptor[] = descriptorsFromCRD, private readonly retryMs = 1000) {}

  private get crdDescriptor() {
    return this.api.registry.all().find(isCRDDescriptor);
  }

  /** Registers every CRD found in storage (start-up). */
  async resync(): Promise<void> {
    const d = this.crdDescriptor;
    if (!d) return;
    const { items } = await this.api.list(d);
    for (const crd of items) await this.sync(crd, "MODIFIED");
  }

  async onEvent(e: StorageEvent): Promise<void> {
    if (e.key.group === "apiextensions.k8s.io" && e.key.resource === "customresourcedefinitions") await this.sync(e.object, e.type);
  }

  /**
   * Called for every committed CRD write in this process. Registration happens right away (the
   * next request may use the new kind); status and cleanup run afterwards, not awaited, since
   * they write the CRD themselves and would otherwise wait on their own write.
   */
  observeWrite(crd: KubeObject, type: "ADDED" | "MODIFIED" | "DELETED"): void {
    if (type === "DELETED") this.unregister(crd.metadata.name!);
    else if (!crd.metadata.deletionTimestamp) this.register(crd);
    void this.sync(crd, type);
  }

  /** Serialised per CRD name: concurrent writes of one CRD would otherwise race on status. */
  sync(crd: KubeObject, type: "ADDED" | "MODIFIED" | "DELETED"): Promise<void> {
    const name = crd.metadata.name!;
    const prev = this.locks.get(name) ?? Promise.resolve();
    const next = prev.then(() => this.syncNow(crd, type)).catch((e) => console.error(JSON.stringify({ level: "error", msg: "CRD sync failed", crd: name, error: String(e) })));
    this.locks.set(name, next);
    void next.finally(() => {
      if (this.locks.get(name) === next) this.locks.delete(name);
    });
    return next;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
  }

  private async syncNow(crd: KubeObject, type: string): Promise<void> {
    const name = crd.metadata.name!;
    if (type === "DELETED") return this.unregister(name);
    if (crd.metadata.deletionTimestamp) return this.cleanup(crd);
    this.register(crd);
    await this.markEstablished(crd);
  }

  private register(crd: KubeObject): void {
    const name = crd.metadata.name!;
    const sig = JSON.stringify(crd.spec);
    if (this.signatures.get(name) === sig) return;
    const next = this.toDescriptors(crd);
    for (const d of this.api.registry.all()) {
      if (d.fromCRD === name && !next.some((n) => n.version === d.version && n.plural === d.plural)) this.api.registry.remove(d.group, d.version, d.plural);
    }
    for (const d of next) this.api.registry.add(d);
    this.signatures.set(name, sig);
  }

  private unregister(name: string): void {
    this.signatures.delete(name);
    for (const d of this.api.registry.all()) if (d.fromCRD === name) this.api.registry.remove(d.group, d.version, d.plural);
  }

  private async markEstablished(crd: KubeObject): Promise<void> {
    const d = this.crdDescriptor!;
    const now = formatTime(this.api.clock());
    await mutateObject(this.api, d, undefined, crd.metadata.name!, (o) => {
      const spec = (o.spec ?? {}) as { names?: object; versions?: { name: string; storage?: boolean }[] };
      const status = (o.status ?? {}) as { conditions?: Condition[]; acceptedNames?: object; storedVersions?: string[] };
      const conds = status.conditions ?? [];
      const established = conds.some((c) => c.type === "Established" && c.status === "True");
      const namesSame = JSON.stringify(status.acceptedNames) === JSON.stringify(spec.names);
      if (established && namesSame) return false;
      const storage = spec.versions?.find((v) => v.storage)?.name ?? spec.versions?.[0]?.name;
      o.status = {
        ...status,
        acceptedNames: spec.names,
        storedVersions: Array.from(new Set([...(status.storedVersions ?? []), ...(storage ? [storage] : [])])),
        conditions: [
          { type: "NamesAccepted", status: "True", reason: "NoConflicts", message: "no conflicts found", lastTransitionTime: now },
          { type: "Established", status: "True", reason: "InitialNamesAccepted", message: "the initial names have been accepted", lastTransitionTime: now },
        ],
      };
      return true;
    }, "status");
  }

  /** Deletes the custom resources of a CRD being deleted; drops the finalizer once none is left. */
  private async cleanup(crd: KubeObject): Promise<void> {
    const name = crd.metadata.name!;
    const ds = this.api.registry.all().filter((d) => d.fromCRD === name);
    let remaining = 0;
    const seen = new Set<string>();
    for (const d of ds) {
      if (seen.has(d.plural)) continue;
      seen.add(d.plural);
      const { items } = await this.api.list(d);
      for (const item of items) {
        try {
          const left = await deleteObject(this.api, d, item.metadata.namespace, item.metadata.name!);
          if (left.metadata.deletionTimestamp && (left.metadata.finalizers ?? []).length) remaining++;
        } catch (e) {
          if (!isGoneOrConflict(e)) throw e;
        }
      }
    }
    if (remaining > 0) return this.retryLater(name);
    await removeFinalizer(this.api, this.crdDescriptor!, crd, FINALIZER_CRD_CLEANUP);
  }

  private retryLater(name: string): void {
    if (this.stopped) return;
    const t = setTimeout(async () => {
      this.timers.delete(t);
      const d = this.crdDescriptor;
      const crd = d && (await this.api.read(d, undefined, name).catch(() => undefined));
      if (crd) void this.sync(crd, "MODIFIED");
    }, this.retryMs);
    this.timers.add(t);
  }
}
