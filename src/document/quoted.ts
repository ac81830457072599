// Quoted history below (or inside) a reply is not the agent's writing: find where it
// starts, and which "> " lines to ignore, without moving any offset.

const HISTORY_MARKERS: readonly RegExp[] = [
  /^\s*On\b.{0,200}\bwrote:\s*$/imu,
  /^\s*Dne\b.{0,200}\bnapsal(?:a|\(a\))?:\s*$/imu,
  /^\s*Dňa\b.{0,200}\bnapísal(?:a|\(a\))?:\s*$/imu,
  /^\s*-{2,}\s*(?:Original Message|Původní zpráva|Pôvodná správa|Puvodni zprava|Povodna sprava)\s*-{2,}\s*$/imu,
  // Outlook: a From: line with a Sent:/Date: line (or Czech/Slovak equivalents) right after.
  /^\s*(?:From|Od):.*\r?\n\s*(?:Sent|Date|Odesláno|Odoslané|Datum|Dátum):/imu,
];

/** Offset where quoted history begins, or text.length when there is none. */
export function historyStart(text: string): number {
  let start = text.length;
  for (const marker of HISTORY_MARKERS) {
    const m = marker.exec(text);
    if (m && m.index < start) start = m.index + (m[0].length - m[0].trimStart().length);
  }
  return start;
}

/** The text with "> " quoted lines blanked out (same length, same offsets). */
export function blankQuotedLines(text: string): string {
  return text.replace(/^[ \t]*>.*$/gmu, (line) => ' '.repeat(line.length));
}
