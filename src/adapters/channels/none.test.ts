import { describe, expect, it } from 'vitest';
import { ChannelNotConfiguredError, isChannelNotConfigured, PermanentChannelError } from '../../core/notify/channel.ts';
import { createNoChannel } from './none.ts';

describe('no channel configured', () => {
  it('never sends and says so with a permanent not_configured error', async () => {
    const err = await createNoChannel().send({ id: 'msg_1', channel: 'email', to: 'a@example.jp', text: 'hi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelNotConfiguredError);
    expect(err).toBeInstanceOf(PermanentChannelError);
    expect(isChannelNotConfigured(err)).toBe(true);
    expect(err).toMatchObject({ reason: 'not_configured', channel: 'email', message: 'not sent: no email channel configured' });
  });
});
