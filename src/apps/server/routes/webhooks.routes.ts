import type { Deps } from '../../../compose.ts';
import type { AnyRoute } from '../route.ts';

/** Inbound webhooks (platforms, carriers). Each verifies its signature over the raw body. */
export function webhookRoutes(_deps: Deps): AnyRoute[] {
  return [];
}
