import { randomUUID } from "node:crypto";
import type { DeleteOptions, ListOptions, ObjectClient, ObjectRef, PatchOptions, PatchType, WatchOptions, WriteOptions } from "../../kube/client";
import { errors } from "../../kube/errors";
import { matchesFields, matchesSelector, parseFieldSelector, parseLabelSelector } from "../../kube/selectors";
import { splitApiVersion, type KubeList, type KubeObject, type WatchEvent } from "../../kube/types";
import { realClock, type Clock } from "./clock";
import { toRfc3339 } from "./conditions";
import { jsonPatch, mergePatch } from "./fake-patch";
import { FakeWatchHub, type WatchFilter } from "./fake-watch-hub";

export type FakeVerb = "get" | "list" | "create" | "update" | "updateStatus" | "patch" | "delete" | "watch";

/** One write the fake accepted; tests assert on these ("a second reconcile writes nothing"). */
export interface FakeWrite {
  verb: Exclude<FakeVerb, "get" | "list" | "watch">;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  patchType?: PatchType;
}

/**
 * Runs before every call (client-go's PrependReactor). Throw (e.g. an ApiError) to make the
 * call fail; return normally to let it proceed.
 */
export type FakeReactor = (verb: FakeVerb, ref: { apiVersion: string; kind: string; namespace?: string; name?: string }) => void;

export interface FakeObjectClientOptions {
  clock?: Clock;
  /** Objects present from the start; not recorded as writes. */
  objects?: KubeObject[];
}

/**
 * An in-memory ObjectClient with API-server semantics for reconciler and informer tests:
 * uid/creationTimestamp/generation stamping, one global increasing resourceVersion with
 * compare-and-set on update, a status path that touches only .status, merge and JSON patches
 * (strategic and apply are treated as merge; apply creates when missing), two-phase deletion
 * with finalizers, and watches that replay from a resourceVersion (410 after `compact`).
 * Objects are deep-copied in and out, as over a wire. Listing ignores limit/continue.
 */
export class FakeObjectClient implements ObjectClient {
  readonly writes: FakeWrite[] = [];
  private readonly objects = new Map<string, KubeObject>();
  private readonly hub = new FakeWatchHub();
  private readonly reactors: FakeReactor[] = [];
  private readonly clock: Clock;
  private rv = 0;

  constructor(opts: FakeObjectClientOptions = {}) {
    this.clock = opts.clock ?? realClock;
    for (const o of opts.objects ?? []) this.seed(o);
  }

  /** Stores objects as if created, without recording writes. Returns the stored copies. */
  seed(...objs: KubeObject[]): KubeObject[] {
    return objs.map((o) => this.insert(o));
  }

  /** Forgets the recorded writes (e.g. between the two runs of an idempotency test). */
  resetWrites(): void {
    this.writes.length = 0;
  }

  prependReactor(fn: FakeReactor): void {
    this.reactors.unshift(fn);
  }

  /** Drops the event log up to the current version: older watches answer 410 Expired. */
  compact(): void {
    this.hub.compact(this.rv);
  }

  /** Ends every open watch cleanly, as a server's timeoutSeconds would. */
  endWatches(): void {
    this.hub.endAll();
  }

  get openWatches(): number {
    return this.hub.openWatches;
  }

  get currentResourceVersion(): string {
    return String(this.rv);
  }

  /** Every stored object (copies), for assertions. */
  all(): KubeObject[] {
    return [...this.objects.values()].map((o) => structuredClone(o));
  }

  async get<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<T | undefined> {
    this.react("get", { apiVersion, kind, namespace, name });
    const o = this.objects.get(keyOf(apiVersion, kind, namespace, name));
    return o ? (structuredClone(o) as T) : undefined;
  }

  async list<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<KubeList<T>> {
    this.react("list", { apiVersion, kind, namespace: opts.namespace });
    const f = filterFor(apiVersion, kind, opts);
    const items = [...this.objects.values()].filter((o) => o.apiVersion === apiVersion && o.kind === kind && f.matches(o));
    items.sort((a, b) => keyOf(a.apiVersion, a.kind, a.metadata.namespace, a.metadata.name ?? "").localeCompare(keyOf(b.apiVersion, b.kind, b.metadata.namespace, b.metadata.name ?? "")));
    return { apiVersion, kind: `${kind}List`, metadata: { resourceVersion: String(this.rv) }, items: items.map((o) => structuredClone(o) as T) };
  }

