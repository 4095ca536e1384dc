import type { ResourceDescriptor } from "../resource-descriptor";
import { apiVersionOf } from "../resource-descriptor";

/**
 * The set of resources one API server serves. Built-in and Karmada kinds are added at start;
 * CRD-defined kinds come and go at run time, so discovery, OpenAPI and routing read it live.
 */
export class ResourceRegistry {
  private readonly byGvr = new Map<string, ResourceDescriptor>();
  private readonly listeners = new Set<() => void>();

  constructor(descriptors: ResourceDescriptor[] = []) {
    for (const d of descriptors) this.byGvr.set(gvrKey(d.group, d.version, d.plural), d);
  }

  all(): ResourceDescriptor[] {
    return [...this.byGvr.values()];
  }

  byResource(group: string, version: string, plural: string): ResourceDescriptor | undefined {
    return this.byGvr.get(gvrKey(group, version, plural));
  }

  byKind(apiVersion: string, kind: string): ResourceDescriptor | undefined {
    for (const d of this.byGvr.values()) if (d.kind === kind && apiVersionOf(d) === apiVersion) return d;
    return undefined;
  }

  /** Every version served for a group/plural, e.g. to find the storage key of a resource. */
  versionsOf(group: string, plural: string): ResourceDescriptor[] {
    return this.all().filter((d) => d.group === group && d.plural === plural);
  }

  add(d: ResourceDescriptor): void {
    this.byGvr.set(gvrKey(d.group, d.version, d.plural), d);
    this.changed();
  }

  remove(group: string, version: string, plural: string): void {
    if (this.byGvr.delete(gvrKey(group, version, plural))) this.changed();
  }

  /** Called after every add/remove (discovery caches, informers of the detector). Returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const l of this.listeners) l();
  }
}

function gvrKey(group: string, version: string, plural: string): string {
  return `${group}/${version}/${plural}`;
}
