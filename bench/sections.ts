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

/** The sections, in run order. Each file exports its own runner; this maps figures to rows. */
export const SECTIONS: BenchSection[] = [];
