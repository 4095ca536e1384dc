import protobuf from "protobufjs";

/**
 * Walks the wire bytes of `type` and returns where the first field the schema does not declare
 * sits (e.g. `Deployment.spec.template.spec: field 34`), or undefined when every field is known.
 * protobufjs skips unknown fields silently; the decoder uses this to refuse (415) a body it
 * would otherwise store with data missing. Fields marked `(skip)` are not inspected.
 */
export function findUnknownField(type: protobuf.Type, bytes: Uint8Array, path: string = type.name): string | undefined {
  const reader = protobuf.Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wireType = tag & 7;
    const field = type.fieldsById[id];
    if (!field) return `${path}: field ${id}`;
    const resolved = field.resolvedType;
    if (wireType !== 2 || field.options?.["(skip)"] || !(resolved instanceof protobuf.Type)) {
      reader.skipType(wireType);
      continue;
    }
    const sub = reader.bytes();
    const where = `${path}.${field.name}`;
    const found = field.map ? unknownInMapEntry(resolved, sub, where) : findUnknownField(resolved, sub, where);
    if (found) return found;
  }
  return undefined;
}

// A map entry is a message {1: key, 2: value}; only a message value can hide unknown fields.
function unknownInMapEntry(valueType: protobuf.Type, entry: Uint8Array, path: string): string | undefined {
  const reader = protobuf.Reader.create(entry);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 2 && (tag & 7) === 2) {
      const found = findUnknownField(valueType, reader.bytes(), `${path}[]`);
      if (found) return found;
    } else {
      reader.skipType(tag & 7);
    }
  }
  return undefined;
}
