// Compiled (not run) by test/api.test.ts: the library API as a TypeScript user writes it.
import { audit, createLinter, lint, lintFiles, loadConfig, type AuditFigures, type LintResult, type Violation } from 'replylint';

export async function example(): Promise<number> {
  const one: LintResult = lint('Dobrý den, pane Novák,\n\nzítra vám zavoláme.', { customerName: 'Petr Novák', language: 'cs' });
  const first: Violation | undefined = one.violations[0];
  const config = await loadConfig({ cwd: process.cwd() });
  const linter = createLinter(config, { locale: 'cs' });
  await linter.prepare();
  const again: LintResult = linter.lint({ text: 'Hi Anna,', source: 'x', context: { channel: 'chat', customerMessages: [], previousAgentMessages: [], firstReply: true, template: false } }, { fix: true });
  const files = await lintFiles(['fixtures/replies'], { config });
  const figures: AuditFigures = (await audit(['fixtures/transcripts/sample.jsonl'], { workers: 0 })).figures;
  // @ts-expect-error a channel the API does not know
  lint('Hi', { channel: 'fax' });
  return one.score + again.score + files.results.length + figures.replies + (first?.line ?? 0);
}
