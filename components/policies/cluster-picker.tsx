"use client";

import { useId } from "react";
import { useClusterNames } from "./cluster-options";

/**
 * Picks cluster names from the registered clusters (checkboxes, so keyboard and screen readers
 * work without a custom widget). Names already in the value but not registered stay listed,
 * marked, so a policy for a future cluster can still be edited.
 */
export function ClusterPicker({ label, value, onChange }: { label: string; value: string[]; onChange: (names: string[]) => void }) {
  const { names, isPending } = useClusterNames();
  const id = useId();
  const all = [...new Set([...names, ...value])].sort();
  function toggle(name: string, on: boolean) {
    onChange(on ? [...value, name].sort() : value.filter((n) => n !== name));
  }
  return (
    <fieldset aria-labelledby={id} className="space-y-1">
      <legend id={id} className="text-sm font-medium">
        {label}
      </legend>
      {isPending && <p className="text-xs text-slate-500">Loading clusters…</p>}
      {!isPending && all.length === 0 && <p className="text-xs text-slate-500">No clusters registered yet.</p>}
      <div className="flex flex-wrap gap-3">
        {all.map((name) => (
          <label key={name} className="inline-flex items-center gap-1 text-sm">
            <input type="checkbox" checked={value.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
            {name}
            {!names.includes(name) && !isPending && <span className="text-xs text-amber-700 dark:text-amber-300">(not registered)</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
