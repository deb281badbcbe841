import { describe, expect, it } from 'vitest';
import { summarizeToolInput } from '../../../../src/integrations/claude/tool-summary.js';

const MAX = 200;
const hasLoneSurrogate = (text: string): boolean => /\p{Surrogate}/u.test(text);

describe('summarizeToolInput', () => {
  it.each<[rule: string, input: unknown, summary: string | null]>([
    ['Bash: the command', { command: 'npm run lint', description: 'Lint the project' }, 'npm run lint'],
    ['Read/Edit/Write: the file path', { file_path: '/src/app.ts', old_string: 'a', new_string: 'b' }, '/src/app.ts'],
    ['NotebookEdit: the notebook path', { notebook_path: 'analysis.ipynb', new_source: 'x' }, 'analysis.ipynb'],
    ['Grep: the pattern', { pattern: 'TODO', glob: '*.ts' }, 'TODO'],
    ['Grep with a path: the path', { pattern: 'TODO', path: 'src' }, 'src'],
    ['WebFetch: the url', { url: 'https://example.com', prompt: 'summarize' }, 'https://example.com'],
    ['WebSearch: the query', { query: 'zod 4 looseObject' }, 'zod 4 looseObject'],
    [
      'Task: the description',
      { description: 'Find the bug', prompt: 'long prompt…', subagent_type: 'Explore' },
      'Find the bug',
    ],
    ['a prompt alone', { prompt: 'Say hi' }, 'Say hi'],
    [
      'AskUserQuestion: the first question',
      { questions: [{ question: 'Which colour?' }, { question: 'Second?' }] },
      'Which colour?',
    ],
    ['a blank command falls through to the next field', { command: '   ', description: 'List files' }, 'List files'],
    ['a command of the wrong type falls through', { command: ['ls'], description: 'List files' }, 'List files'],
    ['no known field → no summary', { title: 'x', body: 'y' }, null],
    ['an empty object → no summary', {}, null],
    ['questions that is not an array', { questions: 'Which?' }, null],
    ['an empty questions array', { questions: [] }, null],
    ['a first question that is not an object', { questions: ['Which?'] }, null],
    ['a question of the wrong type', { questions: [{ question: 42 }] }, null],
    ['a blank question → no summary, like a blank command', { questions: [{ question: ' \n ' }] }, null],
    ['a string input', 'ls -la', null],
    ['a number input', 7, null],
    ['null', null, null],
    ['undefined', undefined, null],
    ['an array', [{ command: 'ls' }], null],
    ['a multi-line command becomes one line', { command: 'npm ci &&\n  npm test\r\n' }, 'npm ci && npm test'],
    ['tabs and runs of spaces collapse', { command: 'a\t\tb    c' }, 'a b c'],
    ['Unicode line separators collapse too', { command: 'a\u2028b\u2029c\u00a0d' }, 'a b c d'],
    [
      'a multi-line question becomes one line',
      { questions: [{ question: 'Pick one:\n- red\n- blue' }] },
      'Pick one: - red - blue',
    ],
    ['leading and trailing space is trimmed', { file_path: '  /a b/c.ts \n' }, '/a b/c.ts'],
    ['exactly the limit stays whole', { command: 'x'.repeat(MAX) }, 'x'.repeat(MAX)],
    ['one over the limit is cut with an ellipsis', { command: 'x'.repeat(MAX + 1) }, `${'x'.repeat(MAX - 1)}…`],
    [
      'a long heredoc is flattened, then cut',
      { command: `cat <<EOF\n${'line\n'.repeat(100)}EOF` },
      `cat <<EOF ${'line '.repeat(100)}EOF`.slice(0, MAX - 1) + '…',
    ],
  ])('%s', (_rule, input, summary) => {
    expect(summarizeToolInput(input)).toBe(summary);
  });

  it.each<[rule: string, text: string]>([
    ['an emoji straddling the cut', `${'x'.repeat(MAX - 2)}${'🚀'.repeat(10)}`],
    ['emoji all the way', '🚀'.repeat(MAX)],
    ['astral CJK straddling the cut', `${'y'.repeat(MAX - 2)}${'𠜎'.repeat(5)}`],
  ])('never cuts a character in half: %s', (_rule, text) => {
    const summary = summarizeToolInput({ command: text }) ?? '';
    expect(hasLoneSurrogate(summary)).toBe(false);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(MAX);
  });

  it('any summary is a single line of at most the limit', () => {
    const inputs = [
      { command: 'a\nb'.repeat(500) },
      { file_path: '\n'.repeat(10) + 'f' },
      { questions: [{ question: 'q\r\n'.repeat(300) }] },
    ];
    for (const input of inputs) {
      const summary = summarizeToolInput(input) ?? '';
      expect(summary).not.toMatch(/[\r\n]/);
      expect(summary.length).toBeLessThanOrEqual(MAX);
    }
  });
});
