import { KubernetesObjectApi, type KubeConfig } from "@kubernetes/client-node";
import { apiErrorFromResponse, parseJson } from "./failures";

/** A raw HTTP answer from a member, before any interpretation. */
export interface RawResponse {
  code: number;
  text: string;
  headers: Record<string, string>;
}

export interface RawRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** Accept header; default JSON. */
  accept?: string;
  signal?: AbortSignal;
}

/** Marks requests whose response is returned raw instead of parsed or thrown. */
const RAW = "__flotilla_raw__";

type Ctx = ReturnType<KubernetesObjectApi["configuration"]["baseServer"]["makeRequestContext"]>;
type Method = Parameters<KubernetesObjectApi["configuration"]["baseServer"]["makeRequestContext"]>[1];

/**
 * KubernetesObjectApi with its serializer taken out. Upstream deserializes answers into model
 * classes (dates become Date objects, unknown fields vanish), which would corrupt generic
 * KubeObjects, so this subclass keeps its kubeconfig authentication, dispatcher, middleware and
 * legacy-discovery path resolution, and moves JSON through untouched. Non-2xx answers become
 * ApiErrors carrying the member's Status.
 */
export class RawObjectApi extends KubernetesObjectApi {
  static fromKubeConfig(kc: KubeConfig): RawObjectApi {
    const api = kc.makeApiClient(KubernetesObjectApi) as unknown as { configuration: ConstructorParameters<typeof KubernetesObjectApi>[0] };
    return new RawObjectApi(api.configuration);
  }

  /**
   * The collection or object path of a kind, resolved through the member's discovery
   * (e.g. /apis/apps/v1/namespaces/ns/deployments/web). Unknown kinds reject with a plain Error.
   */
  async resourcePath(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string> {
    const spec = { apiVersion, kind, metadata: { namespace, name } };
    return this.specUriPath(spec, name === undefined ? "list" : "read");
  }

  /** Whether the member serves this kind (from its cached legacy discovery). */
  async served(apiVersion: string, kind: string): Promise<{ name: string; namespaced: boolean } | undefined> {
    const r = await this.resource(apiVersion, kind);
    return r ? { name: r.name, namespaced: r.namespaced } : undefined;
  }

  /** Sends a request and returns the answer whatever its code; network failures reject. */
  async raw(req: RawRequest): Promise<RawResponse> {
    const ctx = this.context(req);
    return this.requestPromise(ctx, RAW) as unknown as Promise<RawResponse>;
  }

  /** Sends a request and returns the parsed JSON body; non-2xx rejects with ApiError. */
  async json<T>(req: RawRequest): Promise<T> {
    const res = await this.raw(req);
    if (res.code < 200 || res.code > 299) throw apiErrorFromResponse(res.code, res.text);
    return parseJson(res.text) as T;
  }

  private context(req: RawRequest): Ctx {
    const ctx = this.configuration.baseServer.makeRequestContext(req.path, req.method as unknown as Method);
    ctx.setHeaderParam("Accept", req.accept ?? "application/json, */*;q=0.8");
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) ctx.setQueryParam(k, String(v));
    if (req.body !== undefined) {
      ctx.setHeaderParam("Content-Type", req.contentType ?? "application/json");
      ctx.setBody(JSON.stringify(req.body));
    }
    if (req.signal) ctx.setSignal(req.signal);
    return ctx;
  }

  /** Replaces upstream deserialization: raw for our own calls, plain JSON for its discovery. */
  protected override async processResponse<T>(response: Parameters<KubernetesObjectApi["processResponse"]>[0], type?: string): Promise<T> {
    const text = await response.body.text();
    if (type === RAW) return { code: response.httpStatusCode, text, headers: response.headers } as unknown as T;
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) throw apiErrorFromResponse(response.httpStatusCode, text);
    return parseJson(text) as T;
  }
}
