import type { Logger } from "../../server/logger";

export type { Logger };

/** A Logger that drops everything: the default, so tests and libraries stay quiet. */
export const noopLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => noopLogger,
};
