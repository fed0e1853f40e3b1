// Type shim for odex 2.0.4 (CJS, ships .ts sources that fail under strict); mapped through tsconfig "paths".
export declare enum Outcome { Converged = 0, MaxStepsExceeded = 1, EarlyReturn = 2 }
export type Derivative = (x: number, y: number[]) => number[] | Float64Array;
export type OutputFunction = (nr: number, xold: number, x: number, y: number[], dense?: (c: number, x: number) => number) => boolean | void;
export interface SolveResult { y: number[]; outcome: Outcome; nStep: number; xEnd: number; nAccept: number; nReject: number; nEval: number }
export declare class Solver {
  constructor(n: number);
  absoluteTolerance: number | number[];
  relativeTolerance: number | number[];
  maxSteps: number;
  initialStepSize: number;
  maxStepSize: number;
  maxExtrapolationColumns: number;
  denseOutput: boolean;
  denseComponents: number[];
  solve(f: Derivative, x0: number, y0: number[], xEnd: number, solOut?: OutputFunction): SolveResult;
  grid(dt: number, out: (x: number, y: number[]) => boolean | void): OutputFunction;
}
