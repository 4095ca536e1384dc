import type { PrismaClient } from "@prisma/client";
import type { SecretBox } from "../server/secret-box";

/**
 * How Flotilla reaches a Push member it registered itself (REST registration): either a whole
 * kubeconfig (and the context to use) or an endpoint with a bearer token and CA.
 */
export type MemberCredential =
  | { kind: "kubeconfig"; kubeconfig: string; context?: string }
  | { kind: "token"; apiEndpoint: string; token: string; caData?: string; insecureSkipTLSVerification?: boolean };

/**
 * Credentials at rest, keyed by cluster name. Implementations seal what they store; nothing
 * read from here may ever be returned by an API or written to a log.
 */
export interface ClusterCredentialStore {
  get(clusterName: string): Promise<MemberCredential | undefined>;
  /** Creates or replaces the cluster's credential. */
  put(clusterName: string, credential: MemberCredential): Promise<void>;
  /** Removes it; true when one existed. */
  delete(clusterName: string): Promise<boolean>;
  /** Change marker (updatedAt millis) without decrypting, undefined when absent. */
  version(clusterName: string): Promise<number | undefined>;
}

/** The ClusterCredential table, payloads sealed with AES-256-GCM (SecretBox). */
export function prismaCredentialStore(prisma: PrismaClient, box: SecretBox): ClusterCredentialStore {
  return {
    async get(clusterName) {
      const row = await prisma.clusterCredential.findUnique({ where: { clusterName } });
      return row ? (JSON.parse(box.open(row.sealed)) as MemberCredential) : undefined;
    },
    async put(clusterName, credential) {
      const sealed = box.seal(JSON.stringify(credential));
      await prisma.clusterCredential.upsert({
        where: { clusterName },
        create: { clusterName, kind: credential.kind, sealed },
        update: { kind: credential.kind, sealed },
      });
    },
    async delete(clusterName) {
      return (await prisma.clusterCredential.deleteMany({ where: { clusterName } })).count > 0;
    },
    async version(clusterName) {
      const row = await prisma.clusterCredential.findUnique({ where: { clusterName }, select: { updatedAt: true } });
      return row?.updatedAt.getTime();
    },
  };
}

/**
 * An in-memory store for unit tests and sandbox-only setups. It still seals when given a box,
 * so tests can check that nothing in plaintext is kept.
 */
export function memoryCredentialStore(box?: SecretBox): ClusterCredentialStore & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  const versions = new Map<string, number>();
  let tick = 0;
  return {
    raw,
    async get(name) {
      const s = raw.get(name);
      if (s === undefined) return undefined;
      return JSON.parse(box ? box.open(s) : s) as MemberCredential;
    },
    async put(name, credential) {
      const json = JSON.stringify(credential);
      raw.set(name, box ? box.seal(json) : json);
      versions.set(name, ++tick);
    },
    async delete(name) {
      versions.delete(name);
      return raw.delete(name);
    },
    async version(name) {
      return versions.get(name);
    },
  };
}
