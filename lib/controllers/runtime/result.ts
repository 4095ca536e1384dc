import { ApiError } from "../../kube/errors";
import type { Request } from "./keys";
import type { Logger } from "./log";
import type { InformerSource } from "./shared-informers";

export type { Request };

/**
 * What a reconcile asks for next (controller-runtime's reconcile.Result). Returning nothing or
 * `{}` means done until the next event or resync. `requeueAfterMs` means "look again later"
 * and resets the key's backoff. A thrown error means retry with backoff, and a returned
 * Result is then ignored.
 */
export interface Result {
  requeueAfterMs?: number;
}

/** Handed to every reconcile. */
export interface ReconcileContext {
  /** Aborts on the per-reconcile timeout, on controller stop and on leadership loss. */
  signal: AbortSignal;
  /** Unique per call; also bound into `log`. */
  reconcileId: string;
  log: Logger;
  /** How many times this key has failed in a row (0 on a first try). */
  attempt: number;
  /** The shared informer caches, for reading desired and actual state without API calls. */
  informers: InformerSource;
}

/**
 * An error that retrying cannot fix (bad user input, an unsupported spec): the runtime logs it
 * and drops the key instead of backing off forever. The reconciler should also have written a
 * False condition and a Warning event saying why.
 */
export class TerminalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TerminalError";
  }
}

/** Wraps any error as terminal (controller-runtime's reconcile.TerminalError). */
export function terminalError(err: unknown): TerminalError {
  if (err instanceof TerminalError) return err;
  return new TerminalError(err instanceof Error ? err.message : String(err), { cause: err });
}

/** Structural check, since bundles can hold two copies of this module. */
export function isTerminalError(err: unknown): boolean {
  return err instanceof TerminalError || (typeof err === "object" && err !== null && (err as { name?: unknown }).name === "TerminalError");
}

/** A 409 Conflict from a stale resourceVersion: the informer already has, or will soon have, a newer copy. */
export function isConflict(err: unknown): boolean {
  return ApiError.is(err, "Conflict");
}
