/** lib/sandbox/host: sandboxes in a child process of their own (see sandbox-host.ts). */
export { startSandboxHost, type SandboxHost, type SandboxHostOptions } from "./sandbox-host";
export { hostGroup, startSandboxHosts, type SandboxHostGroup } from "./host-group";
export { hostedSandboxObjects, hostedClusterObject, hostedSecretObject } from "./member-objects";
export { isHostRequest, isHostResponse, type HostedSandbox, type HostRequest, type HostResponse } from "./protocol";
