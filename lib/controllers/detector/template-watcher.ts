import type { KubeObject } from "../../kube/types";
import type { ResourceRegistry } from "../../kube/resources/registry";
import type { ResourceDescriptor } from "../../kube/resource-descriptor";
import { apiVersionOf } from "../../kube/resource-descriptor";
import { isPropagatable, isSkippedApi } from "../../policies";
import type { Informer } from "../runtime/informer";
import type { InformerSource } from "../runtime/shared-informers";
import type { Request } from "../runtime/keys";
import { templateRequest } from "./template-keys";
import { deepEqual } from "../../apiserver/object-utils";

/**
 * Keeps one informer per template kind the control plane serves (built-ins and custom
 * resources): every listable, watchable, deletable kind outside Karmada's skipped APIs, one
 * version per group/kind. New CRDs are picked up through the registry's onChange. Events are
 * turned into template keys; updates that touch only status, managedFields or resourceVersion
 * are dropped, so writing aggregated status back never re-triggers propagation.
 */
export class TemplateWatcher {
  private readonly watched = new Map<string, { informer: Informer; off: () => void }>();
  private unsubscribe: (() => void) | undefined;
  /** Templates whose spec or metadata changed since this watcher started → resourceVersion of that change. */
  private readonly changed = new Map<string, string | undefined>();

  constructor(
    private readonly registry: ResourceRegistry,
    private readonly informers: InformerSource,
    private readonly enqueue: (req: Request) => void,
    private readonly skippedNamespaces?: readonly string[],
  ) {}

  /** Subscribes to every current template kind and to registry changes. Idempotent. */
  start(): void {
    if (!this.unsubscribe) this.unsubscribe = this.registry.onChange(() => this.sync());
    this.sync();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const w of this.watched.values()) w.off();
    this.watched.clear();
  }

  /** Every cached template of every watched kind. */
  *templates(): Iterable<KubeObject> {
    for (const w of this.watched.values()) yield* w.informer.list();
  }

  /**
   * Whether the template changed (an update that is not status-only) since this watcher
   * started and the change was not yet handled (see handled). A template first seen in the
   * start-up list is not "changed": its binding may still record an older resourceVersion
   * (status writes move it), which alone is no reason to rewrite the binding.
   */
  hasChanged(obj: KubeObject): boolean {
    return this.changed.has(changeKey(obj));
  }

  /** The binding reflects `obj`: drops its mark unless a newer change came in meanwhile. */
  handled(obj: KubeObject): void {
    const key = changeKey(obj);
    if (this.changed.get(key) === obj.metadata.resourceVersion) this.changed.delete(key);
  }

  informerFor(apiVersion: string, kind: string): Informer | undefined {
    return this.watched.get(`${apiVersion}/${kind}`)?.informer;
  }

  private sync(): void {
    const wanted = templateDescriptors(this.registry.all());
    const keys = new Set(wanted.map((d) => `${apiVersionOf(d)}/${d.kind}`));
    for (const [key, w] of this.watched) {
      if (keys.has(key)) continue;
      w.off();
      this.watched.delete(key);
    }
    for (const d of wanted) {
      const key = `${apiVersionOf(d)}/${d.kind}`;
      if (this.watched.has(key)) continue;
      const informer = this.informers.informerFor({ apiVersion: apiVersionOf(d), kind: d.kind });
      const push = (obj: KubeObject) => {
        if (isPropagatable(obj, this.skippedNamespaces)) this.enqueue(templateRequest(obj));
      };
      const off = informer.addHandlers({
        onAdd: push,
        onUpdate: (old, obj) => {
          if (old === obj || !templateChanged(old, obj)) return;
          if (isPropagatable(obj, this.skippedNamespaces)) this.changed.set(changeKey(obj), obj.metadata.resourceVersion);
          push(obj);
        },
        onDelete: (obj) => {
          this.changed.delete(changeKey(obj));
          push(obj);
        },
      });
      this.watched.set(key, { informer, off });
    }
  }
}

function changeKey(o: KubeObject): string {
  const r = templateRequest(o);
  return `${r.namespace}|${r.name}`;
}

/** Template kinds to watch: listable, watchable, deletable, not skipped; one version per group/kind. */
export function templateDescriptors(all: readonly ResourceDescriptor[]): ResourceDescriptor[] {
  const seen = new Set<string>();
  const out: ResourceDescriptor[] = [];
  for (const d of all) {
    if (!["list", "watch", "delete"].every((v) => d.verbs.includes(v))) continue;
    if (isSkippedApi(apiVersionOf(d), d.kind)) continue;
    const gk = `${d.group}/${d.kind}`;
    if (seen.has(gk)) continue;
    seen.add(gk);
    out.push(d);
  }
  return out;
}

/** False when only status, managedFields or resourceVersion differ (Karmada's detector update filter). */
export function templateChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { status: _s, metadata, ...rest } = o as KubeObject & { status?: unknown };
    const { resourceVersion: _rv, managedFields: _mf, ...meta } = metadata as Record<string, unknown>;
    return [rest, meta];
  };
  // Key order is not a change: a status write may come back with metadata keys reordered by the store.
  return !deepEqual(strip(a), strip(b));
}
