"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { toasts, type Toast } from "./toast-store";

const TONES: Record<Toast["tone"], string> = {
  success: "border-emerald-500",
  danger: "border-rose-500",
  info: "border-sky-500",
};
const LABELS: Record<Toast["tone"], string> = { success: "Success", danger: "Error", info: "Info" };

let mounted = 0;

/**
 * Renders the toast queue in a polite live region. Safe to mount from several views: only the
 * first mounted instance renders, so a page and the layout never show a toast twice.
 */
export function Toaster() {
  const [active, setActive] = useState(false);
  useEffect(() => {
    mounted++;
    setActive(mounted === 1);
    return () => {
      mounted--;
    };
  }, []);
  const items = useSyncExternalStore(toasts.subscribe, toasts.snapshot, () => []);
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
