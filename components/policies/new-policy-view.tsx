"use client";

import { useState } from "react";
import type { OverridePolicy, PropagationPolicy } from "../../lib/kube/karmada";
import { newOverridePolicy } from "./override-form-model";
import { PolicyEditor } from "./policy-editor";
import { policyKindByKind } from "./policy-kinds";
import { newPropagationPolicy } from "./propagation-form-model";

/** A fresh policy of the requested kind in the editor. */
export function NewPolicyView({ kind, namespace }: { kind: string; namespace: string }) {
  const info = policyKindByKind(kind) ?? policyKindByKind("PropagationPolicy")!;
  const [initial] = useState(() =>
    info.family === "override" ? newOverridePolicy(info.kind as OverridePolicy["kind"], namespace) : newPropagationPolicy(info.kind as PropagationPolicy["kind"], namespace),
  );
  return <PolicyEditor initial={initial} mode="create" />;
}
