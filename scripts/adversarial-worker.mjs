// The worker of adversarial.mjs's slowRegexes: times each regex on its adversarial texts.
import { parentPort, workerData } from 'node:worker_threads';
import { adversarialTexts, slowest } from './adversarial.mjs';

for (const { name, source, flags, words } of workerData.regexes) {
  parentPort.postMessage({ starting: name });
  parentPort.postMessage({ name, worst: slowest(new RegExp(source, flags), adversarialTexts(words ?? [], workerData.size)) });
}
