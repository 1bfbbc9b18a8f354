import { z } from 'zod';

export const IdParams = z.object({ id: z.string().min(1).max(100) });
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
