"use client";

import { useId, useRef } from "react";

/**
 * "Upload file": reads a local .yaml/.yml/.json file as text and hands it to the editor (YAML
 * is a superset of JSON, so both load as they are). The input stays in the DOM, labelled, so
 * tests can set files on it.
 */
export function YamlFileButton({ onLoad, label = "Upload YAML file" }: { onLoad: (text: string, fileName: string) => void; label?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  async function onChange(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    onLoad(await readText(file), file.name);
    // Allow loading the same file again after editing.
    e.target.value = "";
  }
  return (
    <span>
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {label}
      </label>
      <input id={id} ref={input} type="file" accept=".yaml,.yml,.json,application/json,text/yaml" className="sr-only" onChange={onChange} />
    </span>
  );
}

/** A file's text through FileReader (available everywhere, including test DOMs without Blob.text). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file);
  });
}
