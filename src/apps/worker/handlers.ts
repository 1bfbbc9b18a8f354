import type { Deps } from '../../compose.ts';
import type { Worker } from './worker.ts';

/** Registers every job type the platform runs. Each capability adds its handlers here. */
export function registerHandlers(worker: Worker, _deps: Deps): Worker {
  return worker;
}
