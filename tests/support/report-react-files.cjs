// Preloaded into the server under test (NODE_OPTIONS=--require …): prints the path of every
// React file the server compiles, so a test can see whether the development or the production
// renderer was loaded (react picks its file from NODE_ENV when first required).
const Module = require("node:module");
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (/[\\/]node_modules[\\/](react|react-dom)[\\/]cjs[\\/]/.test(filename)) process.stdout.write(`[react-file] ${filename}\n`);
  return compile.call(this, content, filename);
};
