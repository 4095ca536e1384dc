"use client";

import { useEffect, useMemo, useState } from "react";
import type { Topology } from "../../lib/kube/topology";
import { columnLayout, positionsFromElk, toElkGraph, type Positions } from "./layout";

/**
 * Node positions for a topology: the column layout at once, then ELK's layered layout when it
 * has run (loaded lazily, bundled, in the main thread: graphs here have tens of nodes). Only a
 * change of nodes or edges re-runs ELK; state changes keep positions stable.
 */
export function useElkLayout(topology: Topology | undefined): Positions {
  const shape = topology ? JSON.stringify([topology.nodes.map((n) => n.id), topology.edges.map((e) => e.id)]) : "";
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the shape string is the dependency
  const fallback = useMemo(() => (topology ? columnLayout(topology) : {}), [shape]);
  const [elk, setElk] = useState<{ shape: string; positions: Positions }>();
  useEffect(() => {
    if (!topology) return;
    let cancelled = false;
    import("elkjs/lib/elk.bundled.js")
      .then(({ default: ELK }) => new ELK().layout(toElkGraph(topology)))
      .then((result) => {
        if (!cancelled) setElk({ shape, positions: positionsFromElk(result, fallback) });
      })
      .catch(() => {
        // The column layout is already on screen and readable; ELK is an improvement, not a need.
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-run only when the shape changes
  }, [shape]);
  return elk?.shape === shape ? elk.positions : fallback;
}
