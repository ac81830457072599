// Issue 13: audit filters a lead can trust, and an audit of nothing that says so.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDate } from '../src/audit/filtered.js';
import { cli, tempDir } from './helpers.js';

function exportFile(): string {
  const file = join(tempDir(), 'export.jsonl');
  const conversation = (id: string, agent: string, time: string) =>
    JSON.stringify({
      id,
      agent,
      language: 'cs',
      messages: [
        { role: 'customer', text: 'Kde je můj balík?' },
        { role: 'agent', time, text: `Dobrý den,\n\nbalík dorazí zítra.\n\nS pozdravem\n${agent}` },
      ],
    });
  writeFileSync(file, [conversation('c1', 'Jana Nováková', '2025-03-02T10:00:00Z'), conversation('c2', 'Petr Malý', '2025-03-05T09:00:00Z')].join('\n') + '\n');
  return file;
}

describe('audit filters', () => {
  it('--since and --until take calendar dates only: anything else is a usage error', () => {
    const file = exportFile();
    for (const bad of ['2025-13-45', 'yesterday', '2025-02-30', '03/02/2025']) {
      const r = cli(['audit', file, '--since', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain('--since takes a date written YYYY-MM-DD');
    }
    expect(cli(['audit', file, '--until', '2025-02-29']).code).toBe(2); // 2025 is no leap year
    expect(checkDate('2024-02-29')).toBeUndefined();
  });

  it('--agent matches case and accents aside, as the rest of the tool does', () => {
    const file = exportFile();
    for (const name of ['jana novakova', 'JANA NOVÁKOVÁ', ' Jana  Nováková ']) {
      const r = cli(['audit', '-f', 'json', '--workers', '0', file, '--agent', name]);
      expect(r.code, name).toBe(0);
      expect(
        JSON.parse(r.stdout).results.map((x: { conversationId: string }) => x.conversationId),
        name,
      ).toEqual(['c1']);
    }
  });

  it('filters that leave nothing: exit 2, naming the agents and dates the export has', () => {
    const r = cli(['audit', exportFile(), '--agent', 'Eva', '--since', '2025-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'no reply matches --agent "Eva" --since 2025-01-01; the export has 2 replies: agents "Jana Nováková", "Petr Malý"; replies from 2025-03-02 to 2025-03-05',
    );
    expect(r.stdout).toContain('Audit: nothing audited');
    expect(r.stdout).not.toContain('mean score 100');
  });

  it('an export of unknown shape only: exit 2, not an audit of 0 replies scoring 100', () => {
    const file = join(tempDir(), 'x.json');
    writeFileSync(file, '{"foo": 1}');
    const r = cli(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a conversation nor an export replylint knows (keys: foo)');
    expect(r.stderr).toContain('nothing was audited: the input was skipped');
  });
});
