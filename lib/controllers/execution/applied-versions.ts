import type { KubeObject } from "../../kube/types";

/**
 * The resourceVersion each member object had right after Flotilla's own apply (Karmada's
 * ObjectWatcher version record). The member watch echoes every apply back; an event carrying
 * the recorded version is that echo, not drift, and must not re-run the execution controller
 * (a new Work was otherwise applied twice).
 */
export class AppliedVersions {
  private readonly versions = new Map<string, string>();

  /** Remembers the object a member returned from our write. */
  record(cluster: string, written: KubeObject): void {
    const rv = written.metadata.resourceVersion;
    if (rv) this.versions.set(keyOf(cluster, written), rv);
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
