// Issue 13: an HTML canned response is reported at its source's lines and columns, and
// its directives apply by source line, as in Markdown.
import { describe, expect, it } from 'vitest';
import { cli, tempFile as file } from './helpers.js';

const HTML = `<html>
<body>
<p>Dear customer,</p>

<p>Your refund was sent today.</p>
<!-- replylint-disable-next-line no-shouting -->
<p>We are SORRY for the wait.</p>
<p>It was a VERY long wait.</p>
</body>
</html>
`;

describe('HTML canned responses', () => {
  it('SARIF and GitHub annotations point at the source line and column', () => {
    const path = file('reply.html', HTML);
    const sarif = JSON.parse(cli(['-f', 'sarif', path]).stdout);
    const shouting = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'no-shouting');
    expect(
      shouting.map(
        (r: { locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => r.locations[0].physicalLocation.region,
      ),
    ).toEqual([expect.objectContaining({ startLine: 8, startColumn: 13 })]);
    const github = cli(['-f', 'github', path]).stdout;
    expect(github).toMatch(/::warning file=[^,]*reply\.html,line=8,(?:endLine=8,)?col=13/);
  });

  it('disable-next-line turns a rule off for the next source line only, not the whole file', () => {
    const json = JSON.parse(cli(['-f', 'json', file('reply.html', HTML)]).stdout);
    const words = json.results[0].violations.filter((v: { rule: string }) => v.rule === 'no-shouting').map((v: { line: number }) => v.line);
    expect(words).toEqual([8]); // SORRY on line 7 is off; VERY on line 8 is reported
  });

  it('after front matter, lines count from the top of the file', () => {
    const json = JSON.parse(cli(['-f', 'json', file('reply.html', `---\nlanguage: en\n---\n${HTML}`)]).stdout);
    expect(json.results[0].violations.filter((v: { rule: string }) => v.rule === 'no-shouting').map((v: { line: number }) => v.line)).toEqual([11]);
  });
});
