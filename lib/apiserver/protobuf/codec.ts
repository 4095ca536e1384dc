import { ApiError, errors, statusFailure } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { readEnvelope, writeEnvelope, type ProtobufEnvelope } from "./envelope";
import { jsonToMessage } from "./from-json";
import { kindType, PROTOBUF_KINDS } from "./root";
import { messageToJson } from "./to-json";
import { findUnknownField } from "./unknown-fields";

/** Media type of Kubernetes protobuf bodies, as client-go sends it. */
export const PROTOBUF_CONTENT_TYPE = "application/vnd.kubernetes.protobuf";

/** True for `application/vnd.kubernetes.protobuf` with or without parameters. */
export function isProtobufContentType(contentType: string | null | undefined): boolean {
  return (contentType ?? "").split(";")[0].trim().toLowerCase() === PROTOBUF_CONTENT_TYPE;
}

/**
 * Decodes a protobuf request body (what `kubectl create <kind>` posts since client-go 1.32)
 * into the JSON object the JSON API would have received, with apiVersion and kind from the
 * envelope. Throws ApiError 400 BadRequest for malformed bytes and 415 UnsupportedMediaType
 * for kinds, or fields within a kind, the decoder has no schema for (the client should send
 * JSON instead): a body is never accepted with data silently dropped.
 */
export function decodeProtobufObject(body: Uint8Array): KubeObject {
  const env = envelopeOf(body);
  if (env.contentEncoding) throw unsupported(`protobuf content encoding "${env.contentEncoding}" is not supported`);
  if (env.contentType && env.contentType !== PROTOBUF_CONTENT_TYPE) {
    if (env.contentType.startsWith("application/json")) return withType(env, parseRawJson(env.raw));
    throw unsupported(`protobuf envelope content type "${env.contentType}" is not supported`);
  }
  const type = kindType(env.apiVersion, env.kind);
  if (!type) {
    const known = Object.keys(PROTOBUF_KINDS).join(", ");
    throw unsupported(`protobuf is not supported for ${env.apiVersion}, Kind=${env.kind}; send application/json (protobuf is accepted for ${known})`);
  }
  let msg: Record<string, unknown>;
  let unknown: string | undefined;
  try {
    msg = type.decode(env.raw) as unknown as Record<string, unknown>;
    unknown = findUnknownField(type, env.raw);
  } catch (err) {
    throw errors.badRequest(`unable to decode ${env.kind} from protobuf: ${(err as Error).message}`);
  }
  // Dropping a field we have no schema for would store the object with data missing.
  if (unknown) throw unsupported(`protobuf decoding of ${env.kind} does not support ${unknown}; send application/json`);
  return withType(env, messageToJson(type, msg));
}

/**
 * Encodes a JSON object of a supported kind as a protobuf body (magic + envelope). Meant for
 * tests and tools: the server answers JSON. Fields outside the schema subset are dropped.
 */
export function encodeProtobufObject(obj: KubeObject): Uint8Array {
  const type = kindType(obj.apiVersion, obj.kind);
  if (!type) throw unsupported(`protobuf is not supported for ${obj.apiVersion}, Kind=${obj.kind}`);
  const raw = type.encode(type.fromObject(jsonToMessage(type, obj))).finish();
  return writeEnvelope({ apiVersion: obj.apiVersion, kind: obj.kind, raw });
}

function envelopeOf(body: Uint8Array): ProtobufEnvelope {
  try {
    const env = readEnvelope(body);
    if (!env.apiVersion || !env.kind) throw new Error("the envelope names no apiVersion/kind");
    return env;
  } catch (err) {
    throw errors.badRequest(`the body is not a valid Kubernetes protobuf object: ${(err as Error).message}`);
  }
}

function parseRawJson(raw: Uint8Array): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(raw));
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw errors.badRequest("the protobuf envelope carries JSON that is not an object");
}

function withType(env: ProtobufEnvelope, body: Record<string, unknown>): KubeObject {
  const { apiVersion: _a, kind: _k, metadata, ...rest } = body;
  return { apiVersion: env.apiVersion, kind: env.kind, metadata: (metadata ?? {}) as KubeObject["metadata"], ...rest };
}

function unsupported(message: string): ApiError {
  return new ApiError(statusFailure(415, "UnsupportedMediaType", message));
}
