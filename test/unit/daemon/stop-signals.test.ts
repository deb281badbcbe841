import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { catchStopSignals } from '../../../src/daemon/stop-signals.js';

/** An EventEmitter stands in for the process: signals are delivered by emitting them. */
describe('catchStopSignals', () => {
  it('resolves with the first stop signal and counts the later ones without acting on them', async () => {
    const fakeProcess = new EventEmitter();
    const caught = catchStopSignals(fakeProcess as unknown as NodeJS.Process);
    fakeProcess.emit('SIGHUP');
    fakeProcess.emit('SIGTERM');
    fakeProcess.emit('SIGINT');
    expect(await caught.first).toBe('SIGHUP');
    expect(caught.repeats).toBe(2);
    expect(fakeProcess.listenerCount('SIGTERM')).toBe(1); // still caught: a repeat must not kill
  });
});
