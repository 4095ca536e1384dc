/**
 * Duplicate keys in a JSON text. `JSON.parse` silently keeps the last value, while
 * kube-apiserver's strict decoder reports each one (`duplicate field "paused"`: the key alone,
 * not its path) so that fieldValidation=Strict can refuse the body and Warn can warn.
 * Expects valid JSON (call it after JSON.parse succeeded); returns keys in document order.
 */
export function duplicateJsonKeys(text: string): string[] {
  const out: string[] = [];
  // One entry per open container: a Set of keys for objects, null for arrays.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top && expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.has(key)) out.push(key);
        else top.add(key);
        expectKey = false;
      }
      i = end;
    } else if (ch === "{") {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === "[") {
      stack.push(null);
    } else if (ch === "}" || ch === "]") {
      stack.pop();
    } else if (ch === ",") {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return out;
}

/** Index of the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === '"') return j;
  }
  return text.length - 1;
}
