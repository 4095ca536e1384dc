import type { ReactNode } from "react";
import type { FieldError, FieldErrors } from "react-hook-form";

/** The message of a nested react-hook-form error by dotted path ("rules.0.image.1.value"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const seg of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  const e = node as (FieldError & { root?: FieldError }) | undefined;
  return e?.message ?? e?.root?.message;
}

/** A titled group of form controls (a fieldset, so assistive tech announces the group). */
export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
      {actions && <div className="flex gap-2">{actions}</div>}
    </fieldset>
  );
}

/** A compact row of inputs with a remove button. */
export function Row({ children, onRemove, removeLabel }: { children: ReactNode; onRemove: () => void; removeLabel: string }) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      {children}
      <button type="button" onClick={onRemove} aria-label={removeLabel} className="rounded px-2 py-2 text-sm text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-950">
        Remove
      </button>
    </div>
  );
}
