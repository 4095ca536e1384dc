import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";

type Dict = Record<string, unknown>;

/**
 * ClusterIP and NodePort allocation for one sandbox (kube-apiserver's service registry does
 * this at create time, so `kubectl get svc` shows an IP at once). Addresses come from
 * 10.96.0.0/16 in order; 10.96.0.1 is the `kubernetes` Service's.
 */
export class ServiceIpAllocator {
  private next = 10;
  private nextPort = 30000;

  /** Moves the counters past addresses already in use (after a restart). */
  observe(svc: KubeObject): void {
    const spec = (svc.spec ?? {}) as Dict;
    const ip = typeof spec.clusterIP === "string" ? spec.clusterIP : "";
    const m = /^10\.96\.(\d+)\.(\d+)$/.exec(ip);
    if (m) this.next = Math.max(this.next, Number(m[1]) * 256 + Number(m[2]) + 1);
    for (const p of (spec.ports as Dict[] | undefined) ?? []) if (typeof p.nodePort === "number") this.nextPort = Math.max(this.nextPort, p.nodePort + 1);
  }

  /** Fills spec.clusterIP(s) and, for NodePort/LoadBalancer, missing nodePorts. */
  assign(svc: KubeObject): void {
    const spec = (svc.spec ?? {}) as Dict;
    if (spec.type === "ExternalName") return;
    if (spec.clusterIP === "None") spec.clusterIPs = ["None"];
    else if (!spec.clusterIP) {
      const n = this.next++;
      spec.clusterIP = `10.96.${Math.floor(n / 256) % 256}.${n % 256}`;
      spec.clusterIPs = [spec.clusterIP];
    } else if (!spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
    if (spec.type !== "NodePort" && spec.type !== "LoadBalancer") return;
    if (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === false) return;
    for (const p of (spec.ports as Dict[] | undefined) ?? []) if (p.nodePort === undefined) p.nodePort = this.takePort();
  }

  private takePort(): number {
    // The default NodePort range is 30000-32767; wrap around rather than run out.
    if (this.nextPort > 32767) this.nextPort = 30000;
    return this.nextPort++;
  }

  /** The Service descriptor with allocation added to its defaulting step. */
  wrap(d: ResourceDescriptor): ResourceDescriptor {
    const base = d.applyDefaults;
    return {
      ...d,
      applyDefaults: (obj) => {
        base?.(obj);
        this.assign(obj);
      },
    };
  }
}
