/**
 * lib/apiserver: generic Kubernetes API semantics over a Storage, framework-free
 * (web Request in, Response out). See api-server.ts for the entry point.
 */
export { createApiServer, type ApiServer } from "./api-server";
export { DEFAULT_VERSION, type ApiServerOptions, type Authorizer, type Clock, type RequestAttributes, type UserInfo, type VersionInfo } from "./options";
export type { Storage, StorageEvent, ResourceKey } from "./storage";
export { ObjectApi, type ListQuery, type WriteQuery } from "./object-api";
export { deleteObject, deleteCollection, type DeleteQuery } from "./object-delete";
export { patchObject, type PatchQuery, type PatchResult } from "./object-patch";
export { watchObjects, type WatchQuery } from "./object-watch";
export { createInProcessClient, IN_PROCESS_MANAGER } from "./in-process-client";
export { createHttpHandler, type HttpHandlerOptions } from "./http/handler";
export { toTable, ageCell } from "./table";
export { validateObjectMeta, dns1123LabelErrors, dns1123SubdomainErrors } from "./meta-validation";
export type { FieldManagement } from "./field-management";
