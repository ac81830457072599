// Compiled (not run) by test/api.test.ts: the library API as a TypeScript user writes it.
import { audit, createLinter, InvalidArgumentError, lint, lintFiles, loadConfig, type AuditFigures, type LintResult, type Violation } from 'replylint';

export async function example(): Promise<number> {
  const one: LintResult = lint('Dobrý den, pane Novák,\n\nzítra vám zavoláme.', { customerName: 'Petr Novák', language: 'cs' });
  const first: Violation | undefined = one.violations[0];
  const config = await loadConfig({ cwd: process.cwd() });
  const linter = createLinter(config, { locale: 'cs' });
  await linter.prepare();
  const again: LintResult = linter.lint(
    { text: 'Hi Anna,', source: 'x', context: { channel: 'chat', customerMessages: [], previousAgentMessages: [], firstReply: true, template: false } },
    { fix: true },
  );
  const files = await lintFiles(['fixtures/replies'], { config });
  const folder = await lintFiles('fixtures/replies');
  const figures: AuditFigures = (await audit(['fixtures/transcripts/sample.jsonl'], { workers: 0 })).figures;
  const single = await audit('fixtures/transcripts/sample.jsonl', { format: 'csv', output: 'audit.csv' });
  const drafted = lint('Hi', { language: 'cs' }, { linter, fix: true, source: 'draft' });

  // @ts-expect-error a channel the API does not know
  lint('Hi', { channel: 'fax' });
  // @ts-expect-error the text is a string (decode a Buffer first)
  lint(Buffer.from('Hi'));
  // @ts-expect-error a context key the API does not know
  lint('Hi', { lang: 'cs' });
  // @ts-expect-error patterns are a string or a list of strings
  await lintFiles(42);
  // @ts-expect-error an audit report format the API does not know
  await audit('fixtures/transcripts/sample.jsonl', { format: 'pdf' });
  // @ts-expect-error a locale the API does not know
  createLinter(config, { locale: 'de' });
  // @ts-expect-error the config comes from loadConfig(), not a config file's raw shape
  createLinter({ rules: { 'name-use': 'off' } });
  return one.score + again.score + files.results.length + folder.results.length + figures.replies + single.figures.replies + drafted.score + (first?.line ?? 0);
}

/** An argument error is a TypeError that says which argument. */
export function badArgument(err: unknown): string | undefined {
  return err instanceof InvalidArgumentError && err instanceof TypeError ? `${err.functionName} ${err.argument}` : undefined;
}
