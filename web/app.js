// The draft checker page: lints the reply as it is typed with the engine in
// ../dist/web/replylint.js (the same rules and verdicts as the command line), marks each
// violation under its words, explains it on hover and in the list, and fixes what can be
// fixed with a click. A classic script, so that the page works opened from a file.
'use strict';

const $ = (id) => document.getElementById(id);
const reply = $('reply');
const marks = $('marks');
const tip = $('tip');
const list = $('violations');
let linter = replylint.createLinter();
let current = { text: '', result: undefined };

/** What the page knows of the conversation, as lint() takes it. */
function context() {
  const ctx = { channel: $('channel').value, template: $('template').checked };
  const name = $('customer-name').value.trim();
  const message = $('customer-message').value.trim();
  if (name) ctx.customerName = name;
  if (message) ctx.customerMessage = message;
  if ($('language').value) ctx.language = $('language').value;
  return ctx;
}

/**
 * The text with each violation's span marked, cut where spans overlap (markedPieces), each
 * piece underlined as the most severe violation over it. The text is only ever set as text.
 */
function renderMarks(text, violations) {
  marks.replaceChildren();
  for (const piece of replylint.markedPieces(text, violations)) {
    const part = text.slice(piece.start, piece.end);
    if (!piece.severity) {
      marks.append(document.createTextNode(part));
      continue;
    }
    const mark = document.createElement('mark');
    mark.className = piece.severity;
    mark.dataset.rule = piece.violations.map((i) => violations[i].rule).join(' ');
    mark.dataset.index = piece.violations.join(' ');
    mark.textContent = part;
    marks.append(mark);
  }
  // A final newline needs a character after it to take up its line.
  marks.append(document.createTextNode('\u200b'));
}

function renderList(violations) {
  list.replaceChildren();
  violations.forEach((v, index) => {
    const item = document.createElement('li');
    item.className = v.severity;
    item.dataset.rule = v.rule;
    item.dataset.index = String(index);
    const head = document.createElement('p');
    const rule = document.createElement('b');
    rule.textContent = v.rule;
    head.append(rule, ` ${v.line}:${v.column} `, v.message);
    item.append(head);
    if (v.hint) {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.textContent = v.hint;
      item.append(hint);
    }
    if (v.fix) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'fix';
      button.textContent = v.fix.text ? `Fix: “${v.fix.text}”` : 'Fix: remove it';
      button.addEventListener('click', () => setText(replylint.applyFix(current.text, v)));
      item.append(button);
    }
    item.addEventListener('mouseenter', () => highlight(index, true));
    item.addEventListener('mouseleave', () => highlight(index, false));
    list.append(item);
  });
  $('clean').hidden = violations.length > 0 || !current.text.trim();
  $('fix-all').hidden = !violations.some((v) => v.fix);
}

function highlight(index, on) {
  for (const mark of marks.querySelectorAll(`mark[data-index~="${index}"]`)) mark.classList.toggle('active', on);
}

function renderScore(result) {
  const score = $('score');
  score.querySelector('b').textContent = current.text.trim() ? String(result.score) : '–';
  score.className = `score ${!current.text.trim() ? '' : result.score >= 90 ? 'good' : result.score >= 70 ? 'fair' : 'poor'}`;
}

function run() {
  const text = reply.value;
  const result = text.trim() ? replylint.lint(text, context(), { linter }) : { score: 100, violations: [] };
  current = { text: text.normalize('NFC'), result };
  renderMarks(current.text, result.violations);
  renderList(result.violations);
  renderScore(result);
  syncScroll();
}

function setText(text) {
  reply.value = text;
  run();
  reply.focus();
}

function syncScroll() {
  marks.parentElement.scrollTop = reply.scrollTop;
  marks.parentElement.scrollLeft = reply.scrollLeft;
}

// A hint on hover: the marks lie under the textarea, laid out as its text is, so the
// mark under the pointer is the one whose boxes hold it.
function showTip(event) {
  const mark = [...marks.querySelectorAll('mark')].find((m) =>
    [...m.getClientRects()].some((r) => event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom),
  );
  if (!mark) {
    tip.hidden = true;
    return;
  }
  // The word's own violations first (the narrowest span), then the line's.
  const found = mark.dataset.index.split(' ').map((i) => current.result.violations[Number(i)]);
  tip.textContent = found.map((v) => `${v.rule}: ${v.message}${v.hint ? `\n${v.hint}` : ''}`).join('\n\n');
  tip.style.left = `${event.pageX + 12}px`;
  tip.style.top = `${event.pageY + 16}px`;
  tip.hidden = false;
}

let pending;
reply.addEventListener('input', () => {
  // Lint on every keystroke: a reply takes a few milliseconds (bench/browser.mjs).
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(run);
});
reply.addEventListener('scroll', syncScroll);
reply.addEventListener('mousemove', showTip);
reply.addEventListener('mouseleave', () => {
  tip.hidden = true;
});
for (const id of ['customer-name', 'customer-message', 'channel', 'language', 'template']) $(id).addEventListener('input', run);
$('locale').addEventListener('input', () => {
  applyConfig();
});
$('fix-all').addEventListener('click', () => setText(replylint.fixAll(current.text, context(), linter)));

/** The team config pasted or opened, checked with the command line's messages. */
function applyConfig() {
  const status = $('config-status');
  const text = $('config').value;
  const locale = $('locale').value;
  try {
    const config = text.trim() ? replylint.configFromText(text, '.replylintrc.yaml') : undefined;
    linter = replylint.createLinter(config, { locale });
    status.textContent = config ? `Using your config (${Object.keys(config.rules).length} rule settings).` : '';
    status.className = 'config-status';
  } catch (err) {
    linter = replylint.createLinter(undefined, { locale });
    status.textContent = err instanceof replylint.ConfigError ? replylint.formatConfigError(err) : String(err.message);
    status.className = 'config-status error';
  }
  run();
}
$('config').addEventListener('change', applyConfig);
$('config-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  $('config').value = await file.text();
  applyConfig();
});

run();
