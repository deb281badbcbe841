import { describe, expect, it } from 'vitest';
import { flush, notifierRig } from './notifier-fakes.js';

describe('Notifier with nothing to notify', () => {
  it('asks tmux nothing when there is neither a desktop server nor a command', async () => {
    let asked = 0;
    const rig = notifierRig({}, { desktop: null, command: null, inView: () => Promise.resolve(++asked > 0) });
    rig.hook('02-UserPromptSubmit');
    rig.hook('03-PreToolUse');
    rig.hook('04-PermissionRequest');
    await flush();
    expect(asked).toBe(0);
  });
});
