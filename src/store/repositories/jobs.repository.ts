import type { Kysely, Selectable } from 'kysely';
import { DEFAULT_MAX_ATTEMPTS, type Job, type JobState, type NewJob } from '../../domain/jobs/job.js';
import type { Database } from '../database.js';
import { skipLockedRows } from '../dialect/row-locks.js';
import type { JobsTable } from '../tables/jobs.table.js';

/** The durable job queue. Every change after a claim names the claim's token, so a worker
 * whose lease ran out (and whose job another worker now holds) cannot finish it twice. */
export class JobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(job: NewJob, now: Date): Promise<Job> {
    const row = await this.db
      .insertInto('jobs')
      .values({
        type: job.type,
        payload: JSON.stringify(job.payload ?? null),
        state: 'queued',
        attempts: 0,
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        run_at: (job.runAt ?? now).getTime(),
        lease_until: null,
        locked_by: null,
        last_error: null,
        created_at: now.getTime(),
        modified_at: now.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toJob(row);
  }

  /**
   * Takes the next job that is due, or whose worker's lease has run out, in one statement:
   * it becomes "running" under `token` until `now + leaseMs`, and its attempt is counted.
   */
  async claimNext(token: string, now: Date, leaseMs: number): Promise<Job | null> {
    const at = now.getTime();
    const next = skipLockedRows(
      this.db,
      this.db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', at)]),
            eb.and([eb('state', '=', 'running'), eb('lease_until', '<=', at)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(1),
    );
    const row = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        lease_until: at + leaseMs,
        locked_by: token,
        modified_at: at,
      }))
      .where('id', '=', next)
      .returningAll()
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** Keeps a long job's lease alive; false when the claim was lost. */
  async extendLease(id: number, token: string, leaseUntil: Date): Promise<boolean> {
    return this.changeHeld(id, token, { lease_until: leaseUntil.getTime() });
  }

  async complete(id: number, token: string, now: Date): Promise<boolean> {
    return this.changeHeld(id, token, { state: 'done', lease_until: null, locked_by: null, modified_at: now.getTime() });
  }

  /** Back in the queue at `runAt`, with the reason this attempt failed. */
  async retryLater(id: number, token: string, error: string, runAt: Date, now: Date): Promise<boolean> {
    return this.changeHeld(id, token, {
      state: 'queued',
      run_at: runAt.getTime(),
      lease_until: null,
      locked_by: null,
      last_error: error,
      modified_at: now.getTime(),
    });
  }

  async fail(id: number, token: string, error: string, now: Date): Promise<boolean> {
    return this.changeHeld(id, token, {
      state: 'failed',
      lease_until: null,
      locked_by: null,
      last_error: error,
      modified_at: now.getTime(),
    });
  }

  /** A worker shutting down hands its job back; the interrupted run does not count as an attempt. */
  async release(id: number, token: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'queued',
        attempts: eb('attempts', '-', 1),
        run_at: now.getTime(),
        lease_until: null,
        locked_by: null,
        modified_at: now.getTime(),
      }))
      .where('id', '=', id)
      .where('locked_by', '=', token)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async findById(id: number): Promise<Job | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async countByState(state: JobState): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', state)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async changeHeld(
    id: number,
    token: string,
    values: Partial<Pick<Selectable<JobsTable>, 'state' | 'run_at' | 'lease_until' | 'locked_by' | 'last_error' | 'modified_at'>>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set(values)
      .where('id', '=', id)
      .where('locked_by', '=', token)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state as JobState,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: new Date(row.run_at),
    leaseUntil: row.lease_until === null ? null : new Date(row.lease_until),
    lockedBy: row.locked_by,
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    modifiedAt: new Date(row.modified_at),
  };
}
