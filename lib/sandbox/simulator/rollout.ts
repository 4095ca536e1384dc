import type { KubeObject } from "../../kube/types";
import { dict } from "./pod-util";

/** One ReplicaSet as the rollout arithmetic sees it. */
export interface RsCounts {
  name: string;
  replicas: number;
  available: number;
}

/** An int-or-percent of `total`; surge rounds up, unavailability down (intstr.GetScaledValueFromIntOrPercent). */
export function scaled(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(String(v ?? "0"));
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** maxSurge and maxUnavailable of a Deployment; both zero is not allowed, so unavailability becomes 1. */
export function surgeAndUnavailable(deploy: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const spec = dict(deploy.spec);
  const replicas = Number(spec.replicas ?? 1);
  const strategy = dict(spec.strategy);
  if (strategy.type === "Recreate") return { maxSurge: 0, maxUnavailable: 0 };
  const ru = dict(strategy.rollingUpdate);
  const maxSurge = scaled(ru.maxSurge ?? "25%", replicas, true);
  let maxUnavailable = scaled(ru.maxUnavailable ?? "25%", replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

/**
 * One step of a rolling update (deployment controller's rolloutRolling): the new ReplicaSet
 * grows within maxSurge, then old ones shrink — unhealthy replicas first — as far as
 * maxUnavailable allows. Returns the wanted replicas per ReplicaSet name.
 */
export function rollingStep(replicas: number, maxSurge: number, maxUnavailable: number, newRs: RsCounts, old: RsCounts[]): Map<string, number> {
  const out = new Map<string, number>();
  const all = [newRs, ...old];
  const total = all.reduce((s, r) => s + r.replicas, 0);
  let next = newRs.replicas;
  if (newRs.replicas > replicas) next = replicas;
  else if (newRs.replicas < replicas) next = Math.min(replicas, newRs.replicas + Math.max(0, replicas + maxSurge - total));
  out.set(newRs.name, next);
  const minAvailable = replicas - maxUnavailable;
  const allPods = total - newRs.replicas + next;
  const newUnavailable = next - newRs.available;
  let budget = Math.max(0, allPods - minAvailable - newUnavailable);
  const remaining = new Map(old.map((r) => [r.name, r.replicas]));
  // Unhealthy replicas of old sets go first: removing them costs no availability.
  for (const r of [...old].sort((a, b) => a.name.localeCompare(b.name))) {
    const unhealthy = Math.min(budget, r.replicas - r.available);
    if (unhealthy <= 0) continue;
    remaining.set(r.name, r.replicas - unhealthy);
    budget -= unhealthy;
  }
  const available = all.reduce((s, r) => s + r.available, 0);
  let down = Math.max(0, available - minAvailable);
  for (const r of old) {
    const cur = remaining.get(r.name)!;
    const take = Math.min(down, cur);
    remaining.set(r.name, cur - take);
    down -= take;
  }
  for (const [name, n] of remaining) out.set(name, n);
  return out;
}
