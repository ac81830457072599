// The toolbar badge: the score of the draft in the tab's reply box (content.js says it).
'use strict';
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message?.replylint !== 'score' || !sender.tab) return;
  const { score } = message;
  chrome.action.setBadgeText({ tabId: sender.tab.id, text: score === undefined ? '' : String(score) });
  chrome.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: score === undefined || score >= 90 ? '#1a7f37' : score >= 70 ? '#9a6700' : '#cf222e' });
});
