import { displayPath, loadConfig } from '../../platform/config.js';
import { AtmError, describeError } from '../../shared/errors.js';
import { fail, pass, type DoctorCheck } from './doctor-check.js';

/**
 * atm's own config file, read exactly as atmd reads it. atmd refuses to start on a bad one, so
 * without this line every check that needs atmd fails with advice ("atm daemon start") that fails
 * on the same file.
 */
export async function checkConfig(
  configDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DoctorCheck> {
  try {
    const { file } = await loadConfig({ configDir, env });
    return pass('config', file === null ? 'no config file: the defaults' : `${displayPath(file, env.HOME)} is valid`);
  } catch (error) {
    if (error instanceof AtmError) return fail('config', error.message, error.hint ?? 'fix the file (docs/CONFIG.md)');
    return fail('config', `could not read the config: ${describeError(error)}`, 'check the file (docs/CONFIG.md)');
  }
}
