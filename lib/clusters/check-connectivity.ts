import { ApiError, causes, errors, statusFailure } from "../kube/errors";
import { createMemberClient, type MemberClient, type MemberClientOptions, type VersionInfo } from "../members/member-client";
import type { APIEnablement } from "../kube/karmada";

/** What a successful check learned about the member. */
export interface ConnectivityResult {
  version: VersionInfo;
  apiEnablements: APIEnablement[];
}

/**
 * Proves that Flotilla can use the member before anything is written: GET /version, then
 * discovery, with the credentials being registered. Failures are answered so a person can act:
 * - the member refused the credentials (401/403) → 422 Invalid on `credentialField`;
 * - it could not be reached (refused, DNS, TLS, timeout) → 503 ServiceUnavailable with the cause;
 * - it answered but not as a Kubernetes API server → 502 BadGateway.
 */
export async function checkMemberConnectivity(
  opts: { name: string; server: string; credentialField: string; client: MemberClientOptions },
  create: (o: MemberClientOptions) => MemberClient = createMemberClient,
): Promise<ConnectivityResult> {
  let member: MemberClient;
  try {
    member = create(opts.client);
  } catch (err) {
    throw errors.invalid("Cluster", opts.name, [causes.invalid(opts.credentialField, "(credentials)", (err as Error).message)], "cluster.karmada.io");
  }
  try {
    const version = await member.version();
    if (typeof version?.gitVersion !== "string") throw new ApiError(statusFailure(502, "BadGateway", `the member cluster at ${opts.server} did not answer /version as a Kubernetes API server`));
    const apiEnablements = await member.discovery();
    return { version, apiEnablements };
  } catch (err) {
    throw explain(err, opts);
  } finally {
    await member.close().catch(() => {});
  }
}

function explain(err: unknown, opts: { name: string; server: string; credentialField: string }): ApiError {
  if (!ApiError.is(err)) return errors.serviceUnavailable(`cannot reach the member cluster at ${opts.server}: ${(err as Error)?.message ?? String(err)}`);
  if (err.code === 401 || err.code === 403) {
    const detail = `the member cluster refused the credentials (HTTP ${err.code} ${err.reason ?? ""}${err.message ? `: ${err.message}` : ""})`.replace(/ \)/, ")");
    return errors.invalid("Cluster", opts.name, [causes.invalid(opts.credentialField, "(credentials)", detail)], "cluster.karmada.io");
  }
  if (err.code === 503 || err.code === 504) return new ApiError(statusFailure(err.code, err.reason ?? "ServiceUnavailable", `cannot reach the member cluster at ${opts.server}: ${err.message}`));
  if (err.code === 502) return err;
  return new ApiError(statusFailure(502, "BadGateway", `the member cluster at ${opts.server} answered HTTP ${err.code}: ${err.message}`));
}
