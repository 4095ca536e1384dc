import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { Agent, request as undiciRequest } from "undici";

/** A JSON client of a control plane's kube API, read from the kubeconfig Flotilla wrote. */
export interface KubeHttp {
  server: string;
  /** One request; `json` is the parsed body (undefined when it is not JSON). */
  request(method: string, urlPath: string, body?: unknown): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Creates an object; 201, and 409 AlreadyExists when `idempotent`, are success. Throws otherwise. */
  create(urlPath: string, body: unknown, idempotent?: boolean): Promise<void>;
  /** Every item of a collection, paging with limit/continue so a large list stays bounded per call. */
  listAll<T = any>(urlPath: string, pageSize?: number): Promise<T[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * A watch stream: `onEvent` for every event line; resolves once the response headers came.
   * The returned function ends it.
   */
  watch(urlPath: string, onEvent: (ev: { type: string; object: any }) => void): Promise<() => void>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

interface Credentials {
  server: string;
  caPem: string;
  token: string;
}

function credentials(kubeconfigYaml: string): Credentials {
  const doc = parseYaml(kubeconfigYaml) as { clusters: { cluster: { server: string; "certificate-authority-data": string } }[]; users: { user: { token: string } }[] };
  const c = doc.clusters[0].cluster;
  return { server: c.server, caPem: Buffer.from(c["certificate-authority-data"], "base64").toString("utf8"), token: doc.users[0].user.token };
}

/**
 * One keep-alive pool of `connections` sockets to the kube API (undici). Bench clients live in
 * the bench process, never in the control plane's, so they do not skew its latency or memory.
 */
export async function kubeHttp(kubeconfigPath: string, connections = 16): Promise<KubeHttp> {
  const creds = credentials(await readFile(kubeconfigPath, "utf8"));
  // A loaded control plane can take seconds to accept: measure that, do not fail on it.
  const connect = { ca: creds.caPem, timeout: 120_000 };
  const agent = new Agent({ connect, connections, keepAliveTimeout: 60_000, headersTimeout: 300_000, bodyTimeout: 300_000 });
  const watchAgent = new Agent({ connect, bodyTimeout: 0, headersTimeout: 0 });
  const auth = { authorization: `Bearer ${creds.token}`, accept: "application/json" };
  const request: KubeHttp["request"] = async (method, urlPath, body) => {
    const res = await undiciRequest(creds.server + urlPath, {
      method: method as "GET",
      headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: agent,
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json };
  };
  return {
    server: creds.server,
    request,
    async create(urlPath, body, idempotent = false) {
      const r = await request("POST", urlPath, body);
      if (r.status === 201 || r.status === 200 || (idempotent && r.status === 409)) return;
      throw new Error(`POST ${urlPath}: ${r.status} ${r.json?.message ?? ""}`);
    },
    async listAll(urlPath, pageSize = 1000) {
      const out: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
      let cont = "";
      const sep = urlPath.includes("?") ? "&" : "?";
      do {
        const r = await request("GET", `${urlPath}${sep}limit=${pageSize}${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`);
        if (r.status !== 200) throw new Error(`GET ${urlPath}: ${r.status} ${r.json?.message ?? ""}`);
        out.push(...(r.json.items ?? []));
        cont = r.json.metadata?.continue ?? "";
      } while (cont);
      return out;
    },
    async watch(urlPath, onEvent) {
      const ac = new AbortController();
      const sep = urlPath.includes("?") ? "&" : "?";
      const res = await undiciRequest(`${creds.server}${urlPath}${sep}watch=1`, { headers: auth, dispatcher: watchAgent, signal: ac.signal });
      if (res.statusCode !== 200) throw new Error(`watch ${urlPath}: ${res.statusCode}`);
      void (async () => {
        let buf = "";
        for await (const chunk of res.body) {
          buf += chunk.toString();
          let nl: number;
          while ((nl = buf.indexOf("\n")) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (line.trim()) onEvent(JSON.parse(line) as { type: string; object: unknown });
          }
        }
      })().catch(() => undefined);
      return () => ac.abort();
    },
    async close() {
      await agent.close();
      await watchAgent.destroy();
    },
  };
}
