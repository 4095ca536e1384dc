import type { BenchRow } from "./report";

export interface BenchContext {
  quick: boolean;
  progress: (msg: string) => void;
}

export interface BenchSection {
  name: string;
  /** Run when no --scenario is given. */
  default: boolean;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** Karmada's only published scalability figures (2022, 100 clusters); see issue 8. */
export const KARMADA = {
  propagationP99PushMs: 1298,
  propagationP99PullMs: 989,
  schedulingP99Ms: 32,
  bindingsPerSecond: 20,
  registrationP99Ms: 6900,
};

/** The sections, in run order. Each file exports its own runner; this maps figures to rows. */
export const SECTIONS: BenchSection[] = [
  {
    name: "store",
    default: true,
    async run({ quick }) {
      const { runStoreBench } = await import("./store");
      const r = await runStoreBench({ quick });
      const rows: BenchRow[] = [];
      for (const backend of ["pglite", "postgres"] as const) {
        const perSec = r[`${backend}.createsPerSec`];
        if (typeof perSec !== "number") continue;
        const label = backend === "pglite" ? "embedded" : "Postgres";
        rows.push(
          { metric: `${label}: creates/s, 8 clients`, value: perSec, unit: "/s", target: backend === "postgres" ? ">= 2000" : undefined, better: "higher" },
          { metric: `${label}: watch delivery p50`, value: Number(r[`${backend}.watchP50Ms`]), unit: "ms", better: "lower" },
          { metric: `${label}: watch delivery p99`, value: Number(r[`${backend}.watchP99Ms`]), unit: "ms", target: backend === "postgres" ? "< 50" : undefined, better: "lower" },
        );
      }
      if (typeof r.postgres === "string") rows.push({ metric: "Postgres", value: 0, unit: "", note: r.postgres });
      return rows;
    },
  },
  {
    name: "scheduler",
    default: true,
    async run({ quick }) {
      const { runSchedulerBench } = await import("./scheduler");
      const r = await runSchedulerBench({ quick });
      const note = `${r.bindings} bindings over ${r.clusters} clusters, region+cluster spread, dynamic weights`;
      return [
        { metric: "pure scheduler throughput", value: r["bindings/s"], unit: "bindings/s", target: ">= 2000", karmada: KARMADA.bindingsPerSecond, better: "higher", note },
        { metric: "pure scheduling p50", value: r["p50 ms"], unit: "ms", better: "lower" },
        { metric: "pure scheduling p99", value: r["p99 ms"], unit: "ms", karmada: KARMADA.schedulingP99Ms, better: "lower" },
      ];
    },
  },
  {
    name: "scheduler-controller",
    default: true,
    async run({ quick }) {
      const { runSchedulerControllerBench } = await import("./scheduler-controller");
      const r = await runSchedulerControllerBench({ quick });
      const note = `${r.bindings} bindings, ${r.clusters} clusters, writes included`;
      return [
        { metric: "controller throughput (embedded store)", value: r["pglite bindings/s"], unit: "bindings/s", target: ">= 500", karmada: KARMADA.bindingsPerSecond, better: "higher", note },
        { metric: "controller throughput incl. creates (embedded)", value: r["pglite bindings/s with creates"], unit: "bindings/s", better: "higher" },
        { metric: "controller throughput (memory store)", value: r["memory bindings/s"], unit: "bindings/s", better: "higher" },
      ];
    },
  },
  {
    name: "sandbox",
    default: true,
    async run({ quick }) {
      const { runSandboxBench } = await import("./sandbox");
      const r = await runSandboxBench({ quick });
      const n = `${r.sandboxes} sandboxes in one process`;
      return [
        { metric: "RSS per idle sandbox", value: r["rss MB/idle sandbox"], unit: "MB", target: "< 10", better: "lower", note: n },
        { metric: "heap per 100 Deployments (with RS and Pods)", value: r["heap MB/100 deployments"], unit: "MB", better: "lower" },
        { metric: "sandbox apply p50, 8 clients", value: r["apply p50 ms"], unit: "ms", better: "lower" },
        { metric: "sandbox apply p99, 8 clients", value: r["apply p99 ms"], unit: "ms", target: "< 20", better: "lower" },
      ];
    },
  },
  {
    name: "propagation",
    default: true,
    async run({ quick, progress }) {
      const { runPropagationBench } = await import("./propagation");
      const r = await runPropagationBench({ quick, progress });
      const rows: BenchRow[] = [];
      for (const backend of ["pglite", "postgres"] as const) {
        const label = backend === "pglite" ? "embedded" : "Postgres";
        if (typeof r[backend] === "string") rows.push({ metric: `propagation (${label})`, value: 0, unit: "", note: String(r[backend]) });
        if (typeof r[`${backend}.latencyP99Ms`] !== "number") continue;
        rows.push(
          { metric: `${label}: create → Applied in 3 clusters p50`, value: Number(r[`${backend}.latencyP50Ms`]), unit: "ms", better: "lower" },
          { metric: `${label}: create → Applied in 3 clusters p99`, value: Number(r[`${backend}.latencyP99Ms`]), unit: "ms", target: "< 250", karmada: KARMADA.propagationP99PushMs, better: "lower" },
          { metric: `${label}: control plane RSS, idle (3 sandboxes in-process)`, value: Number(r[`${backend}.idleRssMB`]), unit: "MB", better: "lower" },
        );
        if (typeof r[`${backend}.worksPerSec`] === "number") {
          rows.push(
            { metric: `${label}: Works applied/s, 10 sandboxes`, value: Number(r[`${backend}.worksPerSec`]), unit: "/s", target: ">= 1500", better: "higher", note: `${r[`${backend}.worksApplied`]}/${r[`${backend}.worksExpected`]} Works in ${Number(r[`${backend}.throughputSeconds`]).toFixed(0)} s` },
            { metric: `${label}: control plane RSS, loaded (10 sandboxes in-process)`, value: Number(r[`${backend}.loadedRssMB`]), unit: "MB", better: "lower" },
          );
        }
      }
      return rows;
    },
  },
  {
    name: "pull",
    default: true,
    async run({ quick, progress }) {
      const { runPullBench } = await import("./pull");
      const r = await runPullBench({ quick, progress });
      const rows: BenchRow[] = [];
      for (const mode of ["Pull", "Push"] as const) {
        const note = `${r[`${mode}.n`]} Deployments, one at a time, to ${mode === "Pull" ? "a Pull sandbox via its agent process (HTTP)" : "a Push sandbox"}`;
        const stages = `Work created p50 ${r[`${mode}.work.p50`]?.toFixed(0)} ms, Applied p50 ${r[`${mode}.applied.p50`]?.toFixed(0)} ms`;
        rows.push(
          { metric: `${mode}: create → object in member p50`, value: r[`${mode}.member.p50`], unit: "ms", better: "lower", note },
          { metric: `${mode}: create → object in member p99`, value: r[`${mode}.member.p99`], unit: "ms", target: mode === "Pull" ? "< 300" : undefined, karmada: mode === "Pull" ? KARMADA.propagationP99PullMs : KARMADA.propagationP99PushMs, better: "lower", note: stages },
        );
      }
      return rows;
    },
  },
];
