// The library API: its types compile for a user (test/api/consumer.ts), and it works.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, createLinter, InvalidArgumentError, lint, lintFiles, loadConfig } from '../src/index.js';
import { ROOT } from './helpers.js';

describe('library API', () => {
  it('its shipped types compile in a consumer file', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'test', 'api', 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  it('lint, lintFiles and audit work as the CLI does', async () => {
    expect(lint('Dobrý den, pane Novák,\n\nzítra vám zavoláme.', { customerName: 'Petr Novák', language: 'cs' }).violations.map((v) => v.rule)).toContain(
      'name-use',
    );
    const config = await loadConfig({ cwd: ROOT });
    const { results } = await lintFiles([join(ROOT, 'fixtures', 'replies')], { config });
    expect(results.length).toBe(6);
    const { figures } = await audit([join(ROOT, 'fixtures', 'transcripts', 'sample.jsonl')], { config, workers: 0 });
    expect(figures.replies).toBe(4);
  });

  it('a context field given as undefined takes its default', () => {
    // `{ channel: options.channel }` with no channel must not switch every rule off.
    const text = 'hi anna we will call you tomorrow!!!';
    const plain = lint(text);
    expect(plain.violations.length).toBeGreaterThan(0);
    expect(lint(text, { channel: undefined, firstReply: undefined, template: undefined })).toEqual(plain);
  });

  it('lintFiles takes one path or glob as a string, as well as a list', async () => {
    const config = await loadConfig({ cwd: ROOT });
    const folder = join(ROOT, 'fixtures', 'replies');
    const one = await lintFiles(folder, { config });
    expect(one.results.map((r) => r.source)).toEqual((await lintFiles([folder], { config })).results.map((r) => r.source));
    expect(one.missing).toEqual([]);
  });

  it('audit takes one file as a string', async () => {
    const { figures } = await audit(join(ROOT, 'fixtures', 'transcripts', 'sample.jsonl'), { workers: 0 });
    expect(figures.replies).toBe(4);
  });
});

/** The error a call throws, for its class and message. */
async function thrown(call: () => unknown): Promise<Error> {
  try {
    await call();
  } catch (err) {
    return err as Error;
  }
  throw new Error('the call did not throw');
}

describe('library API: arguments it cannot use are rejected, naming the argument, the value and what it takes', () => {
  it('lint: an unknown language or channel', async () => {
    const language = await thrown(() => lint('Hi Anna,', { language: 'de' as never }));
    expect(language).toBeInstanceOf(InvalidArgumentError);
    expect(language).toBeInstanceOf(TypeError);
    expect(language.message).toBe('lint(): "context.language" must be one of "en", "cs", "sk", not "de"');
    expect(language).toMatchObject({ argument: 'context.language', value: 'de' });
    expect((await thrown(() => lint('Hi Anna,', { language: 'cz' as never }))).message).toBe(
      'lint(): "context.language" must be one of "en", "cs", "sk", not "cz" (did you mean "cs"?)',
    );
    expect((await thrown(() => lint('Hi Anna,', { channel: 'fax' as never }))).message).toBe(
      'lint(): "context.channel" must be one of "email", "chat", "social", not "fax"',
    );
  });

  it('lint: text that is not a string', async () => {
    for (const text of [null, undefined, 42]) {
      const err = await thrown(() => lint(text as never));
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect(err.message).toMatch(/^lint\(\): "text" must be a string, not /);
    }
    expect((await thrown(() => lint(Buffer.from('Hi Anna,') as never))).message).toBe(
      'lint(): "text" must be a string, not a Buffer (decode it first: buffer.toString(\'utf8\'))',
    );
  });

  it('lint: context fields of the wrong type, and keys it does not know', async () => {
    expect((await thrown(() => lint('Hi', { customerName: 42 as never }))).message).toBe('lint(): "context.customerName" must be a string, not a number');
    expect((await thrown(() => lint('Hi', { customerMessages: 'Where is my parcel?' as never }))).message).toBe(
      'lint(): "context.customerMessages" must be a list, not a string',
    );
    expect((await thrown(() => lint('Hi', { customerMessages: ['Hello', 3] as never }))).message).toBe(
      'lint(): "context.customerMessages.1" must be a string, not a number',
    );
    expect((await thrown(() => lint('Hi', { firstReply: 'no' as never }))).message).toBe('lint(): "context.firstReply" must be true or false, not a string');
    expect((await thrown(() => lint('Hi', { lang: 'cs' } as never))).message).toMatch(
      /^lint\(\): unknown key "lang" in "context" \(did you mean "language"\? allowed keys: language, channel, /,
    );
    expect((await thrown(() => lint('Hi', 'cs' as never))).message).toBe('lint(): "context" must be a mapping, not a string');
    expect((await thrown(() => lint('Hi', {}, { fix: 'yes' as never }))).message).toBe('lint(): "options.fix" must be true or false, not a string');
    expect((await thrown(() => lint('Hi', {}, { linter: {} as never }))).message).toBe(
      'lint(): "options.linter" must be a Linter (from createLinter()), not a mapping',
    );
  });

  it('lintFiles: patterns that are neither a string nor a list of strings, and bad options', async () => {
    expect((await thrown(() => lintFiles(42 as never))).message).toBe(
      'lintFiles(): "patterns" must be a file, folder or glob, or a list of them, not a number',
    );
    expect((await thrown(() => lintFiles([join(ROOT, 'fixtures'), 7] as never))).message).toBe('lintFiles(): "patterns.1" must be a string, not a number');
    expect((await thrown(() => lintFiles([]))).message).toBe('lintFiles(): "patterns" is empty (name at least one file, folder or glob)');
    expect((await thrown(() => lintFiles('fixtures', { lang: 'de' as never }))).message).toBe(
      'lintFiles(): "options.lang" must be one of "en", "cs", "sk", not "de"',
    );
    expect((await thrown(() => lintFiles('fixtures', { config: { rules: {} } as never }))).message).toMatch(
      /^lintFiles\(\): "options.config" must be a resolved config \(from loadConfig\(\)\), not a mapping/,
    );
  });

  it('audit: an unknown format, and other bad options', async () => {
    const sample = join(ROOT, 'fixtures', 'transcripts', 'sample.jsonl');
    const format = await thrown(() => audit([sample], { format: 'pdf' as never, workers: 0 }));
    expect(format).toBeInstanceOf(InvalidArgumentError);
    expect(format.message).toBe('audit(): "options.format" must be one of "stylish", "json", "csv", "html", "figures", not "pdf"');
    expect((await thrown(() => audit([sample], { from: 'zendsk' as never }))).message).toMatch(
      /"options.from" must be one of "auto", .*, not "zendsk" \(did you mean "zendesk"\?\)$/,
    );
    expect((await thrown(() => audit([sample], { workers: -1 }))).message).toBe('audit(): "options.workers" must be between 0 and ∞');
    expect((await thrown(() => audit([sample], { since: 'last week' }))).message).toBe(
      'audit(): "options.since" is not valid: "last week" (write a date as YYYY-MM-DD)',
    );
    expect((await thrown(() => audit([sample], { agent: 'Jana' as never }))).message).toBe('audit(): "options.agent" must be a list, not a string');
    expect((await thrown(() => audit(5 as never))).message).toBe('audit(): "files" must be a file, folder or glob, or a list of them, not a number');
  });

  it('createLinter and loadConfig: a config that is not resolved, an unknown locale, unknown keys', async () => {
    expect((await thrown(() => createLinter({ rules: { 'name-use': 'off' } } as never))).message).toBe(
      'createLinter(): "config" must be a resolved config (from loadConfig()), not a mapping',
    );
    expect((await thrown(() => createLinter(undefined, { locale: 'de' as never }))).message).toBe(
      'createLinter(): "options.locale" must be one of "en", "cs", "sk", "auto", not "de"',
    );
    expect((await thrown(() => loadConfig({ config: 'replylint.yaml' } as never))).message).toBe(
      'loadConfig(): unknown key "config" in "options" (did you mean "configFile"? allowed keys: cwd, configFile)',
    );
    expect((await thrown(() => loadConfig({ cwd: 5 as never }))).message).toBe('loadConfig(): "options.cwd" must be a string, not a number');
  });
});

describe('the library audit on a terminal', () => {
  it('draws no progress bar unless asked', async () => {
    const tty = process.stderr.isTTY;
    const write = process.stderr.write;
    const written: string[] = [];
    process.stderr.isTTY = true;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await audit(join(ROOT, 'fixtures', 'transcripts', 'sample.jsonl'), { workers: 0 });
      expect(written.join('')).toBe('');
      await audit(join(ROOT, 'fixtures', 'transcripts', 'sample.jsonl'), { workers: 0, progress: true });
      expect(written.join('')).not.toBe('');
    } finally {
      process.stderr.isTTY = tty;
      process.stderr.write = write;
    }
  });
});

describe('library API: the context named as everywhere else (issue 14)', () => {
  const reply = 'Hi Anna,\n\nyour parcel left our warehouse today.\n\nBest wishes,\nMark';
  const complaint = 'My parcel STILL has not arrived after three weeks, this is ridiculous!';
  const rules = (r: { violations: { rule: string }[] }) => r.violations.map((v) => v.rule);

  it('takes customerMessage, as the CLI, front matter and the MCP server do, after customerMessages', () => {
    expect(rules(lint(reply, { customerName: 'Anna Smith' }))).not.toContain('apology');
    expect(rules(lint(reply, { customerName: 'Anna Smith', customerMessage: complaint }))).toContain('apology');
    expect(rules(lint(reply, { customerName: 'Anna Smith', customerMessages: [complaint] }))).toContain('apology');
    expect(() => lint(reply, { customerMessage: 3 } as never)).toThrow(InvalidArgumentError);
  });

  it("a linter of one's own lints text as lint() does", () => {
    const linter = createLinter();
    const context = { customerName: 'Anna Smith', customerMessage: complaint };
    expect(linter.lint(reply, context)).toEqual(lint(reply, context));
    expect(linter.lint(reply, context, { fix: true })).toEqual(lint(reply, context, { fix: true }));
  });
});
