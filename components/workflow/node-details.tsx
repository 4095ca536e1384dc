"use client";

import { useState } from "react";
import type { KubeObject } from "../../lib/kube/types";
import type { TopologyNode } from "../../lib/kube/topology";
import type { TimelineEntry } from "../../lib/console/workflow/timeline";
import { ConditionList } from "../resource/condition-list";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { Tabs } from "../ui/tabs";
import { YamlEditor } from "../editor/yaml-editor";
import { NODE_TYPE_TITLE, phaseTone } from "./phase-tone";
import { PropagationTimeline } from "./propagation-timeline";
import { objectYaml } from "./object-yaml";
import { nodeTitle } from "./workflow-graph";

/** The selected step: its state and reason, then its conditions, events and YAML in tabs. */
export function NodeDetails({ node, object, events }: { node: TopologyNode; object?: KubeObject; events: readonly TimelineEntry[] }) {
  const [tab, setTab] = useState("conditions");
  return (
    <Card title={`${NODE_TYPE_TITLE[node.type]} ${nodeTitle(node)}`}>
      <div className="mb-3 space-y-1 text-sm">
        <Badge tone={phaseTone(node.state.phase)}>{node.state.phase}</Badge> <span className="font-medium">{node.state.label}</span>
        {node.state.reason && <p>Reason: {node.state.reason}</p>}
        {node.state.message && <p className="text-slate-600 dark:text-slate-300">{node.state.message}</p>}
        {node.type === "ResourceBinding" && node.clusters.length > 0 && <p>Clusters: {node.clusters.map((c) => `${c.name}${c.replicas !== undefined ? ` (${c.replicas})` : ""}`).join(", ")}</p>}
      </div>
      <Tabs
        label="Step details"
        value={tab}
        onChange={setTab}
        items={[
          { id: "conditions", label: "Conditions", content: <ConditionList conditions={node.conditions} label={`Conditions of ${nodeTitle(node)}`} /> },
          { id: "events", label: "Events", content: <PropagationTimeline entries={events} /> },
          { id: "yaml", label: "YAML", content: object ? <YamlEditor label={`YAML of ${nodeTitle(node)}`} value={objectYaml(object)} readOnly /> : <p className="text-sm text-slate-500">This step has no object yet.</p> },
        ]}
      />
    </Card>
  );
}
