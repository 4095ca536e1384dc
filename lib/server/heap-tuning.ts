import v8 from "node:v8";

/**
 * V8 sizes the next heap limit as the live set times a factor it picks from GC speed, up to 4×
 * when the control plane allocates fast (a catch-up lists and rewrites every object). The live
 * set is a few hundred MB at Karmada's scale, so the process grew to several times that in
 * garbage it had not yet collected. A fixed, smaller factor trades some GC time for a bounded
 * RSS (FLOTILLA_HEAP_GROWING_PERCENT; 0 keeps V8's own choice).
 */
export function tuneHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
