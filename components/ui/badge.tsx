import type { HTMLAttributes } from "react";

/** Colour families shared by badges, bars and status text; every use also shows text (never colour alone). */
export type Tone = "success" | "warning" | "danger" | "info" | "neutral";

export const TONE_CLASSES: Record<Tone, string> = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/30",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30",
  danger: "bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-400/30",
  info: "bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/30",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/30",
};

/** Solid fills for bars and chart segments, by tone. */
export const TONE_FILL: Record<Tone, string> = {
  success: "fill-emerald-500 bg-emerald-500",
  warning: "fill-amber-500 bg-amber-500",
  danger: "fill-rose-500 bg-rose-500",
  info: "fill-sky-500 bg-sky-500",
  neutral: "fill-slate-400 bg-slate-400",
};

/** A small rounded label; `tone` picks the colour family. */
export function Badge({ tone = "neutral", className = "", ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]} ${className}`}
      {...props}
    />
  );
}
