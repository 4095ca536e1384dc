import type { ElkNode } from "elkjs/lib/elk-api";
import { NODE_TYPE_ORDER, type Topology, type TopologyNode } from "../../lib/kube/topology";

/** Size of every node box in the graph, in pixels (the layout and the renderer share it). */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;
const COLUMN_GAP = 70;
const ROW_GAP = 24;

export interface Point {
  x: number;
  y: number;
}

/** Positions by node id. */
export type Positions = Record<string, Point>;

/**
 * The chain column of a node: template, policies (propagation and override share one), binding,
 * Works, members. Keeps the story reading left to right whatever the layout engine does.
 */
export function columnOf(node: Pick<TopologyNode, "type">): number {
  const i = NODE_TYPE_ORDER.indexOf(node.type);
  return node.type === "OverridePolicy" ? NODE_TYPE_ORDER.indexOf("PropagationPolicy") : i > NODE_TYPE_ORDER.indexOf("OverridePolicy") ? i - 1 : i;
}

/**
 * A deterministic column layout, used before ELK answers (and where it cannot run): one column
 * per chain step, nodes stacked in their order and each column centred on the tallest.
 */
export function columnLayout(topology: Pick<Topology, "nodes">): Positions {
  const columns = new Map<number, TopologyNode[]>();
  for (const n of topology.nodes) {
    const c = columnOf(n);
    columns.set(c, [...(columns.get(c) ?? []), n]);
  }
  const tallest = Math.max(0, ...[...columns.values()].map((ns) => ns.length));
  const height = (count: number) => count * NODE_HEIGHT + Math.max(0, count - 1) * ROW_GAP;
  const out: Positions = {};
  for (const [c, ns] of columns) {
    const offset = (height(tallest) - height(ns.length)) / 2;
    ns.forEach((n, i) => (out[n.id] = { x: c * (NODE_WIDTH + COLUMN_GAP), y: offset + i * (NODE_HEIGHT + ROW_GAP) }));
  }
  return out;
}

/** The ELK input graph: layered, left to right, nodes pinned to their chain column as layers. */
export function toElkGraph(topology: Topology): ElkNode {
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.spacing.nodeNode": String(ROW_GAP),
      "elk.layered.spacing.nodeNodeBetweenLayers": String(COLUMN_GAP),
      "elk.layered.layering.strategy": "INTERACTIVE",
      "elk.layered.crossingMinimization.semiInteractive": "true",
    },
    children: topology.nodes.map((n, i) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      // Interactive layering reads the initial x; seeding it with the column keeps chain order.
      x: columnOf(n) * (NODE_WIDTH + COLUMN_GAP),
      y: i,
      layoutOptions: { "elk.position": `(${columnOf(n) * (NODE_WIDTH + COLUMN_GAP)},${i})` },
    })),
    edges: topology.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

/** Reads node positions from ELK's answer; nodes ELK did not place keep the column layout. */
export function positionsFromElk(result: ElkNode, fallback: Positions): Positions {
  const out: Positions = { ...fallback };
  for (const child of result.children ?? []) if (child.x !== undefined && child.y !== undefined) out[child.id] = { x: child.x, y: child.y };
  return out;
}
