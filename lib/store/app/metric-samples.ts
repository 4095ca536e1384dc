import type { MetricSample, PrismaClient } from "@prisma/client";

/** One cluster's capacity at one time. CPU in cores, memory in bytes, pods as counts. */
export interface MetricSampleInput {
  cluster: string;
  time: Date;
  ready: boolean;
  cpuAllocatable: number;
  cpuAllocated: number;
  memoryAllocatable: number;
  memoryAllocated: number;
  podsAllocatable: number;
  podsAllocated: number;
}

export async function appendMetricSamples(prisma: PrismaClient, samples: MetricSampleInput[]): Promise<number> {
  if (samples.length === 0) return 0;
  return (await prisma.metricSample.createMany({ data: samples })).count;
}

/** Samples of one cluster with from <= time < to, oldest first. */
export async function queryMetricSamples(prisma: PrismaClient, q: { cluster: string; from: Date; to: Date }): Promise<MetricSample[]> {
  return prisma.metricSample.findMany({ where: { cluster: q.cluster, time: { gte: q.from, lt: q.to } }, orderBy: { time: "asc" } });
}

/** Retention: drops samples older than `before`, returns how many. */
export async function pruneMetricSamples(prisma: PrismaClient, before: Date): Promise<number> {
  return (await prisma.metricSample.deleteMany({ where: { time: { lt: before } } })).count;
}
