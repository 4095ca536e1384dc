"use client";

import { useCallback, useState } from "react";
import { parse, stringify } from "yaml";
import type { KubeObject } from "../../lib/kube/types";

/** What the form and the YAML tab share: the object, and the YAML text the person last typed. */
export interface PolicyDraft<T extends KubeObject> {
  object: T;
  text: string;
  /** Set while the YAML text does not parse to a mapping; the object keeps its last good value. */
  textError?: string;
}

/** YAML of a draft object, as the YAML tab shows it. */
export function draftYaml(obj: KubeObject): string {
  return stringify(obj, { lineWidth: 0 });
}

/**
 * One policy edited two ways. The form writes the object (and the text follows); the YAML tab
 * writes text (and the object follows whenever the text parses to a mapping). Either side
 * therefore always shows the other's latest valid edit.
 */
export function usePolicyDraft<T extends KubeObject>(initial: T) {
  const [draft, setDraft] = useState<PolicyDraft<T>>(() => ({ object: initial, text: draftYaml(initial) }));
  const setObject = useCallback((object: T) => setDraft({ object, text: draftYaml(object) }), []);
  const setText = useCallback((text: string) => {
    setDraft((d) => {
      try {
        const v: unknown = parse(text);
        if (!v || typeof v !== "object" || Array.isArray(v)) return { ...d, text, textError: "The YAML must be a mapping" };
        return { object: v as T, text };
      } catch (err) {
        return { ...d, text, textError: (err as Error).message.split("\n")[0] };
      }
    });
  }, []);
  return { draft, setObject, setText };
}
