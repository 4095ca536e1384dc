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
        // Load-independent: what one apply costs the sandbox's host process (from /proc).
        { metric: "sandbox host CPU per apply", value: r["apply host CPU ms/apply"], unit: "ms", better: "lower" },
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
            {
              metric: `${label}: Works applied/s, 10 sandboxes`,
              value: Number(r[`${backend}.worksPerSec`]),
              unit: "/s",
              target: ">= 1500",
              better: "higher",
              note: `${r[`${backend}.worksApplied`]}/${r[`${backend}.worksExpected`]} Works in ${Number(r[`${backend}.throughputSeconds`]).toFixed(0)} s; CPU per Work: control plane ${Number(r[`${backend}.planeCpuMsPerWork`]).toFixed(1)} ms, members (one sandbox host process) ${Number(r[`${backend}.membersCpuMsPerWork`]).toFixed(1)} ms`,
            },
            { metric: `${label}: control plane peak RSS, loaded`, value: Number(r[`${backend}.loadedRssMB`]), unit: "MB", better: "lower" },
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

/** Scale sections (issue 8), in bench/scale/: registration, M, L and replicas. */
SECTIONS.push(
  {
    name: "registration",
    default: true,
    async run({ quick, progress }) {
      const { runRegistrationBench } = await import("./scale/registration");
      return (await runRegistrationBench({ quick, progress })).map((r) => ({
        metric: `${r.backend}: registration → Ready p99`,
        value: r.p99Ms,
        unit: "ms",
        target: "< 2000",
        karmada: KARMADA.registrationP99Ms,
        better: "lower" as const,
        note: `p50 ${r.p50Ms} ms over ${r.registrations} registrations (Secret + Cluster through the kube API)`,
      }));
    },
  },
  {
    name: "m",
    default: false,
    async run({ quick, progress }) {
      const { runScenarioM } = await import("./scale/scenario-m");
      const rows: BenchRow[] = [];
      for (const r of await runScenarioM({ quick, progress })) {
        const d = r.duplicated;
        const cpu = `control plane ${d.planeCpuSeconds} CPU s, sandboxes ${d.hostCpuSeconds} CPU s`;
        rows.push(
          { metric: `${r.backend}: Works applied/s (${d.clusters} clusters × ${d.deployments} duplicated)`, value: d.worksPerSec, unit: "/s", target: ">= 1500", better: "higher", note: `${d.applied} Works in ${d.seconds} s; ${cpu}` },
          { metric: `${r.backend}: propagation p99, M burst (time to drain the backlog)`, value: d.p99Ms, unit: "ms", better: "lower", note: `${d.deployments} creates 16 at a time without pause; p50 ${d.p50Ms} ms` },
        );
        if (r.paced) {
          const p = r.paced;
          rows.push({ metric: `${r.backend}: propagation p99 during M (paced)`, value: p.p99Ms, unit: "ms", target: "< 1000", karmada: KARMADA.propagationP99PushMs, better: "lower", note: `${p.deployments} Deployments at ${p.ratePerSec}/s (${p.ratePerSec * p.worksPerDeployment} Works/s) on the system M's burst left; p50 ${p.p50Ms} ms, max ${p.maxMs} ms` });
        }
        rows.push(
          { metric: `${r.backend}: control plane peak RSS (M duplicated)`, value: d.peakRssMB, unit: "MB", better: "lower" },
        );
        if (r.divided) {
          const v = r.divided;
          rows.push(
            { metric: `${r.backend}: Works applied/s (${v.clusters} clusters × ${v.deployments} divided, dynamic weight, 2 regions)`, value: v.worksPerSec, unit: "/s", better: "higher", note: `${v.applied} Works in ${v.seconds} s; control plane ${v.planeCpuSeconds} CPU s` },
            { metric: `${r.backend}: propagation p99 (divided)`, value: v.p99Ms, unit: "ms", target: "< 1000", karmada: KARMADA.propagationP99PushMs, better: "lower", note: `p50 ${v.p50Ms} ms; peak RSS ${v.peakRssMB} MB` },
          );
        }
        if (r.error) rows.push({ metric: `${r.backend}: M divided`, value: 0, unit: "", note: r.error });
      }
      return rows;
    },
  },
  {
    name: "l",
    default: false,
    async run({ quick, progress }) {
      const { runScenarioL } = await import("./scale/scenario-l");
      const rows: BenchRow[] = [];
      for (const r of await runScenarioL({ quick, progress })) {
        const size = `${r.clusters} clusters × ${r.deployments} Deployments`;
        rows.push(
          { metric: `${r.backend}: L converge from empty (${size})`, value: r.convergeSeconds, unit: "s", better: "lower", note: `${r.works} Works; creating the Deployments took ${r.createSeconds} s; control plane ${r.convergeCpuSeconds} CPU s; ${r.sandboxHosts} sandbox host(s) ${r.sandboxCpuSeconds} CPU s, ${r.sandboxRssMB} MB` },
          { metric: `${r.backend}: L catch-up after SIGKILL`, value: r.catchUpSeconds, unit: "s", target: "< 60", better: "lower", note: `every binding and Work reconciled again, queues empty; READY after ${r.restartToReadySeconds} s; ${r.appliedAfterRestart}/${r.works} Applied` },
          { metric: `${r.backend}: control plane peak RSS at L`, value: r.peakRssMB, unit: "MB", target: "< 1536", better: "lower", note: `${r.peakRssSettledMB} MB once settled, ${r.peakRssBeforeKillMB} MB after listing every object; ${r.peakRssAfterRestartMB} MB after the restart; JS heap ${r.heapUsedMB} MB converged, ${r.heapUsedAfterCatchUpMB} MB caught up; ${r.outsideHeapMB} MB of RSS outside the heap${r.storeWasmMB ? ` (store thread: WASM ${r.storeWasmMB} MB, heap ${r.storeHeapMB} MB)` : ""}` },
          { metric: `${r.backend}: L catch-up CPU of the restarted plane`, value: r.catchUpCpuSeconds, unit: "s", better: "lower", note: `caches synced and workers running ${r.restartToLeadingSeconds} s after the restart; sandbox hosts ${r.sandboxCatchUpCpuSeconds} CPU s` },
          { metric: `${r.backend}: API GET p99 while L converges`, value: r.apiP99ConvergeMs, unit: "ms", better: "lower", note: `max ${r.apiMaxConvergeMs} ms; one request at a time, 250 ms apart` },
          { metric: `${r.backend}: API GET p99 while L catches up`, value: r.apiP99CatchUpMs, unit: "ms", better: "lower", note: `max ${r.apiMaxCatchUpMs} ms` },
        );
      }
      return rows;
    },
  },
  {
    name: "replicas",
    default: false,
    async run({ quick, progress }) {
      const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
      if (!serverUrl) return [{ metric: "replicas", value: 0, unit: "", note: "skipped: needs DATABASE_URL or TEST_DATABASE_URL (Postgres)" }];
      const { runHandover } = await import("./scale/replicas");
      const r = await runHandover({ serverUrl, deployments: quick ? 150 : 300, progress });
      const ok = r.missing.length === 0 && r.duplicateWorks === 0 && r.works === r.deployments * r.members;
      return [
        { metric: "leader hand-over after SIGKILL (Postgres)", value: r.handoverMs, unit: "ms", target: "< 15000", better: "lower", note: `lease 10 s; killed at ${r.appliedAtKill}/${r.deployments * r.members} Works` },
        { metric: "hand-over: kill → every Deployment on every member", value: r.finishMs, unit: "ms", better: "lower", note: ok ? `${r.works} Works, none lost or duplicated` : `LOST ${r.missing.length}, duplicated ${r.duplicateWorks}` },
      ];
    },
  },
);
