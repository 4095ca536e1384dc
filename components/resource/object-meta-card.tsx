import type { ObjectMeta } from "../../lib/kube/types";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { Age } from "./age";

/** Labels or annotations as key=value chips. */
export function KeyValueList({ values, label }: { values: Record<string, string> | undefined; label: string }) {
  const entries = Object.entries(values ?? {});
  if (!entries.length) return <span className="text-slate-400">none</span>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <li key={k}>
          <Badge className="font-mono" title={`${k}=${v}`}>
            {k}={v.length > 60 ? `${v.slice(0, 60)}…` : v}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/**
 * The metadata every object has: name, namespace, uid, age, generation (with the status's
 * observedGeneration, so "not yet reconciled" is visible), labels, annotations, owners, finalizers.
 */
export function ObjectMetaCard({ metadata, observedGeneration, title = "Metadata" }: { metadata: ObjectMeta; observedGeneration?: number; title?: string }) {
  const rows: [string, React.ReactNode][] = [
    ["Name", metadata.name],
    ["Namespace", metadata.namespace ?? "—"],
    ["UID", <span className="font-mono text-xs">{metadata.uid}</span>],
    ["Created", <Age timestamp={metadata.creationTimestamp} />],
    ["Generation", observedGeneration === undefined ? metadata.generation : `${metadata.generation ?? "—"} (observed ${observedGeneration})`],
    ["Labels", <KeyValueList values={metadata.labels} label="Labels" />],
    ["Annotations", <KeyValueList values={filterAnnotations(metadata.annotations)} label="Annotations" />],
    ["Owners", metadata.ownerReferences?.map((o) => `${o.kind}/${o.name}`).join(", ") || "—"],
    ["Finalizers", metadata.finalizers?.join(", ") || "—"],
  ];
  if (metadata.deletionTimestamp) rows.push(["Deleting since", <Age timestamp={metadata.deletionTimestamp} />]);
  return (
    <Card title={title}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd className="min-w-0 break-words">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** kubectl's last-applied annotation is the whole object again: noise on a metadata card. */
function filterAnnotations(a: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!a) return a;
  const { ["kubectl.kubernetes.io/last-applied-configuration"]: _ignored, ...rest } = a;
  return rest;
}
