// node:url for the browser bundle: the engine finds its files by file: URLs relative to
// its own (scripts/bundle-browser.mjs fixes that URL), and turns them into paths.
export const fileURLToPath = (url) => decodeURIComponent(new URL(String(url)).pathname);
export const pathToFileURL = (path) => new URL(`file://${encodeURI(path)}`);
const URLClass = globalThis.URL;
export { URLClass as URL };
export default { fileURLToPath, pathToFileURL, URL: URLClass };
