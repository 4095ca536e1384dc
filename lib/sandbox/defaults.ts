import type { SandboxSpec as ConfigSandboxSpec } from "../server/config";

/**
 * The shapes of the default demo sandboxes: three regions/zones/providers with different
 * capacities, so placement by region, spread and capacity all show something. Names outside
 * this table get the plain defaults.
 */
export const DEFAULT_SHAPES: Record<string, Record<string, unknown>> = {
  member1: { region: "us-east-1", zone: "us-east-1a", provider: "aws", nodes: 3, cpu: "4", memory: "16Gi", pods: 110 },
  member2: { region: "eu-west-1", zone: "eu-west-1b", provider: "gcp", nodes: 3, cpu: "8", memory: "32Gi", pods: 110 },
  member3: { region: "ap-southeast-1", zone: "ap-southeast-1a", provider: "azure", nodes: 2, cpu: "2", memory: "8Gi", pods: 60 },
};

/** A create request for one `FLOTILLA_SANDBOXES` entry. */
export function defaultSandboxRequest(entry: ConfigSandboxSpec): Record<string, unknown> {
  return { ...(DEFAULT_SHAPES[entry.name] ?? {}), name: entry.name, mode: entry.mode };
}
