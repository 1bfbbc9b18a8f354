import { AppError } from '../../../core/shared/errors.ts';
import type { Deps } from '../../../compose.ts';
import { defineRoute } from '../route.ts';
import { IdParams } from './common.ts';

export function jobRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/jobs/dead',
      tag: 'jobs',
      summary: 'Jobs that kept failing (dead letters), newest first',
      handler: async ({ store }) => ({ items: await deps.queue.listDead(store.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/jobs/:id/retry',
      tag: 'jobs',
      summary: 'Put a dead job back in the queue',
      params: IdParams,
      handler: async ({ store, params }) => {
        if (!(await deps.queue.retryDead(store.id, params.id, deps.clock.now()))) throw new AppError('NOT_FOUND', 'No dead job with that id in this store.');
        return { id: params.id, status: 'pending' };
      },
    }),
  ];
}
