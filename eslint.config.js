// Type-checked ESLint. The import rules below enforce the dependency direction of STYLE.md:
// shared <- domain <- protocol <- {daemon, client} <- {tui, cli}, one library per adapter file;
// platform and integrations depend on no feature, and agents stay behind their port. Import
// cycles are caught by test/unit/architecture/import-cycles.test.ts (see there for why a test).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapterOnly = (pkg, file) => ({ name: pkg, message: `only ${file} may import ${pkg}` });
const libraries = [
  adapterOnly('terminal-kit', 'src/tui/terminal-kit-screen.ts'),
  adapterOnly('winston', 'src/platform/winston-logger.ts'),
  adapterOnly('winston-daily-rotate-file', 'src/platform/winston-logger.ts'),
  adapterOnly('cosmiconfig', 'src/platform/cosmiconfig-config-source.ts'),
  adapterOnly('dbus-next', 'its one adapter in src/integrations/dbus'),
];
const pureFolders = ['src/shared/**', 'src/domain/**', 'src/protocol/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/**/*.mjs', '.ci/**', 'test/e2e/claude/cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: libraries }],
    },
  },
  {
    files: pureFolders,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libraries,
          patterns: [
            { group: ['node:*'], message: 'the functional core does no IO: keep Node APIs at the edges' },
            {
              group: ['**/platform/**', '**/daemon/**', '**/client/**', '**/tui/**', '**/cli/**', '**/integrations/**'],
              message: 'the core may not depend on outer layers',
            },
          ],
        },
      ],
    },
  },
  {
    // The daemon reads agents only through the agent port; the composition root registers them.
    files: ['src/daemon/**'],
    ignores: ['src/daemon/run-daemon.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libraries,
          patterns: [
            { group: ['**/tui/**', '**/cli/**'], message: 'the daemon never imports the UI' },
            {
              group: ['**/integrations/claude/**'],
              message: 'agents sit behind src/integrations/agent-integration.ts; only run-daemon.ts registers them',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libraries,
          patterns: [
            {
              group: ['**/daemon/**', '**/tui/**', '**/cli/**', '**/integrations/**'],
              message: 'the client (loaded by every hook) knows only the protocol: no daemon, UI or integration code',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libraries,
          patterns: [
            {
              group: ['**/daemon/**', '**/client/**', '**/tui/**', '**/cli/**', '**/integrations/**'],
              message: 'platform adapters serve everyone and depend on no feature',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/integrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libraries,
          patterns: [
            { group: ['**/client/**', '**/tui/**', '**/cli/**'], message: 'an integration never imports a front end' },
          ],
        },
      ],
      // An adapter may implement a port the daemon defines (a type), never call into the daemon.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/daemon/**'],
              allowTypeImports: true,
              message: 'an integration may import the daemon’s port types only (import type)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/tui/**'],
    ignores: ['src/tui/terminal-kit-screen.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libraries,
          patterns: [{ group: ['**/daemon/**'], message: 'the dashboard talks to atmd only through src/client' }],
        },
      ],
    },
  },
  { files: ['src/tui/terminal-kit-screen.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: [
      'src/platform/winston-logger.ts',
      'src/platform/cosmiconfig-config-source.ts',
      'src/integrations/dbus/dbus-next-notifications.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
