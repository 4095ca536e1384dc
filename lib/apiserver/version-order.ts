/**
 * Kubernetes' version priority (apimachinery version.CompareKubeAwareVersionStrings):
 * GA before beta before alpha before anything else; higher major, then higher minor first.
 */
const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

function rank(v: string): [number, number, number, string] {
  const m = KUBE_VERSION.exec(v);
  if (!m) return [0, 0, 0, v];
  const stability = m[2] === undefined ? 3 : m[2] === "beta" ? 2 : 1;
  return [stability, Number(m[1]), Number(m[3] ?? 0), v];
}

/** Negative when `a` is preferred over `b`. */
export function compareKubeVersions(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return (rb[i] as number) - (ra[i] as number);
  return ra[3] < rb[3] ? -1 : ra[3] > rb[3] ? 1 : 0;
}

export function sortVersions(versions: Iterable<string>): string[] {
  return [...new Set(versions)].sort(compareKubeVersions);
}
