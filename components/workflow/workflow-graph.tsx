"use client";

import { useMemo } from "react";
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { Topology, TopologyNode } from "../../lib/kube/topology";
import { Badge } from "../ui/badge";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";
import { NODE_TYPE_TITLE, phaseTone } from "./phase-tone";
import { useElkLayout } from "./use-elk-layout";
import { useDarkMode } from "../editor/use-dark-mode";

type StepData = { node: TopologyNode; selected: boolean; failing: boolean; onSelect: (id: string) => void };

/** The name a node shows: the object's name, or the cluster for Work and member steps. */
export function nodeTitle(n: TopologyNode): string {
  if (n.type === "Work" || n.type === "MemberWorkload") return n.cluster;
  return n.ref?.name ?? "—";
}

function StepNode({ data }: NodeProps<Node<StepData>>) {
  const { node, selected, failing, onSelect } = data;
  const tone = phaseTone(node.state.phase);
  return (
    <div style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}>
      <Handle type="target" position={Position.Left} className="!bg-slate-400" />
      <button
        type="button"
        onClick={() => onSelect(node.id)}
        aria-pressed={selected}
        aria-label={`${NODE_TYPE_TITLE[node.type]} ${nodeTitle(node)}: ${node.state.label}`}
        data-phase={node.state.phase}
        className={`flex h-full w-full flex-col justify-between rounded-lg border bg-white px-3 py-2 text-left shadow-sm dark:bg-slate-900 ${
          failing ? "border-rose-500 ring-2 ring-rose-500" : selected ? "border-indigo-500 ring-2 ring-indigo-500" : "border-slate-300 dark:border-slate-700"
        }`}
      >
        <span className="text-[10px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{NODE_TYPE_TITLE[node.type]}</span>
        <span className="truncate text-sm font-medium">{nodeTitle(node)}</span>
        <Badge tone={tone} className="self-start">
          {node.state.label}
        </Badge>
      </button>
      <Handle type="source" position={Position.Right} className="!bg-slate-400" />
    </div>
  );
}

const NODE_TYPES = { step: StepNode };

/**
 * The workflow graph: one box per step (type, name, state as text and colour), edges labelled
 * with why they exist, laid out by ELK. The first failing step is outlined in red.
 */
export function WorkflowGraph({ topology, selectedId, onSelect }: { topology: Topology; selectedId?: string; onSelect: (id: string) => void }) {
  const positions = useElkLayout(topology);
  const dark = useDarkMode();
  const failingId = topology.firstFailure?.nodeId;
  // Remount when the layout moves nodes, so fitView frames the new positions (every node stays visible and clickable).
  const layoutKey = Object.entries(positions)
    .map(([id, p]) => `${id}:${Math.round(p.x)},${Math.round(p.y)}`)
    .join("|");
  const nodes = useMemo<Node<StepData>[]>(
    () =>
      topology.nodes.map((n) => ({
        id: n.id,
        type: "step",
        position: positions[n.id] ?? { x: 0, y: 0 },
        data: { node: n, selected: n.id === selectedId, failing: n.id === failingId, onSelect },
        draggable: false,
        selectable: false,
      })),
    [topology, positions, selectedId, failingId, onSelect],
  );
  const edges = useMemo<Edge[]>(
    () =>
      topology.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label,
        animated: topology.nodes.find((n) => n.id === e.target)?.state.phase === "Progressing",
        labelStyle: { fontSize: 10 },
      })),
    [topology],
  );
  return (
    <div role="group" aria-label="Workflow graph" className="h-[28rem] rounded-xl border border-slate-200 dark:border-slate-800">
      {/* onNodeClick also makes xyflow keep pointer events on non-draggable, non-selectable nodes. */}
      <ReactFlow key={layoutKey} fitViewOptions={{ padding: 0.1, minZoom: 0.2 }} minZoom={0.2} nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} colorMode={dark ? "dark" : "light"} fitView proOptions={{ hideAttribution: true }} nodesConnectable={false} onNodeClick={(_e, n) => onSelect(n.id)}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
