/**
 * A handle on an Azure simulator running in another process (the test's), for a bot process: `startApp` only needs
 * where it listens, the certificate to trust and the subscription id. Requests, faults and the estate stay with the
 * process that owns the simulator; asking this handle for them is a test bug, so it says so.
 */
import type { Estate, Simulator } from '../../src/simulator';

export function remoteSimulator(where: { url: string; ca: string; subscriptionId: string }): Simulator {
  for (const [name, value] of Object.entries(where))
    if (!value) throw new Error(`remote simulator: ${name} is missing`);
  const elsewhere = (what: string) => new Error(`the simulator's ${what} live in the test process that started it`);
  return {
    ...where,
    requests: [],
    faults: {
      add: () => {
        throw elsewhere('faults');
      },
      clear: () => undefined,
    },
    get estate(): Estate {
      throw elsewhere('estate');
    },
    // Owned by the test process: a bot process never stops it.
    close: async () => undefined,
  };
}
