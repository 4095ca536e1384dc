import type { StorageEvent } from "./storage";
import type { ObjectApi } from "./object-api";
import { deleteObject } from "./object-delete";
import { isGoneOrConflict, mutateObject, storedResources } from "./controller-utils";

/**
 * The namespace controller: a Namespace marked for deletion (phase Terminating) has all its
 * content deleted; once nothing is left, its `kubernetes` spec finalizer is removed and it
 * disappears (DELETED). Content held by finalizers keeps the namespace Terminating.
 */
export class NamespaceLifecycle {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Terminating namespaces still waiting for content to go. */
  private readonly pending = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(private readonly api: ObjectApi, private readonly retryMs = 1000) {}

  private get nsDescriptor() {
    return this.api.registry.byResource("", "v1", "namespaces");
  }

  /** Reacts to a stored change: a terminating namespace, or content leaving one. */
  async onEvent(e: StorageEvent): Promise<void> {
    if (e.key.group === "" && e.key.resource === "namespaces") {
      if (e.type !== "DELETED" && e.object.metadata.deletionTimestamp) await this.finalize(e.name);
      return;
    }
    if (e.type === "DELETED" && e.namespace && this.pending.has(e.namespace)) await this.finalize(e.namespace);
  }

  /** Finalizes every namespace already terminating (start-up, or after a missed event window). */
  async resync(): Promise<void> {
    const d = this.nsDescriptor;
    if (!d) return;
    const { items } = await this.api.list(d);
    for (const ns of items) if (ns.metadata.deletionTimestamp) await this.finalize(ns.metadata.name!);
  }

  /** Runs one pass for a namespace; concurrent triggers coalesce into one follow-up pass. */
  finalize(name: string): Promise<void> {
    const current = this.running.get(name);
    if (current) {
      this.again.add(name);
      return current;
    }
    const run = (async () => {
      try {
        do {
          this.again.delete(name);
          await this.pass(name);
        } while (this.again.has(name) && !this.stopped);
      } finally {
        this.running.delete(name);
      }
    })();
    this.running.set(name, run);
    return run;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async pass(name: string): Promise<void> {
    const d = this.nsDescriptor;
    if (!d || this.stopped) return;
    const ns = await this.api.read(d, undefined, name);
    if (!ns?.metadata.deletionTimestamp) {
      this.pending.delete(name);
      return;
    }
    const remaining = await this.deleteContent(name);
    if (remaining > 0) {
      this.pending.add(name);
      this.retryLater(name);
      return;
    }
    this.pending.delete(name);
    await mutateObject(this.api, d, undefined, name, (o) => {
      const spec = (o.spec ?? {}) as { finalizers?: string[] };
      if (!(spec.finalizers ?? []).includes("kubernetes")) return false;
      o.spec = { ...spec, finalizers: (spec.finalizers ?? []).filter((f) => f !== "kubernetes") };
      return true;
    });
  }

  /** Deletes what is left in the namespace; returns how many objects still exist afterwards. */
  private async deleteContent(namespace: string): Promise<number> {
    let remaining = 0;
    for (const d of storedResources(this.api)) {
      if (!d.namespaced) continue;
      const { items } = await this.api.list(d, { namespace });
      for (const item of items) {
        if (item.metadata.deletionTimestamp) {
          remaining++;
          continue;
        }
        try {
          const left = await deleteObject(this.api, d, namespace, item.metadata.name!, { propagationPolicy: "Background" });
          if (left.metadata.deletionTimestamp && (left.metadata.finalizers ?? []).length) remaining++;
        } catch (e) {
          if (!isGoneOrConflict(e)) throw e;
        }
      }
    }
    return remaining;
  }

  private retryLater(name: string): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.finalize(name).catch(() => undefined);
    }, this.retryMs);
    this.timers.add(t);
  }
}
