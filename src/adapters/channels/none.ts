import { ChannelNotConfiguredError, type Channel, type ChannelKind, type ChannelResult, type OutboundMessage } from '../../core/notify/channel.ts';

/**
 * The channel used when none is configured (the embedded default): it never sends and says so with
 * a `ChannelNotConfiguredError` (a permanent error, reason `not_configured`), which the engine
 * records as "not sent: no channel configured". Messages are still rendered and logged, never
 * silently dropped.
 */
export function createNoChannel(kind?: ChannelKind): Channel {
  return {
    name: 'none',
    async send(message: OutboundMessage): Promise<ChannelResult> {
      throw new ChannelNotConfiguredError(kind ?? message.channel);
    },
  };
}
