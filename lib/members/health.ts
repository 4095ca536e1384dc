import { describe } from "./failures";
import type { RawResponse } from "./raw-object-api";

/** A member's health as Karmada's cluster status controller classifies it. */
export interface HealthProbe {
  /** The API server answered with a success code. */
  online: boolean;
  /** It answered exactly 200. */
  healthy: boolean;
  /** Karmada's Ready condition message for this outcome, verbatim. */
  message: string;
  /** What actually happened (error cause or HTTP code), for logs and events. */
  detail: string;
}

export const MESSAGE_READY = "cluster is healthy and ready to accept workloads";
export const MESSAGE_NOT_READY = "cluster is reachable but health endpoint responded without ok";
export const MESSAGE_NOT_REACHABLE = "cluster is not reachable";

/**
 * Karmada's getClusterHealthStatus: GET /readyz, and /healthz only when /readyz answers 404.
 * A request error means offline; like client-go's REST client, an answer outside 200–206 is
 * such an error too (so a 500 or 503 is offline, ClusterNotReachable). A success that is not
 * 200 means online but unhealthy (ClusterNotReady).
 */
export async function probeHealth(get: (path: string) => Promise<RawResponse>): Promise<HealthProbe> {
  let path = "/readyz";
  let res: RawResponse;
  try {
    res = await get(path);
    if (res.code === 404) {
      path = "/healthz";
      res = await get(path);
    }
  } catch (err) {
    return { online: false, healthy: false, message: MESSAGE_NOT_REACHABLE, detail: `GET ${path}: ${describe(err)}` };
  }
  if (res.code < 200 || res.code > 206) {
    return { online: false, healthy: false, message: MESSAGE_NOT_REACHABLE, detail: `GET ${path}: HTTP ${res.code}${snippet(res.text)}` };
  }
  if (res.code !== 200) return { online: true, healthy: false, message: MESSAGE_NOT_READY, detail: `GET ${path}: HTTP ${res.code}` };
  return { online: true, healthy: true, message: MESSAGE_READY, detail: `GET ${path}: HTTP 200` };
}

function snippet(text: string): string {
  const t = text.trim();
  return t ? `: ${t.length > 200 ? t.slice(0, 200) + "…" : t}` : "";
}
