/** Member-cluster access (server-only): kubeconfig clients, health, discovery and summaries. */
export { createMemberClient, type MemberClient, type MemberClientOptions, type VersionInfo } from "./member-client";
export { probeHealth, MESSAGE_NOT_REACHABLE, MESSAGE_NOT_READY, MESSAGE_READY, type HealthProbe } from "./health";
export { discoverAPIEnablements, toAPIEnablements, type APIResourceList, type DiscoveryResult } from "./discovery";
export { allocatableModelings, nodeSummary, resourceSummary, type NodeLike, type PodLike } from "./summaries";
export { formatGo, isScalarResourceName, ResourceAmounts, sumResourceLists, type PodSpecLike } from "./resource-amounts";
