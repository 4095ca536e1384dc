import type { ResourceKey, StorageEvent } from "../apiserver/storage";
import { splitApiVersion } from "../kube/types";

/**
 * Which query keys (lib/kube/queries.ts) a stored change makes stale. Pure, so the mapping is
 * tested without a server. Kube keys name the object; REST keys name the console endpoints
 * whose answers are derived from that kind of object.
 */

/** A topic is a resource name as kubectl prints it: "deployments.apps", "pods", "clusters.cluster.karmada.io". */
export function topicOf(key: ResourceKey): string {
  return key.group ? `${key.resource}.${key.group}` : key.resource;
}

/** Parses `?topics=a,b`; empty or "*" means every resource. */
export function parseTopics(raw: string | null | undefined): Set<string> | "all" {
  const list = (raw ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  if (!list.length || list.includes("*")) return "all";
  return new Set(list);
}

/**
 * REST endpoints derived from objects: when a resource in `topics` changes, `key` is stale.
 * "*" stands for any resource. Other console areas append their endpoints here.
 */
export const REST_INVALIDATIONS: { topics: readonly string[] | "*"; key: string[] }[] = [
  // The overview counts every kind of object, so any change may move a number.
  { topics: "*", key: ["rest", "overview"] },
  { topics: ["clusters.cluster.karmada.io", "works.work.karmada.io", "nodes"], key: ["rest", "clusters"] },
  { topics: ["events"], key: ["rest", "events"] },
  // Templates may be any kind (CRDs included), and their pages join bindings, Works and policies.
  { topics: "*", key: ["rest", "resources"] },
  { topics: "*", key: ["rest", "workflow"] },
];

/** The invalidate keys for one change: the object's kube key, then the derived REST keys. */
export function invalidationKeys(ev: Pick<StorageEvent, "key" | "namespace" | "name" | "object">): (string | number)[][] {
  const { version } = splitApiVersion(ev.object.apiVersion ?? "");
  const topic = topicOf(ev.key);
  const keys: (string | number)[][] = [["kube", ev.key.group, version, ev.key.resource, ev.namespace ?? "", ev.name]];
  for (const rule of REST_INVALIDATIONS) {
    if (rule.topics === "*" || rule.topics.includes(topic)) keys.push(rule.key);
  }
  return keys;
}

/**
 * Collects keys and hands them out once per window, deduplicated: a burst of 1,000 status
 * updates becomes one message per distinct key. The caller owns the timer.
 */
export class KeyCoalescer {
  private pending = new Map<string, (string | number)[]>();

  add(key: (string | number)[]): void {
    this.pending.set(JSON.stringify(key), key);
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * Returns and clears the pending keys. Above `max` distinct keys it collapses them to their
   * family prefixes (['kube', group, version, plural] and the REST keys): at that rate the
   * browser is better served refreshing whole lists than thousands of objects.
   */
  drain(max = 200): (string | number)[][] {
    const keys = [...this.pending.values()];
    this.pending.clear();
    if (keys.length <= max) return keys;
    const collapsed = new Map<string, (string | number)[]>();
    for (const k of keys) {
      const prefix = k[0] === "kube" ? k.slice(0, 4) : k;
      collapsed.set(JSON.stringify(prefix), prefix);
    }
    return [...collapsed.values()];
  }
}
