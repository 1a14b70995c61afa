/**
 * backupJobs.list (with the real `$filter` grammar) and jobDetails.get, newest job first. The list comes in pages
 * (`SimulatorOptions.jobPageSize`), each but the last with a `nextLink` (the full URL with api-version, as ARM gives
 * it; the SDK follows it as is) carrying `$skipToken`, the parameter the operation's spec names. How many jobs Azure
 * puts in a page is not documented; the bot reads the pages one at a time whatever their size.
 */
import { ArmError, ok } from '../arm';
import { parseJobFilter } from '../jobs/filter';
import { jobView } from '../jobs/progress';
import { jobListItem, jobPayload } from '../payloads/jobs';
import { type Route, route } from '../router';
import { VAULT, vaultOf } from './backup-common';

export const backupJobRoutes: Route[] = [
  route('GET', `${VAULT}/backupJobs`, (ctx) => {
    const vault = vaultOf(ctx);
    const f = parseJobFilter(ctx.query['$filter']);
    const jobs = vault.jobs
      .filter(
        (j) =>
          (f.startTime === undefined || j.startTime >= f.startTime) &&
          (f.endTime === undefined || j.startTime <= f.endTime),
      )
      .filter((j) => !f.operation || j.operation === f.operation)
      .filter(() => !f.backupManagementType || f.backupManagementType === 'AzureIaasVM')
      .filter((j) => !f.status || jobView(j, ctx.now, ctx.timings).status === f.status)
      .sort((a, b) => b.startTime - a.startTime || (a.name < b.name ? -1 : 1));
    const from = Number(ctx.query['$skipToken'] ?? 0);
    if (!Number.isInteger(from) || from < 0)
      throw new ArmError(400, 'BMSUserErrorInvalidSkipToken', `Invalid $skipToken '${ctx.query['$skipToken']}'.`);
    const page = jobs.slice(from, from + ctx.jobPageSize);
    const rest = from + page.length < jobs.length;
    const query = new URLSearchParams({ ...ctx.query, $skipToken: String(from + page.length) });
    return ok({
      value: page.map((j) => jobListItem(vault, j, jobView(j, ctx.now, ctx.timings))),
      ...(rest ? { nextLink: `${ctx.baseUrl}${vault.id}/backupJobs?${query.toString()}` } : {}),
    });
  }),
  route('GET', `${VAULT}/backupJobs/{job}`, (ctx) => {
    const vault = vaultOf(ctx);
    const job = vault.jobs.find((j) => j.name.toLowerCase() === ctx.params.job.toLowerCase());
    if (!job)
      throw new ArmError(404, 'ResourceNotFound', `Job '${ctx.params.job}' was not found in vault '${vault.name}'.`);
    return ok(jobPayload(vault, job, ctx.now, ctx.timings));
  }),
];
