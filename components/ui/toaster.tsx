"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { toasts, type Toast } from "./toast-store";

const TONES: Record<Toast["tone"], string> = {
  success: "border-emerald-500",
  danger: "border-rose-500",
  info: "border-sky-500",
};
const LABELS: Record<Toast["tone"], string> = { success: "Success", danger: "Error", info: "Info" };

/**
 * Mounted <Toaster/> instances in mount order; the first one renders. A list (not a counter) so
 * that when the instance that rendered unmounts (a page's, on navigation) the next one (the
 * layout's) takes over instead of every survivor staying silent.
 */
let instances: symbol[] = [];
const NO_INSTANCES: symbol[] = [];
const NO_TOASTS: Toast[] = [];
const instanceListeners = new Set<() => void>();
const instancesSnapshot = () => instances;
function subscribeInstances(l: () => void): () => void {
  instanceListeners.add(l);
  return () => instanceListeners.delete(l);
}
function setInstances(next: symbol[]): void {
  instances = next;
  for (const l of instanceListeners) l();
}

/**
 * Renders the toast queue in a polite live region. Safe to mount from several views (the
 * console layout mounts one): only one mounted instance renders at a time, so a toast never
 * shows twice and never goes missing when a page's own instance unmounts.
 */
export function Toaster() {
  const [id] = useState(() => Symbol("toaster"));
  useEffect(() => {
    setInstances([...instances, id]);
    return () => setInstances(instances.filter((i) => i !== id));
  }, [id]);
  const active = useSyncExternalStore(subscribeInstances, instancesSnapshot, () => NO_INSTANCES)[0] === id;
  const items = useSyncExternalStore(toasts.subscribe, toasts.snapshot, () => NO_TOASTS);
  if (!active) return null;
  return (
    <div aria-live="polite" role="region" aria-label="Notifications" className="fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2">
      {items.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    // Errors stay longer: they usually carry a reason the user needs to read.
    const timer = setTimeout(() => toasts.dismiss(toast.id), toast.tone === "danger" ? 10_000 : 5_000);
    return () => clearTimeout(timer);
  }, [toast.id, toast.tone]);
  return (
    <div role={toast.tone === "danger" ? "alert" : "status"} className={`rounded-lg border-l-4 bg-white p-3 text-sm shadow-lg dark:bg-slate-800 ${TONES[toast.tone]}`}>
      <div className="flex items-start justify-between gap-2">
        <p className="font-medium">
          <span className="sr-only">{LABELS[toast.tone]}: </span>
          {toast.title}
        </p>
        <button type="button" aria-label="Dismiss notification" onClick={() => toasts.dismiss(toast.id)} className="text-slate-400 hover:text-slate-700">
          ✕
        </button>
      </div>
      {toast.description && <p className="mt-1 text-slate-600 dark:text-slate-300">{toast.description}</p>}
    </div>
  );
}
