export const REGISTRY_VARIABLE: string;
export function recordChild(pid: number): void;
export function childrenStillAlive(file: string): number[];
