import { causes, errors } from "../kube/errors";
import type { StatusCause } from "../kube/types";
import { parseQuantityExact } from "../kube/quantity";
import { SANDBOX_KIND } from "./spec";
import type { ApiRequest, ApiResponse } from "../apiserver/http/api-message";
import type { CapacityFault, SandboxFaults } from "./types";

type Handler = (req: ApiRequest) => Promise<ApiResponse>;
type Input = Record<string, unknown>;

const FAULT_FIELDS = new Set(["down", "slowMs", "failing", "partitioned", "nodeFailure", "capacity"]);

/**
 * Validates a PUT /faults body: the complete set of faults wanted (absent = cleared).
 * Problems answer 422 Invalid with one cause per field, nothing applied.
 */
export function parseFaults(input: unknown, name: string): SandboxFaults {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw errors.badRequest("the request body must be a JSON object");
  const body = input as Input;
  const out: StatusCause[] = [];
  const faults: SandboxFaults = {};
  for (const key of Object.keys(body)) if (!FAULT_FIELDS.has(key)) out.push({ reason: "FieldValueNotSupported", field: key, message: `unknown field "${key}"` });
  if (body.down !== undefined) faults.down = bool(body.down, "down", out);
  if (body.partitioned !== undefined) faults.partitioned = bool(body.partitioned, "partitioned", out);
  if (body.slowMs !== undefined) faults.slowMs = int(body.slowMs, "slowMs", 0, 600_000, out);
  if (body.nodeFailure !== undefined) faults.nodeFailure = int(body.nodeFailure, "nodeFailure", 0, 1000, out);
  if (body.failing !== undefined) faults.failing = failing(body.failing, out);
  if (body.capacity !== undefined) faults.capacity = capacity(body.capacity, out);
  if (out.length) throw errors.invalid(SANDBOX_KIND, name, out);
  return compactFaults(faults);
}

/** Drops faults that are set to their no-op value, so `{down:false}` reads as no fault. */
export function compactFaults(f: SandboxFaults): SandboxFaults {
  const out: SandboxFaults = {};
  if (f.down) out.down = true;
  if (f.partitioned) out.partitioned = true;
  if (f.slowMs) out.slowMs = f.slowMs;
  if (f.nodeFailure) out.nodeFailure = f.nodeFailure;
  if (f.failing && f.failing.fraction > 0) out.failing = f.failing;
  if (f.capacity && Object.keys(f.capacity).length) out.capacity = f.capacity;
  return out;
}

function bool(v: unknown, field: string, out: StatusCause[]): boolean {
  if (typeof v === "boolean") return v;
  out.push(causes.typeInvalid(field, v, "must be a boolean"));
  return false;
}

function int(v: unknown, field: string, min: number, max: number, out: StatusCause[]): number {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    out.push(causes.typeInvalid(field, v, "must be an integer"));
    return 0;
  }
  if (v < min || v > max) out.push(causes.invalid(field, v, `must be between ${min} and ${max}`));
  return v;
}

function failing(v: unknown, out: StatusCause[]): SandboxFaults["failing"] {
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    out.push(causes.typeInvalid("failing", v, "must be an object {fraction, statusCode}"));
    return undefined;
  }
  const f = v as Input;
  const fraction = f.fraction ?? 1;
  const statusCode = f.statusCode ?? 503;
  if (typeof fraction !== "number" || !(fraction > 0 && fraction <= 1)) out.push(causes.invalid("failing.fraction", fraction, "must be a number in (0, 1]"));
  if (statusCode !== 500 && statusCode !== 503) out.push(causes.notSupported("failing.statusCode", statusCode, ["500", "503"]));
  return { fraction: fraction as number, statusCode: statusCode as 500 | 503 };
}

function capacity(v: unknown, out: StatusCause[]): CapacityFault | undefined {
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    out.push(causes.typeInvalid("capacity", v, "must be an object {nodes, cpu, memory, pods}"));
    return undefined;
  }
  const c = v as Input;
  const res: CapacityFault = {};
  if (c.nodes !== undefined) res.nodes = int(c.nodes, "capacity.nodes", 0, 1000, out);
  if (c.pods !== undefined) res.pods = int(c.pods, "capacity.pods", 0, 10_000, out);
  for (const key of ["cpu", "memory"] as const) {
    const q = c[key];
    if (q === undefined) continue;
    const s = typeof q === "number" ? String(q) : q;
    try {
      if (typeof s !== "string" || parseQuantityExact(s).nanos < 0n) throw new Error("negative");
      res[key] = s;
    } catch {
      out.push(causes.invalid(`capacity.${key}`, q, "must be a non-negative quantity"));
    }
  }
  return res;
}

/** Injected randomness and delay, so tests can pin which requests fail. */
export interface FaultDeps {
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Wraps a sandbox's HTTP handler with the request-level faults read live from `faults()`:
 * partitioned requests never get an answer (the promise settles only when the client aborts);
 * slow ones wait `slowMs` first; failing ones answer a 500/503 Status for a share of requests.
 * `down` is not handled here: the listener itself is closed.
 */
export function withFaults(handler: Handler, faults: () => SandboxFaults, deps: FaultDeps = {}): Handler {
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;
  return async (req) => {
    const f = faults();
    if (f.partitioned) {
      await untilAborted(req.signal);
      return { status: 504, headers: {}, body: null };
    }
    if (f.slowMs) await sleep(f.slowMs, req.signal);
    if (f.failing && random() < f.failing.fraction) return failure(f.failing.statusCode);
    return handler(req);
  };
}

function failure(code: 500 | 503): ApiResponse {
  const status =
    code === 500
      ? errors.internal("an error on the server (\"injected fault: failing\") has prevented the request from succeeding").status
      : errors.serviceUnavailable("the server is currently unable to handle the request (injected fault: failing)").status;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (code === 503) headers["Retry-After"] = "1";
  return { status: code, headers, body: JSON.stringify(status) };
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
