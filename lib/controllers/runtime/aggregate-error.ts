/**
 * The text of apimachinery's `errors.NewAggregate(errs).Error()`, which Karmada puts into Event
 * and condition messages: nothing for no errors, the message itself for one, otherwise the
 * distinct messages in order, joined by ", " inside brackets (a single distinct message left
 * after de-duplication goes without brackets).
 */
export function aggregateMessage(messages: readonly string[]): string {
  if (messages.length === 0) return "";
  if (messages.length === 1) return messages[0];
  const distinct = [...new Set(messages)];
  return distinct.length === 1 ? distinct[0] : `[${distinct.join(", ")}]`;
}
