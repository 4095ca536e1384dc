import type { ResourceRegistry } from "../kube/resources/registry";
import type { Storage } from "./storage";

/** Who made a request, as the authenticator resolved it. */
export interface UserInfo {
  username: string;
  uid?: string;
  groups?: string[];
}

/**
 * What a resource request asks to do, as kube-apiserver's authorizer sees it (verb from the
 * method: get/list/watch/create/update/patch/delete/deletecollection).
 */
export interface RequestAttributes {
  verb: string;
  apiGroup: string;
  apiVersion: string;
  /** Plural, e.g. "works". */
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/**
 * Decides whether `user` may do `attrs`: true allows; false (or a string, used as the reason)
 * answers 403 Forbidden. Only resource requests are authorized; discovery, OpenAPI, /version
 * and health stay open to every authenticated user, as kube's default RBAC allows.
 */
export type Authorizer = (user: UserInfo, attrs: RequestAttributes) => boolean | string | Promise<boolean | string>;

/** What `/version` answers. kubectl's dispatcher picks its binary from `minor`, and `gitVersion` must be semver. */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit?: string;
  gitTreeState?: string;
  buildDate?: string;
  goVersion?: string;
  compiler?: string;
  platform?: string;
}

/** Injected time source, so tests can pin ages and timestamps. */
export type Clock = () => Date;

export interface ApiServerOptions {
  storage: Storage;
  registry: ResourceRegistry;
  /** Defaults to {major:"1", minor:"32", gitVersion:"v1.32.4"} (see kube-api-surface.md §0). */
  version?: Partial<VersionInfo>;
  /** Resolves the caller; `null` answers 401. Omitted = every request is anonymous and allowed. */
  authenticate?: (req: Request) => Promise<UserInfo | null>;
  /** Called after authentication for every resource request; omitted = everything allowed. */
  authorize?: Authorizer;
  clock?: Clock;
  /** A path prefix to strip before routing, e.g. "/k8s" when mounted inside the console. */
  pathPrefix?: string;
  /** Namespaces created on first use; defaults to ["default", "kube-system"]. */
  bootstrapNamespaces?: string[];
}

export const DEFAULT_VERSION: VersionInfo = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.4",
  gitCommit: "0000000000000000000000000000000000000000",
  gitTreeState: "clean",
  buildDate: "2025-01-01T00:00:00Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
};
