/**
 * FNV-1a 32-bit over the UTF-8 bytes of a string (Go's `hash/fnv` New32a). Karmada uses its
 * parity, computed on the template UID, to pick the Webster tie-break direction.
 */
export function fnv1a32(input: string): number {
  let hash = 0x811c9dc5;
  const bytes = new TextEncoder().encode(input);
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
