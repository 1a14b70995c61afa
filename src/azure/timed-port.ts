/**
 * How long a turn waited on Azure: a view of the port that times every call made through it. Calls that overlap count
 * once (the time with at least one call open), so `ms` is the turn's wall-clock time in Azure, SDK work included.
 * The turn's log line carries it, which tells a slow turn spent in Azure from one spent in the bot.
 */
import type { AzurePort } from './port';

export interface AzureTime {
  ms: number;
  calls: number;
}

export function timedPort(
  port: AzurePort,
  now: () => number = () => performance.now(),
): { port: AzurePort; spent: () => AzureTime } {
  let ms = 0;
  let calls = 0;
  let open = 0;
  let since = 0;
  const settled = () => {
    if (--open === 0) ms += now() - since;
  };
  const wrapped = new Map<PropertyKey, unknown>();
  const view = new Proxy(port, {
    get(target, name, receiver) {
      const method: unknown = Reflect.get(target, name, receiver);
      if (typeof method !== 'function') return method;
      let timed = wrapped.get(name);
      if (!timed) {
        // Every port method is async: one that throws at once rejects like the rest, and is timed like them.
        timed = async (...args: unknown[]) => {
          calls++;
          if (open++ === 0) since = now();
          try {
            return (await method.apply(target, args)) as unknown;
          } finally {
            settled();
          }
        };
        wrapped.set(name, timed);
      }
      return timed;
    },
  });
  return { port: view, spent: () => ({ ms: open ? ms + now() - since : ms, calls }) };
}
