import type { KubeHttp } from "./kube-http";
import { BINDINGS, DEPLOYMENTS, WORKS } from "./workloads";

/** resourceVersion of every object of each watched collection, by namespace/name. */
export type Census = Record<string, Map<string, string>>;

/** What the catch-up counts as rewritten: a reconcile that found its state in place writes none of these. */
export const CENSUS_PATHS: Record<string, string> = { deployments: DEPLOYMENTS, bindings: BINDINGS, works: WORKS, events: "/api/v1/events" };

type Meta = { metadata: { namespace?: string; name?: string; resourceVersion?: string } };

/**
 * Lists every census collection (paged) and keeps each object's resourceVersion.
 * FLOTILLA_BENCH_CENSUS_DUMP=<file> also appends each listing as a JSON line, to diff what a
 * catch-up rewrote (one line per collection, before then after).
 */
export async function takeCensus(kube: KubeHttp): Promise<Census> {
  const out: Census = {};
  for (const [kind, path] of Object.entries(CENSUS_PATHS)) {
    const items = await kube.listAll<Meta>(path, 1000);
    if (process.env.FLOTILLA_BENCH_CENSUS_DUMP) (await import("node:fs")).appendFileSync(process.env.FLOTILLA_BENCH_CENSUS_DUMP, JSON.stringify({ kind, items }) + "\n");
    out[kind] = new Map(items.map((o) => [`${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`, o.metadata.resourceVersion ?? ""]));
  }
  return out;
}

/**
 * Per collection, how many objects the second census holds that the first did not (created) or
 * holds at another resourceVersion (rewritten): the writes of a catch-up that should find
 * everything in place.
 */
export function censusDiff(before: Census, after: Census): Record<string, { created: number; rewritten: number }> {
  const out: Record<string, { created: number; rewritten: number }> = {};
  for (const [kind, now] of Object.entries(after)) {
    const was = before[kind] ?? new Map<string, string>();
    let created = 0;
    let rewritten = 0;
    for (const [key, rv] of now) {
      const old = was.get(key);
      if (old === undefined) created++;
      else if (old !== rv) rewritten++;
    }
    out[kind] = { created, rewritten };
  }
  return out;
}
