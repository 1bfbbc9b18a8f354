import { hostname } from 'node:os';
import type { ClaimedJob, JobQueue } from '../../adapters/queue/job-queue.ts';
import type { Clock } from '../../core/ports.ts';
import { isAppError } from '../../core/shared/errors.ts';

export interface JobContext {
  job: ClaimedJob;
  now: Date;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

/** A failure that retrying cannot mend (bad payload, missing record): straight to dead letters. */
export class PermanentJobError extends Error {}

export interface WorkerOptions {
  concurrency: number;
  pollMs: number;
  leaseMs?: number;
  id?: string;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

/**
 * Runs jobs from the queue: claims as many as it has free slots, runs each handler, settles it.
 * `stop()` stops claiming and waits for running jobs, so Ctrl-C loses nothing; a worker that is
 * killed instead leaves its leases to run out and another worker takes the jobs again.
 */
export class Worker {
  readonly id: string;
  private readonly handlers = new Map<string, JobHandler>();
  private running = new Set<Promise<void>>();
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  processed = 0;
  failed = 0;

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly opts: WorkerOptions,
  ) {
    this.id = opts.id ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  }

  register(type: string, handler: JobHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Nudges an idle worker to look for jobs now (e.g. right after a request enqueued one). */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.loop;
    await Promise.allSettled([...this.running]);
    this.loop = null;
  }

  /** Runs every job that is due now, then returns (tests and the CLI use it). */
  async drain(maxRounds = 1000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.tick();
      await Promise.allSettled([...this.running]);
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await this.tick();
      } catch (e) {
        this.opts.log?.('worker: claim failed', { error: String(e) });
      }
      if (this.stopping) break;
      if (claimed === 0 || this.running.size >= this.opts.concurrency) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.running.size >= this.opts.concurrency ? 5 : this.opts.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  private async tick(): Promise<number> {
    const free = this.opts.concurrency - this.running.size;
    if (free <= 0) return 0;
    const jobs = await this.queue.claim(this.id, free, this.clock.now(), this.opts.leaseMs ?? 5 * 60_000);
    for (const job of jobs) {
      const p = this.execute(job).finally(() => {
        this.running.delete(p);
        this.poke();
      });
      this.running.add(p);
    }
    return jobs.length;
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.type);
    try {
      if (!handler) throw new PermanentJobError(`No handler for job type ${job.type}`);
      await handler({ job, now: this.clock.now() });
      await this.queue.complete(job, this.id, this.clock.now());
      this.processed++;
    } catch (e) {
      this.failed++;
      const permanent = e instanceof PermanentJobError || (isAppError(e) && ['invalid', 'not_found'].includes(e.kind));
      const message = e instanceof Error ? e.message : String(e);
      const outcome = await this.queue.fail(job, this.id, this.clock.now(), message, permanent);
      this.opts.log?.(`job ${job.type} ${job.id} failed (${outcome})`, { error: message, attempts: job.attempts });
    }
  }
}
