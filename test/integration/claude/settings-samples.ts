/**
 * Real-looking settings.json files, as text (formatting matters), shared by the unit tests of the
 * settings merge and the integration tests of `atm setup`. `canonical` marks text that is exactly
 * what JSON.stringify writes in the file's own style, so a setup + uninstall round trip must give
 * back the same bytes; for the others it must give back an equal value.
 */
export interface SettingsSample {
  readonly name: string;
  readonly text: string;
  readonly canonical: boolean;
}

const json = (value: unknown, indent: string | number = 2): string => `${JSON.stringify(value, null, indent)}\n`;

/** A user's status line: a multi-line script with both kinds of quotes, ANSI colours, non-ASCII and blank lines. */
export const FANCY_STATUS_LINE = [
  'input=$(cat)',
  `model=$(printf '%s' "$input" | sed -n 's/.*"display_name": *"\\([^"]*\\)".*/\\1/p')`,
  `printf '\\033[1;35m%s\\033[0m │ "%s" ✓ 日本語\\n' "\${model:-?}" 'it'\\''s'`,
  `printf '\\033[2mline two — ünïcödé\\033[0m\\n\\n'`,
].join('\n');

export const OTHER_TOOLS_SETTINGS = {
  $schema: 'https://json.schemastore.org/claude-code-settings.json',
  model: 'opus',
  permissions: { allow: ['Bash(npm run lint)', 'Read(~/.zshrc)'], deny: [], defaultMode: 'acceptEdits' },
  env: { GREETING: 'こんにちは 🌍', QUOTE: 'say "hi" \\ bye' },
  hooks: {
    PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: '~/.claude/hooks/guard.sh', timeout: 30 }] }],
    PostToolUse: [
      {
        matcher: 'Edit|Write',
        hooks: [
          { type: 'command', command: 'npx prettier --write "$CLAUDE_FILE_PATHS"' },
          { type: 'command', command: 'notify-send "edited"' },
        ],
      },
    ],
    SessionStart: [{ matcher: 'startup', hooks: [{ type: 'command', command: 'echo started >> /tmp/log' }] }],
    Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
    TeammateIdle: [{ hooks: [{ type: 'prompt', prompt: 'keep going' }] }],
  },
  enabledPlugins: { 'formatter@tools': true },
};

export const SETTINGS_SAMPLES: readonly SettingsSample[] = [
  { name: 'empty object', text: '{}\n', canonical: true },
  { name: "other tools' hooks", text: json(OTHER_TOOLS_SETTINGS), canonical: true },
  {
    name: 'a multi-line status line with quotes, ANSI colours and non-ASCII',
    text: json({ statusLine: { type: 'command', command: FANCY_STATUS_LINE, padding: 0 }, theme: 'dark' }),
    canonical: true,
  },
  {
    name: 'non-ASCII keys and values',
    text: json({ clé: 'värde', 名前: ['α', 'β', '🚀'], hooks: { Stop: [] } }),
    canonical: true,
  },
  { name: 'an empty hooks object', text: json({ hooks: {}, model: 'sonnet' }), canonical: true },
  { name: 'four-space indent', text: json(OTHER_TOOLS_SETTINGS, 4), canonical: true },
  {
    name: 'tab indent',
    text: json({ model: 'opus', hooks: { Notification: [{ matcher: '', hooks: [] }] } }, '\t'),
    canonical: true,
  },
  {
    name: 'CRLF line ends',
    text: json({ model: 'opus', statusLine: { type: 'command', command: 'echo hi' } }).replaceAll('\n', '\r\n'),
    canonical: true,
  },
  {
    name: 'unusual but valid formatting',
    text: '{ "model" : "opus" ,"hooks":{"PreToolUse":[ {"matcher":"Bash","hooks":[{"type":"command","command":"x"}]}]},\n\n  "n": [1.50, 1e3, "\\u00e9\\/"] , "deep":{"a":{"b":{"c":null}}}}',
    canonical: false,
  },
  { name: 'minified, no final newline', text: JSON.stringify(OTHER_TOOLS_SETTINGS), canonical: false },
];
