import { z } from 'zod';
import { configSchema } from '../../platform/config-schema.js';
import { COMMAND_TABLE } from '../command-table.js';
import { COMPLETION_FILES, COMPLETION_SHELLS, renderCompletion } from '../completion/render-completion.js';
import { renderAtmPage } from './atm-page.js';
import { readConfigDoc, renderConfigPage, type SchemaNode } from './config-page.js';

/** The date on the generated pages: set when a release changes them, so regenerating is stable. */
export const PAGE_DATE = '2026-12-06';

/**
 * Every file derived from the command table and the config schema, by path from the repository
 * root. `npm run generate` writes them; test/unit/cli/generated-files.test.ts fails when a
 * checked-in copy differs, so they cannot drift.
 */
export function renderGeneratedFiles(inputs: {
  readonly configDoc: string;
  readonly version: string;
}): Map<string, string> {
  const info = { version: inputs.version, date: PAGE_DATE };
  const files = new Map<string, string>();
  for (const shell of COMPLETION_SHELLS) files.set(COMPLETION_FILES[shell], renderCompletion(shell, COMMAND_TABLE));
  files.set('man/atm.1', renderAtmPage(COMMAND_TABLE, info));
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as SchemaNode;
  files.set('man/atm.conf.5', renderConfigPage(schema, readConfigDoc(inputs.configDoc), info));
  return files;
}
