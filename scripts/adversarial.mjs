// Text built to make a regex backtrack: runs of separators, long unpunctuated runs, and a
// phrase's own words repeated (with and without what must follow them). Used by the
// build's regex check (check-regexes.mjs) and the linear-time tests (test/phrase-linear).
// A regex that runs in linear time takes well under a millisecond on SIZE characters of
// any of these; one that backtracks polynomially takes seconds.

export const SIZE = 64 * 1024;

/** Repeat `unit` until the text is about `size` long, between a prefix and a suffix. */
function pump(prefix, unit, suffix, size) {
  return prefix + unit.repeat(Math.max(1, Math.ceil((size - prefix.length - suffix.length) / Math.max(1, unit.length)))) + suffix;
}

/** Adversarial texts for a phrase whose matches contain one of `words` (folded text). */
export function adversarialTexts(words = [], size = SIZE) {
  const texts = [];
  const add = (name, prefix, unit, suffix = '!') => texts.push({ name, text: pump(prefix, unit, suffix, size) });
  // Separator runs, alone and after a word: the gap of "We regret,,,,,,…" (issue 10).
  for (const unit of [',', ' ', ', ', ' ,', ',\t', ';:', ' \u00a0']) add(`separators ${JSON.stringify(unit)}`, 'x ', unit);
  // Unpunctuated runs: one long word, digits and dashes (a {num}), letters and digits.
  for (const unit of ['a', 'ab', '1', '1-', '1/', 'a1', '#1 ']) add(`run ${JSON.stringify(unit)}`, '', unit, ' x');
  for (const word of words.slice(0, 12)) {
    add(`"${word}" + separators`, `${word}`, ',', 'x');
    add(`"${word}" repeated with spaces`, '', `${word} `);
    add(`"${word}" repeated with commas`, '', `${word},`);
    add(`"${word}" repeated glued`, '', word);
    add(`"${word}" + a long word`, `${word} `, 'x');
    add(`"${word}" and a short word`, '', `${word} x `);
    add(`"${word}" and comma-tab`, '', `${word},\t`);
  }
  return texts;
}

/** A recheck attack (pumps, suffix) grown to about `size` characters. */
export function pumpedAttack(attack, size = SIZE) {
  const fixed = attack.pumps.reduce((n, p) => n + p.prefix.length, 0) + attack.suffix.length;
  const per = attack.pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const times = Math.max(1, Math.ceil((size - fixed) / per));
  return attack.pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + attack.suffix;
}

/** Milliseconds for a global regex to find every match in `text`, as the engine loops. */
export function timeAllMatches(regex, text) {
  const re = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  const started = performance.now();
  let m;
  while ((m = re.exec(text)) !== null) if (m[0].length === 0) re.lastIndex++;
  return performance.now() - started;
}

/** The slowest of `texts` for `regex`: its name and time. */
export function slowest(regex, texts) {
  let worst = { name: '', ms: 0 };
  for (const { name, text } of texts) {
    const ms = timeAllMatches(regex, text);
    if (ms > worst.ms) worst = { name, ms };
  }
  return worst;
}

/**
 * Time each regex on its adversarial texts in a worker thread, so that a regex that
 * backtracks for minutes fails the check instead of hanging it: past `deadlineMs` the
 * worker is stopped and the regex it was on named. Resolves to the regexes slower
 * than `slowMs` on some text, with the text and time.
 */
export async function slowRegexes(regexes, { size = SIZE, slowMs = 100, deadlineMs = 120000 } = {}) {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./adversarial-worker.mjs', import.meta.url), { workerData: { regexes, size } });
  return new Promise((resolve, reject) => {
    const slow = [];
    let current = '';
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve([...slow, { name: current, worst: { name: 'its adversarial texts', ms: Infinity }, hung: true }]);
    }, deadlineMs);
    worker.on('message', (m) => {
      if (m.starting !== undefined) current = m.starting;
      else if (m.worst.ms > slowMs) slow.push(m);
    });
    worker.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(slow);
    });
  });
}
