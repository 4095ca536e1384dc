import { ApiError, errors } from "../kube/errors";
import type { Status } from "../kube/types";
import { getControlPlane, type ControlPlaneHandle, type UserInfo } from "../server/handle";

/**
 * Wraps a REST route handler: finds the control plane, authenticates (unless `public`),
 * and maps every thrown error to a metav1.Status with the matching HTTP code. Unexpected
 * errors become an opaque 500 and are logged server-side only.
 */
export interface ApiContext<P> {
  req: Request;
  params: P;
  cp: ControlPlaneHandle;
  user: UserInfo | null;
}

export function withApi<P = Record<string, string | string[]>>(
  handler: (ctx: ApiContext<P>) => Promise<Response | unknown>,
  opts: { public?: boolean; allowAgent?: boolean } = {},
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const cp = getControlPlane();
      if (!cp) throw errors.serviceUnavailable("the control plane is starting");
      const user = await cp.auth.authenticate(req);
      if (!user && !opts.public) throw errors.unauthorized();
      // A Pull agent's credential is scoped to its own cluster's objects on the kube API; the
      // console's REST API is not for it.
      if (user?.kind === "agent" && !opts.allowAgent) throw errors.forbidden(`User "${user.username}" cannot use the console REST API`);
      const params = await route.params;
      const out = await handler({ req, params, cp, user });
      return out instanceof Response ? out : json(out ?? {}, 200);
    } catch (err) {
      // A client that hung up mid-request (a closed tab, a cancelled fetch) is not a server
      // fault: nobody reads the answer, and logging it as an unhandled error was noise.
      if (clientWentAway(req, err)) return json(errors.badRequest("the client closed the request").status, 400);
      return statusResponse(err);
    }
  };
}

/** Whether `err` is the request being aborted by its client rather than a failure here. */
export function clientWentAway(req: Request, err: unknown): boolean {
  if (req.signal?.aborted) return true;
  const e = err as { message?: string; code?: string } | undefined;
  return e?.message === "aborted" && (e.code === "ECONNRESET" || e.code === undefined);
}

export function json(body: unknown, code = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: code, headers: { "Content-Type": "application/json", ...headers } });
}

export function statusResponse(err: unknown): Response {
  if (ApiError.is(err)) return json(err.status, err.status.code);
  console.error(JSON.stringify({ level: "error", msg: "unhandled API error", error: err instanceof Error ? err.stack : String(err) }));
  const status: Status = errors.internal().status;
  return json(status, 500);
}

/** Reads a JSON body with a size limit; malformed input → 400 BadRequest. */
export async function readJson<T = unknown>(req: Request, limit = 3 * 1024 * 1024): Promise<T> {
  const text = await req.text();
  if (text.length > limit) throw errors.requestEntityTooLarge(`the request body is larger than ${limit} bytes`);
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw errors.badRequest(`the request body is not valid JSON: ${(e as Error).message}`);
  }
}
