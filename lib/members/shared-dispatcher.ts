import tls from "node:tls";
import type { KubeConfig } from "@kubernetes/client-node";
import { Agent } from "undici";

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
  const target = kc as unknown as {
    createDispatcher: (cluster: unknown, agentOptions: unknown) => Closable | undefined;
    createDispatcherOptions: (cluster: unknown, agentOptions: unknown) => DispatcherOptions;
  };
  const original = target.createDispatcher.bind(kc);
  const originalOptions = target.createDispatcherOptions.bind(kc);
  target.createDispatcherOptions = (cluster, agentOptions) => withSharedSecureContext(originalOptions(cluster, agentOptions));
  let shared: Closable | undefined;
  let built = false;
  let closed = false;
  target.createDispatcher = (cluster, agentOptions) => {
    if (closed) throw new Error("member client is closed");
    if (!built) {
      const opts = target.createDispatcherOptions(cluster, agentOptions);
      shared = opts.type === "agent" ? new Agent({ connect: opts.connect, keepAliveTimeout: MEMBER_KEEP_ALIVE_MS }) : original(cluster, agentOptions);
      built = true;
    }
    return shared;
  };
  return {
    close: async () => {
      closed = true;
      if (!shared) return;
      // close() waits for requests in flight, and a watch never ends by itself: give them a
      // moment, then cut what is left (a caller closing the client is done with it).
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((r) => (timer = setTimeout(r, CLOSE_GRACE_MS)));
      await Promise.race([shared.close?.().catch(() => {}), grace]);
      clearTimeout(timer);
      await shared.destroy?.().catch(() => {});
    },
  };
}

/**
 * How long an idle connection to a member is kept. undici's default (4 s) is shorter than the
 * status probe's period (10 s), so every probe of every member paid a new TLS handshake: at 100
 * members that was the plane's largest CPU item after GC. client-go keeps idle connections 90 s;
 * 30 s stays under the idle timeouts of common load balancers and of our sandboxes (65 s).
 */
export const MEMBER_KEEP_ALIVE_MS = 30_000;

/** How long closing a member client lets requests in flight finish before it cuts them. */
const CLOSE_GRACE_MS = 1000;

interface DispatcherOptions {
  type: string;
  connect?: tls.ConnectionOptions & Record<string, unknown>;
}

/**
 * undici hands its connect options to tls.connect for every new connection, and tls.connect
 * builds a SecureContext from them each time (parsing the CA and key again): ~1 ms of CPU per
 * connection, and one live context per connection. One context per member serves them all.
 */
export function withSharedSecureContext(opts: DispatcherOptions): DispatcherOptions {
  const c = opts.connect;
  if (opts.type !== "agent" || !c || c.secureContext) return opts;
  const secureContext = tls.createSecureContext({ ca: c.ca, cert: c.cert, key: c.key, pfx: c.pfx, passphrase: c.passphrase });
  return { ...opts, connect: { ...c, secureContext } };
}
