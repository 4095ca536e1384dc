/**
 * RFC 6901 JSON Pointers: "" is the whole document, "/a/b" walks keys, "~1" is "/" and "~0" is "~".
 */

/** Splits a pointer into unescaped reference tokens; null when it is not a valid pointer. */
export function parseJsonPointer(pointer: string): string[] | null {
  if (pointer === "") return [];
  if (pointer[0] !== "/") return null;
  const parts = pointer.slice(1).split("/");
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    // Order matters: "~01" must decode to "~1", not "/".
    if (p.includes("~")) parts[i] = p.replace(/~1/g, "/").replace(/~0/g, "~");
  }
  return parts;
}

/** Escapes one reference token ("a/b" → "a~1b"). */
export function escapeJsonPointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds a pointer from raw tokens. */
export function formatJsonPointer(tokens: readonly string[]): string {
  let out = "";
  for (const t of tokens) out += "/" + escapeJsonPointerToken(t);
  return out;
}
