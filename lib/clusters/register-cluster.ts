import { ApiError } from "../kube/errors";
import { CLUSTER_API_VERSION, LABEL_SANDBOX, type Cluster } from "../kube/karmada";
import type { MemberClient, MemberClientOptions } from "../members/member-client";
import { checkMemberConnectivity } from "./check-connectivity";
import { memberKubeconfig, normalizeEndpoint } from "./credentials";
import type { ClusterServices } from "./services";
import { validateRegistration, type ValidRegistration } from "./registration-input";

export interface RegisterOptions {
  /** Deadline of each connectivity request. Default 10 s. */
  timeoutMs?: number;
  /** Injectable member client factory (tests). */
  createClient?: (o: MemberClientOptions) => MemberClient;
}

/**
 * Registers a Push member cluster (POST /api/v1/clusters), all or nothing:
 * 1. validate the body (422 with field causes) and dry-run create the Cluster (the API
 *    server's own validation; 409 AlreadyExists);
 * 2. check connectivity with the given credentials (version + discovery);
 * 3. store the credentials sealed, then create the Cluster (label flotilla.io/sandbox=true
 *    when asked); if the create fails the credentials are removed again.
 * Returns the created Cluster; its status comes from the cluster status controller.
 */
export async function registerCluster(services: Pick<ClusterServices, "client" | "store" | "members" | "registering">, body: unknown, opts: RegisterOptions = {}): Promise<Cluster> {
  const reg = validateRegistration(body);
  const name = reg.input.name;
  const inflight = services.registering;
  if (inflight.has(name)) throw new ApiError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code: 409, reason: "Conflict", message: `cluster ${name} is being registered by another request` });
  inflight.add(name);
  try {
    const cluster = clusterObject(reg);
    await services.client.create(cluster, { dryRun: true });
    await checkMemberConnectivity(
      {
        name,
        server: reg.server,
        credentialField: reg.credential.kind === "kubeconfig" ? "kubeconfig" : "token",
        client: { kubeconfig: kubeconfigOf(reg), context: reg.credential.kind === "kubeconfig" ? reg.credential.context : undefined, timeoutMs: opts.timeoutMs ?? 10_000 },
      },
      opts.createClient,
    );
    await services.store.put(name, reg.credential);
    try {
      const created = await services.client.create(cluster);
      services.members.invalidate(name);
      return created;
    } catch (err) {
      // Someone created the Cluster between the dry run and now: their credentials are not ours to drop.
      if (!ApiError.is(err, "AlreadyExists")) await services.store.delete(name).catch(() => {});
      throw err;
    }
  } finally {
    inflight.delete(name);
  }
}

/** The Cluster a registration creates: Push, endpoint from the credentials, placement facts from the body. */
export function clusterObject(reg: ValidRegistration): Cluster {
  const { input } = reg;
  const labels: Record<string, string> = { ...(input.labels ?? {}) };
  if (input.sandbox) labels[LABEL_SANDBOX] = "true";
  const spec: Cluster["spec"] = { syncMode: "Push", apiEndpoint: normalizeEndpoint(reg.server) };
  if (reg.insecure) spec.insecureSkipTLSVerification = true;
  if (input.provider) spec.provider = input.provider;
  if (input.region) spec.region = input.region;
  if (input.zones?.length) spec.zones = input.zones;
  else if (input.zone) spec.zone = input.zone;
  if (input.taints?.length) spec.taints = input.taints;
  const metadata: Cluster["metadata"] = { name: input.name };
  if (Object.keys(labels).length) metadata.labels = labels;
  return { apiVersion: CLUSTER_API_VERSION, kind: "Cluster", metadata, spec };
}

function kubeconfigOf(reg: ValidRegistration): string {
  if (reg.credential.kind === "kubeconfig") return reg.credential.kubeconfig;
  // Same builder the registry uses later, so the check proves exactly what will be used.
  return tokenKubeconfig(reg);
}

function tokenKubeconfig(reg: ValidRegistration): string {
  const c = reg.credential as Extract<ValidRegistration["credential"], { kind: "token" }>;
  return memberKubeconfig({ name: reg.input.name, server: normalizeEndpoint(c.apiEndpoint), token: c.token, caData: c.caData, insecure: c.insecureSkipTLSVerification });
}
