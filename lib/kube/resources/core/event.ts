import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { builtin, col } from "../builtin";
import { dig, num, rec, str } from "../format";
import { causes } from "../../errors";

/** The LAST SEEN timestamp printers.go uses: series, then lastTimestamp, then firstTimestamp / eventTime. */
function lastSeen(o: KubeObject): string | undefined {
  const series = str(dig(o, "series", "lastObservedTime"));
  if (series) return series;
  return str(o.lastTimestamp) || firstSeen(o);
}

function firstSeen(o: KubeObject): string | undefined {
  return str(o.firstTimestamp) || str(o.eventTime) || undefined;
}

function source(o: KubeObject): string {
  const s = rec(o.source);
  const component = str(s.component) || str(o.reportingComponent);
  const host = str(s.host) || str(o.reportingInstance);
  if (!component && !host) return "";
  return host ? `${component}, ${host}` : component;
}

function involved(o: KubeObject, key: string): string | undefined {
  const v = dig(o, "involvedObject", key);
  return v === undefined ? "" : String(v);
}

/**
 * core/v1 Event. Columns as kube 1.32 prints them: LAST SEEN TYPE REASON OBJECT MESSAGE, with
 * SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME only in wide output. NAME is not the first
 * column here: the Table layer must not prepend its own NAME when a column has format "name".
 */
export function eventDescriptor(): ResourceDescriptor {
  const d = builtin({
    group: "",
    version: "v1",
    kind: "Event",
    plural: "events",
    namespaced: true,
    shortNames: ["ev"],
    nameValidation: "dns1123-subdomain",
    columns: [
      col("Last Seen", "date", lastSeen),
      col("Type", "string", (o) => str(o.type)),
      col("Reason", "string", (o) => str(o.reason)),
      col("Object", "string", (o) => {
        const kind = str(dig(o, "involvedObject", "kind")).toLowerCase();
        const name = str(dig(o, "involvedObject", "name"));
        return name ? `${kind}/${name}` : kind;
      }),
      col("Subobject", "string", (o) => str(dig(o, "involvedObject", "fieldPath")), { priority: 1 }),
      col("Source", "string", source, { priority: 1 }),
      col("Message", "string", (o) => str(o.message).trim()),
      col("First Seen", "date", firstSeen, { priority: 1 }),
      col("Count", "integer", (o) => num(dig(o, "series", "count")) || num(o.count) || 1, { priority: 1 }),
      { ...col("Name", "string", (o) => o.metadata.name, { priority: 1 }), format: "name" },
    ],
    fieldLabels: {
      "involvedObject.kind": (o) => involved(o, "kind"),
      "involvedObject.namespace": (o) => involved(o, "namespace"),
      "involvedObject.name": (o) => involved(o, "name"),
      "involvedObject.uid": (o) => involved(o, "uid"),
      "involvedObject.apiVersion": (o) => involved(o, "apiVersion"),
      "involvedObject.resourceVersion": (o) => involved(o, "resourceVersion"),
      "involvedObject.fieldPath": (o) => involved(o, "fieldPath"),
      reason: (o) => str(o.reason),
      reportingComponent: (o) => str(o.reportingComponent),
      source: (o) => str(dig(o, "source", "component")),
      type: (o) => str(o.type),
    },
    validate: validateEvent,
  });
  return d;
}

function validateEvent(obj: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const ns = str(dig(obj, "involvedObject", "namespace"));
  if (ns && obj.metadata.namespace && ns !== obj.metadata.namespace)
    out.push(causes.invalid("involvedObject.namespace", ns, "does not match event.namespace"));
  const type = obj.type;
  if (type !== undefined && type !== "" && type !== "Normal" && type !== "Warning")
    out.push(causes.notSupported("type", type, ["Normal", "Warning"]));
  return out;
}
