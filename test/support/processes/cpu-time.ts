import { readFileSync } from 'node:fs';

/**
 * The CPU time a process has used so far, in clock ticks (Linux /proc), or undefined where it
 * cannot be read. While it grows the process is working, however slowly a busy machine lets it.
 */
export function cpuTicksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime: fields 14 and 15, counted after the command name, which ends at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}
