import type { KubeConfig } from "@kubernetes/client-node";

interface Closable {
  close?(): Promise<void>;
  destroy?(): Promise<void>;
}

/**
 * client-node 2.x builds a new undici Agent (a new connection pool) for every request it
 * authenticates. With 100 members polled every few seconds that leaks sockets by the thousand,
 * so this memoizes the first dispatcher it builds for this KubeConfig: every later request,
 * including watches, reuses one keep-alive pool. The agent is client-node's own (its bundled
 * undici), built from the kubeconfig's CA, client certificate and proxy settings.
 * Returns `close` to release the pool.
 */
export function shareDispatcher(kc: KubeConfig): { close: () => Promise<void> } {
  const target = kc as unknown as { createDispatcher: (cluster: unknown, agentOptions: unknown) => Closable | undefined };
  const original = target.createDispatcher.bind(kc);
  let shared: Closable | undefined;
  let built = false;
  let closed = false;
  target.createDispatcher = (cluster, agentOptions) => {
    if (closed) throw new Error("member client is closed");
    if (!built) {
      shared = original(cluster, agentOptions);
      built = true;
    }
    return shared;
  };
  return {
    close: async () => {
      closed = true;
      await shared?.close?.().catch(() => shared?.destroy?.());
    },
  };
}
