import type { KubeObject } from "../kube/types";

/** Small typed readers over untyped manifests (Go's typed conversion zero-values missing fields). */

export type Obj = Record<string, unknown>;

export function asObj(v: unknown): Obj {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** Nested lookup: path segments through objects. */
export function at(o: unknown, ...path: string[]): unknown {
  let cur: unknown = o;
  for (const p of path) {
    if (!cur || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Obj)[p];
  }
  return cur;
}

/** `group/version` + kind key used by the per-kind tables (apps/v1 Deployment → "apps/v1/Deployment"). */
export function gvk(obj: Pick<KubeObject, "apiVersion" | "kind">): string {
  return `${obj.apiVersion}/${obj.kind}`;
}

/** The pod spec of a workload template (Pod: spec; others: spec.template.spec). */
export function podSpecOf(obj: KubeObject): Obj | undefined {
  if (obj.kind === "Pod") return asObj(obj.spec);
  const tpl = at(obj, "spec", "template", "spec");
  if (tpl && typeof tpl === "object") return tpl as Obj;
  if (obj.kind === "CronJob") {
    const cj = at(obj, "spec", "jobTemplate", "spec", "template", "spec");
    return cj && typeof cj === "object" ? (cj as Obj) : undefined;
  }
  return undefined;
}
