export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The 50th, 95th and 99th percentiles of some timings (nearest rank), to 0.1 ms. */
export function percentiles(ms: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (share: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
