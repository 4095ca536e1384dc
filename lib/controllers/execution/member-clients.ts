import type { ObjectClient } from "../../kube/client";

/**
 * Where the propagation controllers get a client for a member cluster (lib/clusters' registry
 * once it lands: `members.get(cluster)`). Undefined means "no credentials (yet)": the caller
 * retries with backoff.
 */
export interface MemberClients {
  get(cluster: string): ObjectClient | undefined | Promise<ObjectClient | undefined>;
  /**
   * Tells `fn` when a cluster's client was replaced (new credentials or endpoint; the old one is
   * closed soon after) or dropped (`removed`: cluster unregistered). Returns the unsubscribe.
   */
  onChange?(fn: (cluster: string, removed: boolean) => void): () => void;
}

/** A fixed map of clients (tests, sandboxes). */
export function staticMemberClients(clients: Record<string, ObjectClient> | Map<string, ObjectClient>): MemberClients {
  const map = clients instanceof Map ? clients : new Map(Object.entries(clients));
  return { get: (c) => map.get(c) };
}
