/**
 * Leading + trailing throttle: the first call runs at once, later calls within `ms` collapse into
 * one trailing call with the latest value. `flush` runs a waiting call now; `cancel` drops it.
 */
export type Throttled<T> = { (value: T): void; flush(): void; cancel(): void };

export function throttle<T>(fn: (value: T) => void, ms: number): Throttled<T> {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | undefined;
  const run = () => {
    timer = undefined;
    if (!waiting) return;
    const { value } = waiting;
    waiting = undefined;
    last = Date.now();
    fn(value);
  };
  const call = ((value: T) => {
    waiting = { value };
    const wait = last + ms - Date.now();
    if (wait <= 0 && timer === undefined) run();
    else timer ??= setTimeout(run, Math.max(0, wait));
  }) as Throttled<T>;
  call.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  call.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    waiting = undefined;
  };
  return call;
}
