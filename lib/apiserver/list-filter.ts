import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { errors } from "../kube/errors";
import { matchesFields, matchesSelector, parseFieldSelector, parseLabelSelector } from "../kube/selectors";

/**
 * Turns the labelSelector/fieldSelector query strings into one predicate over objects.
 * Field labels are metadata.name and metadata.namespace for every resource plus the
 * descriptor's own; anything else is a 400 with apimachinery's message.
 */
export function buildFilter(
  d: ResourceDescriptor,
  labelSelector?: string,
  fieldSelector?: string,
): ((obj: KubeObject) => boolean) | undefined {
  const labels = parseLabelSelector(labelSelector);
  const fields = parseFieldSelector(fieldSelector);
  for (const f of fields) {
    if (f.field === "metadata.name" || f.field === "metadata.namespace") continue;
    if (!d.fieldLabels?.[f.field]) throw errors.badRequest(`field label not supported: ${f.field}`);
  }
  if (!labels.length && !fields.length) return undefined;
  return (obj) => matchesSelector(labels, obj.metadata?.labels) && matchesFields(fields, (field) => fieldValue(d, obj, field));
}

function fieldValue(d: ResourceDescriptor, obj: KubeObject, field: string): string | undefined {
  if (field === "metadata.name") return obj.metadata?.name;
  if (field === "metadata.namespace") return obj.metadata?.namespace ?? "";
  return d.fieldLabels?.[field]?.(obj);
}
