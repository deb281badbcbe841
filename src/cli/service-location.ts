import { sep } from 'node:path';

/**
 * Why a file may not be named in a unit or agent, or null: a service outlives the shell that
 * installed it, so node and atmd must not live where they vanish (a temp dir, npx's cache). Pure.
 */
export function findUnstableLocation(
  files: readonly string[],
  tempDirs: readonly string[],
): { file: string; why: string } | null {
  for (const file of files) {
    if (file.includes(`${sep}_npx${sep}`)) return { file, why: "is in npx's cache, which npm clears" };
    const temp = tempDirs.find(
      (dir) => dir !== '' && (file === dir || file.startsWith(`${dir.replace(/\/+$/, '')}${sep}`)),
    );
    if (temp !== undefined) return { file, why: `is in the temporary directory ${temp}` };
  }
  return null;
}
