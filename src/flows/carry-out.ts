/**
 * What every confirmed write (backup, protect, restore) does after its click is answered: show the "starting" card to
 * everyone, do the write, record its outcome with the pending action, and follow its job in the thread — or record the
 * failure and say it, with the error code and what to do. Nothing is left without a record.
 */
import { recordOutcome } from '../confirmations/pending';
import { reportError } from '../core/error-boundary';
import type { HandlerContext } from '../core/types';
import type { Card } from '../core/poster';
import { CodedError } from '../errors';
import type { TrackedJob } from '../jobs/tracked-job';

/** The job a write started, as the tracker needs it; the conversation, language and starter come from the click. */
export type StartedJob = Pick<TrackedJob, 'jobId' | 'vaultId' | 'operation' | 'vm' | 'details'>;

export interface Write {
  pendingId: string;
  startedCard: Card;
  /** Does the write; returns the job to follow, or a sentence to post when Azure reports no job. */
  run(): Promise<StartedJob | string>;
  /** The sentence for a failure, given the error boundary's explanation. */
  failed(reason: string): string;
  /** Names the operation in the logs. */
  operation: string;
}

export async function carryOut(ctx: HandlerContext, write: Write): Promise<void> {
  const { jobs, store, clock } = ctx.services;
  if (ctx.cardActivityId) await ctx.update(ctx.cardActivityId, { card: write.startedCard }).catch(() => undefined);
  try {
    const started = await write.run();
    if (typeof started === 'string') {
      await recordOutcome(store, write.pendingId, {});
      await ctx.send({ text: started });
      return;
    }
    await recordOutcome(store, write.pendingId, { jobId: started.jobId });
    await jobs.track({
      ...started,
      conversationId: ctx.conversation.id,
      locale: ctx.locale,
      startedBy: ctx.user,
      createdAt: clock.now(),
    });
  } catch (error) {
    await recordOutcome(store, write.pendingId, { error: error instanceof CodedError ? error.code : 'InternalError' });
    await ctx.send({ text: write.failed(reportError(ctx.log, ctx.msg, error, write.operation)) });
  }
}
