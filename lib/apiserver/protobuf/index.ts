/** Kubernetes protobuf request bodies: see codec.ts. */
export { decodeProtobufObject, encodeProtobufObject, isProtobufContentType, PROTOBUF_CONTENT_TYPE } from "./codec";
export { PROTOBUF_KINDS } from "./root";
export { hasProtobufMagic, PROTOBUF_MAGIC } from "./envelope";
