/** backupJobs.list (with the real `$filter` grammar) and jobDetails.get, newest job first. */
import { ArmError, ok } from '../arm';
import { parseJobFilter } from '../jobs/filter';
import { jobView } from '../jobs/progress';
import { jobPayload } from '../payloads/jobs';
import { type Route, route } from '../router';
import { VAULT, vaultOf } from './backup-common';

export const backupJobRoutes: Route[] = [
  route('GET', `${VAULT}/backupJobs`, (ctx) => {
    const vault = vaultOf(ctx);
    const f = parseJobFilter(ctx.query['$filter']);
    const jobs = vault.jobs
      .filter((j) => (f.startTime === undefined || j.startTime >= f.startTime) && (f.endTime === undefined || j.startTime <= f.endTime))
      .filter((j) => !f.operation || j.operation === f.operation)
      .filter((j) => !f.backupManagementType || f.backupManagementType === 'AzureIaasVM')
      .filter((j) => !f.status || jobView(j, ctx.now, ctx.timings).status === f.status)
      .sort((a, b) => b.startTime - a.startTime);
    return ok({ value: jobs.map((j) => jobPayload(vault, j, ctx.now, ctx.timings)) });
  }),
  route('GET', `${VAULT}/backupJobs/{job}`, (ctx) => {
    const vault = vaultOf(ctx);
    const job = vault.jobs.find((j) => j.name.toLowerCase() === (ctx.params.job as string).toLowerCase());
    if (!job) throw new ArmError(404, 'ResourceNotFound', `Job '${ctx.params.job}' was not found in vault '${vault.name}'.`);
    return ok(jobPayload(vault, job, ctx.now, ctx.timings));
  }),
];
