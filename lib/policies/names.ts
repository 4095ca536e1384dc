/**
 * Karmada's deterministic object names (pkg/util/names). Deterministic names make the
 * controllers idempotent: re-rendering a binding always targets the same Work.
 */

/** ResourceBinding / ClusterResourceBinding name: lower-case `<name>-<kind>`, with `:` turned into `.`. */
export function bindingName(kind: string, name: string): string {
  return `${name.replaceAll(":", ".")}-${kind}`.toLowerCase();
}

/**
 * Work name (GenerateWorkName): the lower-cased template name (`:` → `.`), a dash, and the
 * FNV-32a hash of `<namespace>-<name>-<kind>` (lower-cased; namespace part omitted for
 * cluster-scoped objects) rendered in decimal and mapped through Kubernetes' safe alphabet.
 * Deployment default/nginx → `nginx-687f7fb96f`, as in Karmada's documentation.
 */
export function workName(namespace: string | undefined, name: string, kind: string): string {
  const lowerName = name.replaceAll(":", ".").toLowerCase();
  const key = (namespace ? `${namespace}-${lowerName}-${kind}` : `${lowerName}-${kind}`).toLowerCase();
  return `${lowerName}-${safeEncodeString(String(fnv32a(key)))}`;
}

/** FNV-1a 32-bit hash of the UTF-8 bytes of a string. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// k8s.io/apimachinery/pkg/util/rand: no vowels (no words) and no confusable characters.
const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** Maps every character (by its byte value) onto the safe alphabet, as rand.SafeEncodeString. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const b of new TextEncoder().encode(s)) out += SAFE_ALPHABET[b % SAFE_ALPHABET.length];
  return out;
}
