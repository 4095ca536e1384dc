import type { KubeHttp } from "./kube-http";
import { summarize } from "./stats";

/** Latency figures of one probe run (ms). */
export interface ProbeFigures {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

/**
 * Measures how long the control plane takes to answer a cheap request (GET of one Namespace)
 * while it works: one request at a time, `everyMs` apart. An event loop starved by controller
 * work shows here as seconds instead of milliseconds. `stop()` ends it and returns the figures.
 */
export function probeApiLatency(kube: KubeHttp, everyMs = 250): { stop(): Promise<ProbeFigures> } {
  const samples: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      try {
        await kube.request("GET", "/api/v1/namespaces/default");
        samples.push(performance.now() - t0);
      } catch {
        // A plane that is going down: the kill is measured elsewhere.
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return summarize(samples);
    },
  };
}
