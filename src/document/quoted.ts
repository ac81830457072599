// Quoted history below (or inside) a reply is not the agent's writing: find where it
// starts, and which "> " lines to ignore, without moving any offset.

// Each marker with the texts (lower case) one of which it needs: a marker whose texts are
// absent is not run, and a one-reply run never compiles it. No u flag: these patterns
// need no Unicode mode, and it doubles what V8 spends compiling them. Space around a
// marker is [ \t], never \s: with the m flag, \s at a line's start ran on across every
// blank line below it, from every line (quadratic in a text of blank lines).
const HISTORY_MARKERS: readonly { needs: readonly string[]; regex: RegExp }[] = [
  { needs: ['wrote:'], regex: /^[ \t]*On\b.{0,200}\bwrote:[ \t]*\r?$/im },
  { needs: ['napsal'], regex: /^[ \t]*Dne\b.{0,200}\bnapsal(?:a|\(a\))?:[ \t]*\r?$/im },
  { needs: ['napísal'], regex: /^[ \t]*Dňa\b.{0,200}\bnapísal(?:a|\(a\))?:[ \t]*\r?$/im },
  { needs: ['--'], regex: /^[ \t]*-{2,}[ \t]*(?:Original Message|Původní zpráva|Pôvodná správa|Puvodni zprava|Povodna sprava)[ \t]*-{2,}[ \t]*\r?$/im },
  // Outlook: a From: line with a Sent:/Date: line (or Czech/Slovak equivalents) right after.
  { needs: ['from:', 'od:'], regex: /^[ \t]*(?:From|Od):.*\r?\n[ \t]*(?:Sent|Date|Odesláno|Odoslané|Datum|Dátum):/im },
];

/** Offset where quoted history begins, or text.length when there is none. */
export function historyStart(text: string): number {
  let start = text.length;
  const lower = text.toLowerCase();
  for (const { needs, regex } of HISTORY_MARKERS) {
    if (!needs.some((t) => lower.includes(t))) continue;
    const m = regex.exec(text);
    if (m && m.index < start) start = m.index + (m[0].length - m[0].trimStart().length);
  }
  return start;
}

/** The text with "> " quoted lines blanked out (same length, same offsets). */
export function blankQuotedLines(text: string): string {
  return text.includes('>') ? text.replace(/^[ \t]*>.*$/gm, (line) => ' '.repeat(line.length)) : text;
}
