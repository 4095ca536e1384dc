/**
 * One line a person can read for the status a member reported for a template (the binding's
 * aggregatedStatus[].status, which the interpreter reflected from the member): replica counts
 * for workloads, completions for Jobs, ingress addresses for Services and Ingresses, else the
 * scalar fields as `key: value`. The console shows the raw object beside it on demand.
 */
export function memberStatusSummary(status: Record<string, unknown> | undefined): string {
  if (!status || Object.keys(status).length === 0) return "—";
  const n = (k: string) => (typeof status[k] === "number" ? (status[k] as number) : undefined);
  const parts: string[] = [];
  const replicas = n("replicas") ?? n("desiredNumberScheduled");
  const ready = n("readyReplicas") ?? n("numberReady");
  if (replicas !== undefined || ready !== undefined) {
    parts.push(`${ready ?? 0}/${replicas ?? 0} ready`);
    const updated = n("updatedReplicas") ?? n("updatedNumberScheduled");
    if (updated !== undefined) parts.push(`${updated} updated`);
    const available = n("availableReplicas") ?? n("numberAvailable");
    if (available !== undefined) parts.push(`${available} available`);
    return parts.join(" · ");
  }
  if (n("succeeded") !== undefined || n("failed") !== undefined || n("active") !== undefined) {
    for (const k of ["active", "succeeded", "failed"]) if (n(k) !== undefined) parts.push(`${n(k)} ${k}`);
    return parts.join(" · ");
  }
  const lb = status.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] } | undefined;
  if (lb && typeof lb === "object") {
    const ingress = Array.isArray(lb.ingress) ? lb.ingress : [];
    return ingress.length ? `ingress ${ingress.map((i) => i.ip ?? i.hostname ?? "?").join(", ")}` : "no ingress yet";
  }
  for (const [k, v] of Object.entries(status)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") parts.push(`${k}: ${String(v)}`);
  }
  return parts.length ? parts.join(" · ") : `${Object.keys(status).length} field(s)`;
}
