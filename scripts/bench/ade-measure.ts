/**
 * The ADE report's measures, run inside the bot's process (bot-child.ts): `adeReport` — the report as `ade report`
 * builds it (the fleet lists, the report, its summary card) and the first page "Show all" renders, timed, with the
 * process's peak memory sampled every 2 ms (then every page, untimed, for the largest card); `adeNaive` — the baseline,
 * a naive reader that reads each VM on its own through the same Azure
 * port (the VM with its instance view and each disk, where it is protected and the item, its recovery points, and the
 * Key Vault of its keys), on every `every`-th VM, 32 at a time.
 */
import type { App } from '../../src/app';
import { adeReportCard } from '../../src/cards/ade-report-card';
import { adeReportPageCard, pageCount } from '../../src/cards/ade-report-page-card';
import { messages } from '../../src/i18n';
import { buildReport } from '../../src/migration/fleet-report';
import { readFleet } from '../../src/migration/read-fleet';

function sampling(): { stop(): Record<string, number> } {
  const peak: Record<string, number> = {};
  const sample = () => {
    for (const [k, v] of Object.entries(process.memoryUsage())) peak[k] = Math.max(peak[k] ?? 0, v);
  };
  const timer = setInterval(sample, 2);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

export function adeCalls(app: App) {
  const { azure, config, clock } = app.services;
  return {
    async adeReport() {
      const memory = sampling();
      const started = performance.now();
      const fleet = await readFleet(azure, config.recoveryVaultIds);
      const read = performance.now() - started;
      const { report } = buildReport(fleet, [], clock.now());
      const m = messages('en');
      // What `ade report` sends (the summary) and what one "Show all" click renders (a page).
      const summary = adeReportCard(m, 'en', report);
      const first = adeReportPageCard(m, 'en', report, 1);
      const ms = performance.now() - started;
      const peak = memory.stop();
      // Every page, only to find the largest card (outside the measured time and memory).
      let largest = Math.max(Buffer.byteLength(JSON.stringify(summary)), Buffer.byteLength(JSON.stringify(first)));
      for (let page = 2; page <= pageCount(report); page++)
        largest = Math.max(largest, Buffer.byteLength(JSON.stringify(adeReportPageCard(m, 'en', report, page))));
      return {
        ms,
        readMs: read,
        peak,
        vms: report.vmCount,
        ade: report.adeCount,
        pages: pageCount(report),
        largestCardBytes: largest,
        keyHolds: report.keyHolds.length,
      };
    },

    async adeNaive(args: { every: number }) {
      const started = performance.now();
      const vms = (await azure.listVms()).filter((_, i) => i % args.every === 0);
      const queue = [...vms];
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          for (let ref = queue.shift(); ref; ref = queue.shift()) {
            const vm = await azure.getVm(ref);
            const protection = await azure.getProtection(ref);
            if (protection) await azure.listRecoveryPoints(protection);
            if (vm.ade) await azure.getKeyVault(vm.ade.secretVaultId);
          }
        }),
      );
      return { ms: performance.now() - started, vms: vms.length };
    },
  };
}
