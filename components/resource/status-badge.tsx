import type { Condition } from "../../lib/kube/types";
import { Badge, type Tone } from "../ui/badge";
import { conditionTone, statusTone } from "./condition-tone";

const GLYPHS: Record<Tone, string> = { success: "●", danger: "✕", warning: "!", info: "◌", neutral: "○" };

/**
 * A status as text plus tone (plus a glyph, so it survives colour blindness and greyscale).
 * Give it a condition, or a status word with an optional explicit tone.
 */
export function StatusBadge(props: { condition: Pick<Condition, "type" | "status" | "reason" | "message"> } | { text: string; tone?: Tone; title?: string }) {
  const { tone, text, title } =
    "condition" in props
      ? { ...conditionTone(props.condition), title: [props.condition.reason, props.condition.message].filter(Boolean).join(": ") || undefined }
      : { tone: props.tone ?? statusTone(props.text), text: props.text, title: props.title };
  return (
    <Badge tone={tone} title={title} data-tone={tone}>
      <span aria-hidden="true">{GLYPHS[tone]}</span>
      {text}
    </Badge>
  );
}
