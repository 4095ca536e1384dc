import type { KubeObject } from "../../kube/types";

/** A member event held back while our own write to its object is in flight. */
interface Deferred {
  rv?: string;
  run: () => void;
}

/**
 * The resourceVersion each member object had right after Flotilla's own apply (Karmada's
 * ObjectWatcher version record). The member watch echoes every apply back; an event carrying
 * the recorded version is that echo, not drift, and must not re-run the execution controller
 * (a new Work was otherwise applied twice).
 *
 * The echo often arrives before the write's own answer (the member sends both at once and the
 * watch stream is read first): events for an object with a write in flight are held until
 * the write ends, then dropped if they are its echo. Without this ~90% of new Works were
 * reconciled twice.
 */
export class AppliedVersions {
  private readonly versions = new Map<string, string>();
  private readonly inflight = new Map<string, { writes: number; deferred: Deferred[] }>();

  /** Remembers the object a member returned from our write. */
  record(cluster: string, written: KubeObject): void {
    const rv = written.metadata.resourceVersion;
    if (rv) this.versions.set(keyOf(cluster, written), rv);
  }

  /**
   * Marks a write to `target` as started; call the returned function with what the member
   * returned, or undefined when the write failed. Held events then run unless they are the echo.
   */
  begin(cluster: string, target: KubeObject): (written?: KubeObject) => void {
    const key = keyOf(cluster, target);
    let entry = this.inflight.get(key);
    if (!entry) this.inflight.set(key, (entry = { writes: 0, deferred: [] }));
    entry.writes++;
    let ended = false;
    return (written) => {
      if (ended) return;
      ended = true;
      if (written) this.record(cluster, written);
      const e = entry!;
      if (--e.writes > 0) return;
      this.inflight.delete(key);
      const own = this.versions.get(key);
      for (const d of e.deferred) if (!written || d.rv === undefined || d.rv !== own) d.run();
    };
  }

  /** Holds `run` while a write to `obj` is in flight (returns true), else returns false. */
  deferIfWriting(cluster: string, obj: KubeObject, run: () => void): boolean {
    const entry = this.inflight.get(keyOf(cluster, obj));
    if (!entry) return false;
    entry.deferred.push({ rv: obj.metadata.resourceVersion, run });
    return true;
  }

  /** True when `obj` is exactly the version our last write produced. */
  isOwnWrite(cluster: string, obj: KubeObject): boolean {
    const rv = obj.metadata.resourceVersion;
    return rv !== undefined && this.versions.get(keyOf(cluster, obj)) === rv;
  }

  forget(cluster: string, obj: KubeObject): void {
    this.versions.delete(keyOf(cluster, obj));
  }
}

function keyOf(cluster: string, o: KubeObject): string {
  return `${cluster}|${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ""}|${o.metadata.name ?? ""}`;
}
