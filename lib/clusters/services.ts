import type { PrismaClient } from "@prisma/client";
import type { ObjectClient } from "../kube/client";
import { realClock, type Clock } from "../controllers/runtime/clock";
import { MetricRecorder } from "../controllers/cluster-status/metric-recorder";
import type { SecretBox } from "../server/secret-box";
import { appendMetricSamples, pruneMetricSamples } from "../store/app/metric-samples";
import { memoryCredentialStore, prismaCredentialStore, type ClusterCredentialStore } from "./credential-store";
import { MemberRegistry } from "./member-registry";

/**
 * What the clusters area shares between its REST routes and its controllers, one per control
 * plane: the in-process client, the sealed credential store, the member client registry
 * (other controllers call `members.get(clusterName)`), and the health-history recorder.
 */
export interface ClusterServices {
  client: ObjectClient;
  store: ClusterCredentialStore;
  members: MemberRegistry;
  prisma?: PrismaClient;
  metrics?: MetricRecorder;
  /** Names with a REST registration in flight (two at once for one name would trample credentials). */
  registering: Set<string>;
  close(): Promise<void>;
}

export interface CreateClusterServicesOptions {
  client: ObjectClient;
  /** The control plane's database; without one credentials stay in memory (tests). */
  prisma?: PrismaClient;
  secretBox: SecretBox;
  clock?: Clock;
  /** Member request deadline (ms). Default 10 s. */
  memberTimeoutMs?: number;
}

export function createClusterServices(opts: CreateClusterServicesOptions): ClusterServices {
  const clock = opts.clock ?? realClock;
  const store = opts.prisma ? prismaCredentialStore(opts.prisma, opts.secretBox) : memoryCredentialStore(opts.secretBox);
  const members = new MemberRegistry({ client: opts.client, store, clock, timeoutMs: opts.memberTimeoutMs });
  const prisma = opts.prisma;
  const metrics = prisma ? new MetricRecorder({ clock, append: (s) => appendMetricSamples(prisma, s), prune: (before) => pruneMetricSamples(prisma, before) }) : undefined;
  return {
    client: opts.client,
    store,
    members,
    prisma,
    metrics,
    registering: new Set(),
    async close() {
      await metrics?.flush();
      await members.close();
    },
  };
}

const KEY = "clusters";

/**
 * The ClusterServices kept in the control plane handle's `services` bag, created on first use
 * from its `client`, `db` and `secretBox`. REST routes and the controller wiring both call
 * this, so they share one member registry.
 */
export function clusterServicesOf(services: Record<string, unknown>): ClusterServices {
  const existing = services[KEY] as ClusterServices | undefined;
  if (existing) return existing;
  const client = services.client as ObjectClient | undefined;
  const secretBox = services.secretBox as SecretBox | undefined;
  if (!client || !secretBox) throw new Error("control plane services lack client or secretBox");
  const db = services.db as { prisma?: PrismaClient } | undefined;
  const created = createClusterServices({ client, secretBox, prisma: db?.prisma });
  services[KEY] = created;
  return created;
}
