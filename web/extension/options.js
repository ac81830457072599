// The options page: the team config, pasted or loaded from a URL, checked with the
// command line's messages (file, line and column) before it is saved for content.js.
'use strict';
const $ = (id) => document.getElementById(id);

function say(text, ok) {
  $('status').textContent = text;
  $('status').className = ok ? 'ok' : 'error';
}

/** The config's text checked; an error names its line and column. */
function checked(text) {
  if (!text.trim()) return true;
  try {
    const config = replylint.configFromText(text, '.replylintrc.yaml');
    replylint.createLinter(config);
    return true;
  } catch (err) {
    say(err instanceof replylint.ConfigError ? replylint.formatConfigError(err) : err.message, false);
    return false;
  }
}

$('save').addEventListener('click', async () => {
  const text = $('config').value;
  if (!checked(text)) return;
  await chrome.storage.local.set({ config: text });
  say(text.trim() ? 'Saved: every reply box uses it.' : 'Saved: the recommended rules.', true);
});

// Loading from a URL asks for access to that site first; only that URL is fetched.
$('load').addEventListener('click', async () => {
  let url;
  try {
    url = new URL($('url').value);
    if (url.protocol !== 'https:') throw new Error('use an https:// address');
  } catch (err) {
    say(`Not an address to load: ${err.message}`, false);
    return;
  }
  const granted = await chrome.permissions.request({ origins: [`${url.origin}/*`] });
  if (!granted) {
    say(`replylint was not allowed to read ${url.origin}.`, false);
    return;
  }
  try {
    const response = await fetch(url, { credentials: 'omit', redirect: 'error' });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const text = await response.text();
    if (text.length > 1024 * 1024) throw new Error('it is over 1 MB, which is no config');
    $('config').value = text;
    if (checked(text)) say(`Loaded from ${url.href}: check it, then save.`, true);
  } catch (err) {
    say(`Could not load ${url.href}: ${err.message}`, false);
  }
});

chrome.storage.local.get('config').then(({ config }) => {
  $('config').value = config ?? '';
});
