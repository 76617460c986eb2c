import { readdirSync, readFileSync } from "node:fs";

/** The resident memory, in MB, of a process and all its descendants (Linux /proc). */
export function processTreeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rssKb = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rssKb.set(pid, Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    total += rssKb.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return Math.round(total / 1024);
}
