"use client";

import { useQuery } from "@tanstack/react-query";
import type { KubeObject } from "../../lib/kube/types";
import { queries } from "../../lib/kube/queries";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Age } from "./age";
import { StatusBadge } from "./status-badge";

/** core/v1 Event fields the list shows. */
export interface KubeEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
}

export const EVENTS_RESOURCE = { group: "", version: "v1", plural: "events", namespaced: true } as const;

/** When an event last happened (Kubernetes fills one of three fields depending on the API used). */
export function eventTime(e: KubeEvent): string | undefined {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp;
}

/** Events newest first, Warning before Normal at equal times. */
export function sortEvents<T extends KubeEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (eventTime(b) ?? "").localeCompare(eventTime(a) ?? "") || warningFirst(a) - warningFirst(b));
}

function warningFirst(e: KubeEvent): number {
  return e.type === "Warning" ? 0 : 1;
}

/** A list of Events as given (the overview and detail pages pass what they fetched). */
export function EventList({ events, showObject = true, label = "Events" }: { events: readonly KubeEvent[]; showObject?: boolean; label?: string }) {
  if (!events.length) return <EmptyState title="No events" />;
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {sortEvents(events).map((e) => (
        <li key={e.metadata.uid ?? `${e.metadata.namespace}/${e.metadata.name}`} className="flex items-start gap-3 py-2">
          <StatusBadge text={e.type ?? "Normal"} />
          <div className="min-w-0 flex-1">
            <p>
              <span className="font-medium">{e.reason}</span>
              {showObject && e.involvedObject && (
                <span className="text-slate-500 dark:text-slate-400">
                  {" "}
                  · {e.involvedObject.kind}/{e.involvedObject.namespace ? `${e.involvedObject.namespace}/` : ""}
                  {e.involvedObject.name}
                </span>
              )}
            </p>
            <p className="break-words text-slate-600 dark:text-slate-300">{e.message}</p>
          </div>
          <span className="shrink-0 text-xs text-slate-500">
            {(e.count ?? 1) > 1 && <span>×{e.count} · </span>}
            <Age timestamp={eventTime(e)} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The Events of one object, read through /k8s with an involvedObject field selector. */
export function ObjectEvents({ kind, namespace, name }: { kind: string; namespace?: string; name: string }) {
  const q = useQuery(queries.list<KubeEvent>(EVENTS_RESOURCE, namespace, { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` }));
  if (q.isPending) return <LoadingState label="Loading events…" />;
  if (q.isError) return <ErrorState error={q.error} title="Events could not be loaded" onRetry={() => q.refetch()} />;
  return <EventList events={q.data.items} showObject={false} label={`Events of ${kind} ${name}`} />;
}