  async create<T extends KubeObject = KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    const name = obj.metadata.name ?? (obj.metadata.generateName ? obj.metadata.generateName + randomUUID().slice(0, 5) : "");
    this.react("create", refOf(obj, name));
    if (!name) throw errors.invalid(obj.kind, "", [{ reason: "FieldValueRequired", field: "metadata.name", message: "name or generateName is required" }]);
    if (this.objects.has(keyOf(obj.apiVersion, obj.kind, obj.metadata.namespace, name))) throw errors.alreadyExists(plural(obj.kind), name, group(obj.apiVersion));
    const candidate = { ...structuredClone(obj), metadata: { ...structuredClone(obj.metadata), name } };
    if (opts.dryRun) return candidate;
    this.record("create", candidate);
    return structuredClone(this.insert(candidate)) as T;
  }

  async update<T extends KubeObject = KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.replace(obj, "update", opts);
  }

  async updateStatus<T extends KubeObject = KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.replace(obj, "updateStatus", opts);
  }

  async patch<T extends KubeObject = KubeObject>(ref: ObjectRef, type: PatchType, body: unknown, opts: PatchOptions = {}): Promise<T> {
    this.react("patch", ref);
    const current = this.objects.get(keyOf(ref.apiVersion, ref.kind, ref.namespace, ref.name));
    if (!current) {
      // Server-side apply creates what does not exist yet.
      if (type === "application/apply-patch+yaml") return this.create({ ...(body as T), apiVersion: ref.apiVersion, kind: ref.kind }, opts);
      throw errors.notFound(plural(ref.kind), ref.name, group(ref.apiVersion));
    }
    const patched = (type === "application/json-patch+json" ? jsonPatch(current, body) : mergePatch(current, body)) as KubeObject;
    const rv = patched.metadata?.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) throw conflict(current);
    const next = opts.subresource === "status" ? { ...structuredClone(current), status: patched.status } : patched;
    if (opts.dryRun) return next as T;
    this.record("patch", current, type);
    return structuredClone(this.commit(current, next, opts.subresource === "status" ? "status" : "spec")) as T;
  }

  async delete(ref: ObjectRef, opts: DeleteOptions = {}): Promise<KubeObject | undefined> {
    this.react("delete", ref);
    const current = this.objects.get(keyOf(ref.apiVersion, ref.kind, ref.namespace, ref.name));
    if (!current) throw errors.notFound(plural(ref.kind), ref.name, group(ref.apiVersion));
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== current.metadata.uid) throw conflict(current, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
    if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) throw conflict(current, "the object has been modified; please apply your changes to the latest version and try again");
    if (opts.dryRun) return structuredClone(current);
    this.record("delete", current);
    if (current.metadata.finalizers?.length) {
      if (current.metadata.deletionTimestamp) return structuredClone(current);
      const next = structuredClone(current);
      next.metadata.deletionTimestamp = toRfc3339(new Date(this.clock.now()));
      next.metadata.deletionGracePeriodSeconds = 0;
      return structuredClone(this.commit(current, next, "meta"));
    }
    return structuredClone(this.remove(current));
  }

  async watch(apiVersion: string, kind: string, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Promise<void> {
    this.react("watch", { apiVersion, kind, namespace: opts.namespace });
    const filter = filterFor(apiVersion, kind, opts);
    const from = opts.resourceVersion && opts.resourceVersion !== "0" ? Number(opts.resourceVersion) : undefined;
    const initial = from === undefined ? (await this.list(apiVersion, kind, opts)).items : [];
    return this.hub.watch(filter, from, this.rv, initial, opts.signal, onEvent);
  }

  private replace<T extends KubeObject>(obj: T, verb: "update" | "updateStatus", opts: WriteOptions): T {
    const name = obj.metadata.name ?? "";
    this.react(verb, refOf(obj, name));
    const current = this.objects.get(keyOf(obj.apiVersion, obj.kind, obj.metadata.namespace, name));
    if (!current) throw errors.notFound(plural(obj.kind), name, group(obj.apiVersion));
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) throw conflict(current);
    const next = verb === "updateStatus" ? { ...structuredClone(current), status: structuredClone(obj.status) } : { ...structuredClone(obj), status: structuredClone(current.status) };
    if (next.status === undefined) delete next.status;
    if (opts.dryRun) return next as unknown as T;
    this.record(verb, current);
    return structuredClone(this.commit(current, next, verb === "updateStatus" ? "status" : "spec")) as T;
  }

  /** Stores `next` in place of `current`, keeping server-owned fields; finishes a pending deletion. */
  private commit(current: KubeObject, next: KubeObject, path: "spec" | "status" | "meta"): KubeObject {
    const m = current.metadata;
    const stored: KubeObject = { ...structuredClone(next), apiVersion: current.apiVersion, kind: current.kind };
    stored.metadata = { ...stored.metadata, name: m.name, namespace: m.namespace, uid: m.uid, creationTimestamp: m.creationTimestamp, generation: m.generation };
    if (m.deletionTimestamp) stored.metadata.deletionTimestamp = m.deletionTimestamp;
    if (path === "spec" && specChanged(current, stored)) stored.metadata.generation = (m.generation ?? 0) + 1;
    if (stored.metadata.deletionTimestamp && !stored.metadata.finalizers?.length) return this.remove(stored);
    stored.metadata.resourceVersion = String(++this.rv);
    if (stored.metadata.namespace === undefined) delete stored.metadata.namespace;
    this.objects.set(keyOf(stored.apiVersion, stored.kind, m.namespace, m.name ?? ""), stored);
    this.hub.append({ rv: this.rv, type: "MODIFIED", object: stored, previous: current });
    return stored;
  }

  private insert(obj: KubeObject): KubeObject {
    const stored = structuredClone(obj);
    stored.metadata.uid ??= randomUUID();
    stored.metadata.creationTimestamp ??= toRfc3339(new Date(this.clock.now()));
    stored.metadata.generation = 1;
    stored.metadata.resourceVersion = String(++this.rv);
    this.objects.set(keyOf(stored.apiVersion, stored.kind, stored.metadata.namespace, stored.metadata.name ?? ""), stored);
    this.hub.append({ rv: this.rv, type: "ADDED", object: stored });
    return stored;
  }

  private remove(obj: KubeObject): KubeObject {
    this.objects.delete(keyOf(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name ?? ""));
    const gone = structuredClone(obj);
    gone.metadata.resourceVersion = String(++this.rv);
    this.hub.append({ rv: this.rv, type: "DELETED", object: gone, previous: obj });
    return gone;
  }

  private react(verb: FakeVerb, ref: Parameters<FakeReactor>[1]): void {
    for (const r of this.reactors) r(verb, ref);
  }

  private record(verb: FakeWrite["verb"], obj: KubeObject, patchType?: PatchType): void {
    const w: FakeWrite = { verb, apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name ?? "" };
    if (obj.metadata.namespace) w.namespace = obj.metadata.namespace;
    if (patchType) w.patchType = patchType;
    this.writes.push(w);
  }
}

