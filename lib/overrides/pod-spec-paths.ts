/**
 * Where the pod spec lives for the workload kinds Karmada's image, command and args
 * overriders understand. Other kinds are left untouched by those overriders.
 */
export function podSpecPointer(kind: string): string | undefined {
  switch (kind) {
    case "Pod":
      return "/spec";
    case "ReplicaSet":
    case "Deployment":
    case "DaemonSet":
    case "StatefulSet":
    case "Job":
      return "/spec/template/spec";
    default:
      return undefined;
  }
}
