/**
 * FNV-1a 32-bit over the UTF-8 bytes of a string (Go's `hash/fnv` New32a). Karmada uses its
 * parity, computed on the template UID, to pick the Webster tie-break direction.
 */
export function fnv1a32(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    // UIDs are ASCII, whose UTF-8 bytes are the char codes; anything else takes the encoder.
    if (code >= 0x80) return fnvBytes(new TextEncoder().encode(input));
    hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function fnvBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash >>> 0;
}