function keyOf(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  return `${apiVersion}|${kind}|${namespace ?? ""}|${name}`;
}

function refOf(obj: KubeObject, name: string) {
  return { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata.namespace, name };
}

function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = ({ metadata: _m, status: _s, ...rest }: KubeObject) => rest;
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}

function filterFor(apiVersion: string, kind: string, opts: ListOptions): WatchFilter {
  const labels = parseLabelSelector(opts.labelSelector);
  const fields = parseFieldSelector(opts.fieldSelector);
  return {
    apiVersion,
    kind,
    matches: (o) =>
      (!opts.namespace || o.metadata.namespace === opts.namespace) &&
      matchesSelector(labels, o.metadata.labels) &&
      matchesFields(fields, (f) => fieldValue(o, f)),
  };
}

/** Dotted-path lookup for field selectors (metadata.name, spec.nodeName, involvedObject.uid, ...). */
function fieldValue(obj: KubeObject, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? undefined : String(cur);
}

function conflict(current: KubeObject, message = "the object has been modified; please apply your changes to the latest version and try again") {
  return errors.conflict(plural(current.kind), current.metadata.name ?? "", message, group(current.apiVersion));
}

function group(apiVersion: string): string | undefined {
  return splitApiVersion(apiVersion).group || undefined;
}

/** Good-enough English plural for error messages (the real server takes it from descriptors). */
function plural(kind: string): string {
  const k = kind.toLowerCase();
  if (k.endsWith("y")) return k.slice(0, -1) + "ies";
  if (k.endsWith("s")) return k + "es";
  return k + "s";
}
