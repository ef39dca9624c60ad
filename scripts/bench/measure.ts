/** What every bench part measures with: a median, and a stopwatch around a call. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** The call's result and how long it took, in ms. */
export function timed<T>(f: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const r = f();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

/** The same for a call that may return a promise: the time runs until it settles. */
export async function timedAsync<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}
