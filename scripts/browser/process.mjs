// `process` for the browser bundle: what the engine and its libraries read of it.
export const process = { env: {}, cwd: () => '/', platform: 'browser', versions: {}, argv: [], emitWarning: () => {} };
