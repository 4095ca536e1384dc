import type { EventHandlers } from "../../controllers/runtime/informer";
import type { KubeObject } from "../../kube/types";
import { addUsage, type NodeUsage } from "./fit";
import { isPodActive, podNodeName, podRequests } from "./pod-util";

/**
 * usageByNode kept up to date from the Pod informer's events, so a bind reads per-node sums
 * instead of summing every pod in the sandbox (which made each bind cost grow with the pods
 * already placed). Equal to usageByNode(pods.list()) after every event.
 */
export class NodeUsageTracker {
  private readonly placed = new Map<string, { node: string; pod: KubeObject }>();
  private readonly byNode = new Map<string, NodeUsage>();

  constructor(pods: { addHandlers(h: EventHandlers): () => void }) {
    pods.addHandlers({ onAdd: (p) => this.set(p), onUpdate: (_old, p) => this.set(p), onDelete: (p) => this.remove(keyOf(p)) });
  }

  /** A copy of the per-node sums, for the caller to add assumed binds to. */
  usage(): Map<string, NodeUsage> {
    return new Map([...this.byNode].map(([node, u]) => [node, { ...u }]));
  }

  private set(pod: KubeObject): void {
    const key = keyOf(pod);
    this.remove(key);
    const node = podNodeName(pod);
    if (!node || !isPodActive(pod)) return;
    this.placed.set(key, { node, pod });
    addUsage(this.byNode, node, pod);
  }

  private remove(key: string): void {
    const was = this.placed.get(key);
    if (!was) return;
    this.placed.delete(key);
    const u = this.byNode.get(was.node)!;
    const r = podRequests(was.pod);
    if (u.pods <= 1) this.byNode.delete(was.node);
    else this.byNode.set(was.node, { cpu: u.cpu - r.cpu, memory: u.memory - r.memory, pods: u.pods - 1 });
  }
}

const keyOf = (p: KubeObject) => `${p.metadata.namespace ?? ""}/${p.metadata.name ?? ""}`;
