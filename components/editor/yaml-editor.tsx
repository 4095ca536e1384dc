"use client";

import { useMemo } from "react";
import CodeMirror, { EditorView } from "@uiw/react-codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import type { ManifestDiagnostic } from "../../lib/console/resources/manifest-diagnostics";
import { useDarkMode } from "./use-dark-mode";

export interface YamlEditorProps {
  /** Accessible name of the editing surface ("Manifest", "Policy YAML"). */
  label: string;
  value: string;
  onChange?: (value: string) => void;
  /** Diagnostics for the current text; shown inline (underline + gutter) and listed below. */
  diagnostics?: readonly ManifestDiagnostic[];
  readOnly?: boolean;
  minHeight?: string;
  maxHeight?: string;
}

/**
 * The console's YAML editor: CodeMirror 6 with YAML highlighting, inline diagnostics and the
 * page's dark mode, bundled (nothing from a CDN). Diagnostics are computed by the caller
 * (usually `checkEditorManifest`, the server's own validators) and also listed in text under
 * the editor, so screen readers and tests see them without reading decorations.
 */
export function YamlEditor({ label, value, onChange, diagnostics = [], readOnly, minHeight = "16rem", maxHeight = "36rem" }: YamlEditorProps) {
  const dark = useDarkMode();
  const extensions = useMemo(
    () => [
      yaml(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-label": label }),
      lintGutter(),
      // The lint source reads the latest diagnostics through the closure recreated with them.
      linter(() => toCodeMirror(diagnostics, value.length), { delay: 150 }),
    ],
    [label, diagnostics, value.length],
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return (
    <div className="space-y-2">
      <div className="overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-700">
        <CodeMirror
          value={value}
          onChange={onChange}
          extensions={extensions}
          theme={dark ? "dark" : "light"}
          readOnly={readOnly}
          editable={!readOnly}
          minHeight={minHeight}
          maxHeight={maxHeight}
          basicSetup={{ foldGutter: true, highlightActiveLine: !readOnly }}
        />
      </div>
      {diagnostics.length > 0 && <DiagnosticList diagnostics={diagnostics} errors={errors} label={label} />}
    </div>
  );
}

function DiagnosticList({ diagnostics, errors, label }: { diagnostics: readonly ManifestDiagnostic[]; errors: number; label: string }) {
  const warnings = diagnostics.length - errors;
  return (
    <div role="region" aria-label={`${label} problems`} className="rounded-md border border-slate-200 p-2 text-xs dark:border-slate-800">
      <p className="mb-1 font-medium">
        {errors} error(s), {warnings} warning(s)
      </p>
      <ul className="space-y-0.5">
        {diagnostics.map((d, i) => (
          <li key={i} className={d.severity === "error" ? "text-rose-700 dark:text-rose-300" : "text-amber-700 dark:text-amber-300"}>
            <span className="font-semibold">{d.severity === "error" ? "Error" : "Warning"}:</span> {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Clamps offsets to the document so a diagnostic computed for older text never throws. */
export function toCodeMirror(diagnostics: readonly ManifestDiagnostic[], length: number): Diagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.min(Math.max(0, d.from), length);
    return { from, to: Math.min(Math.max(from, d.to), length), severity: d.severity, message: d.message };
  });
}
