/** How long one step took and how many rows went in and came out. */
export interface StepTiming {
  step: string;
  durationMs: number;
  rowsIn: number;
  rowsOut: number;
}
