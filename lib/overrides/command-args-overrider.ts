import type { KubeObject } from "../kube/types";
import type { CommandArgsOverrider } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { getAtPointer } from "./json-patch";
import { podSpecPointer } from "./pod-spec-paths";

/**
 * JSON patches for one commandOverrider or argsOverrider (Karmada's
 * `buildCommandArgsPatches`). Every container (not init container) whose name equals
 * `containerName` gets one patch: `add` of the new list when the field is absent, `replace`
 * otherwise. `add` appends the values; `remove` drops every occurrence of each value; any other
 * operator leaves the list as it is. Unsupported kinds get no patches.
 */
export function commandArgsPatches(target: "command" | "args", obj: KubeObject, overrider: CommandArgsOverrider): JsonPatchOperation[] {
  const prefix = podSpecPointer(obj.kind);
  if (!prefix) return [];
  const containers = getAtPointer(obj, `${prefix}/containers`);
  if (!Array.isArray(containers)) return [];
  const patches: JsonPatchOperation[] = [];
  containers.forEach((c, i) => {
    const container = (c ?? {}) as Record<string, unknown>;
    if (container.name !== overrider.containerName) return;
    const path = `${prefix}/containers/${i}/${target}`;
    const existing = container[target];
    if (existing === undefined || existing === null) {
      patches.push({ op: "add", path, value: overrideList([], overrider) });
      return;
    }
    const current = Array.isArray(existing) ? existing.map((v) => String(v)) : [];
    patches.push({ op: "replace", path, value: overrideList(current, overrider) });
  });
  return patches;
}

function overrideList(current: string[], overrider: CommandArgsOverrider): string[] {
  const values = overrider.value ?? [];
  switch (overrider.operator) {
    case "add":
      return [...current, ...values];
    case "remove":
      return current.filter((v) => !values.includes(v));
    default:
      return current;
  }
}
