// Types of ensure-built.mjs for the TypeScript callers (the vitest global setup).
export declare const root: string;
export declare function ensureNodeBuild(opts?: { types?: boolean; log?: (line: string) => void }): string[];
export declare function canBuild(): boolean;
