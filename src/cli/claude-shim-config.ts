import type { ShimConfig } from '../integrations/claude/shim/shim-script.js';
import type { Transport } from '../integrations/claude/shim/shim-transport.js';
import { PACKAGE_VERSION } from '../platform/package-info.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import { toFallbackSocket, type ClaudeSetupContext } from './claude-setup-context.js';

/** What this atm bakes into the shim for `transport` (setup writes it; --check compares with it). */
export const toShimConfig = (ctx: ClaudeSetupContext, transport: Transport): ShimConfig => ({
  transport,
  nodePath: ctx.nodePath,
  atmMain: ctx.atmMain,
  fallbackSocket: toFallbackSocket(ctx),
  atmVersion: PACKAGE_VERSION,
  protocolVersion: PROTOCOL_VERSION,
});
