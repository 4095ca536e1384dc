import { protoRoot, UNKNOWN_TYPE } from "./root";

/** The 4 bytes `k8s\0` that open every Kubernetes protobuf body. */
export const PROTOBUF_MAGIC: Readonly<Uint8Array> = new Uint8Array([0x6b, 0x38, 0x73, 0x00]);

/** runtime.Unknown, the envelope around the kind's own message. */
export interface ProtobufEnvelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  /** Empty for plain protobuf; anything else (e.g. gzip) is not supported. */
  contentEncoding: string;
  /** Empty (= protobuf) in practice; `application/json` would mean raw is JSON. */
  contentType: string;
}

/** True when the body starts with the magic prefix. */
export function hasProtobufMagic(body: Uint8Array): boolean {
  return body.length >= PROTOBUF_MAGIC.length && PROTOBUF_MAGIC.every((b, i) => body[i] === b);
}

/** Reads the envelope after the magic. Throws on a missing prefix or undecodable bytes. */
export function readEnvelope(body: Uint8Array): ProtobufEnvelope {
  if (!hasProtobufMagic(body)) throw new Error("missing the k8s\\0 protobuf prefix");
  const Unknown = protoRoot().lookupType(UNKNOWN_TYPE);
  const msg = Unknown.decode(body.subarray(PROTOBUF_MAGIC.length)) as unknown as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: Uint8Array;
    contentEncoding?: string;
    contentType?: string;
  };
  return {
    apiVersion: msg.typeMeta?.apiVersion ?? "",
    kind: msg.typeMeta?.kind ?? "",
    raw: msg.raw ?? new Uint8Array(0),
    contentEncoding: msg.contentEncoding ?? "",
    contentType: msg.contentType ?? "",
  };
}

/** Writes magic + envelope around an already encoded kind message. */
export function writeEnvelope(env: { apiVersion: string; kind: string; raw: Uint8Array }): Uint8Array {
  const Unknown = protoRoot().lookupType(UNKNOWN_TYPE);
  const inner = Unknown.encode(
    Unknown.fromObject({ typeMeta: { apiVersion: env.apiVersion, kind: env.kind }, raw: env.raw, contentEncoding: "", contentType: "" }),
  ).finish();
  const out = new Uint8Array(PROTOBUF_MAGIC.length + inner.length);
  out.set(PROTOBUF_MAGIC, 0);
  out.set(inner, PROTOBUF_MAGIC.length);
  return out;
}
