import { z } from 'zod';
import { listMessages } from '../../../app/messages.ts';
import type { Message } from '../../../core/notify/message.types.ts';
import type { Deps } from '../../../compose.ts';
import { defineRoute } from '../route.ts';
import { PageQuery } from './common.ts';

/** A message as the API shows it: what, to whom, how it went, and what it said. */
export function presentMessage(m: Message) {
  return {
    id: m.id,
    trigger: m.trigger,
    channel: m.channel,
    recipient: m.recipient,
    locale: m.locale,
    orderId: m.orderId,
    shipmentId: m.shipmentId,
    customerId: m.customerId,
    status: m.status,
    reason: m.reason,
    subject: m.subject,
    text: m.bodyText,
    html: m.bodyHtml,
    attempts: m.attempts,
    sendAt: m.sendAt,
    sentAt: m.sentAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

export function messageRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/messages',
      tag: 'messages',
      summary: "The message log of an order or a customer, oldest first: status (with the reason when suppressed or failed), rendered content and timestamps",
      query: PageQuery.extend({ orderId: z.string().min(1).max(100).optional(), customerId: z.string().min(1).max(100).optional() }).refine(
        (q) => Boolean(q.orderId) !== Boolean(q.customerId),
        { message: 'Give exactly one of orderId and customerId', path: ['orderId'] },
      ),
      handler: async ({ store, query }) => {
        const page = await listMessages(deps, store.id, { orderId: query.orderId, customerId: query.customerId }, query.limit, query.cursor ?? null);
        return { items: page.items.map(presentMessage), nextCursor: page.nextCursor };
      },
    }),
  ];
}
