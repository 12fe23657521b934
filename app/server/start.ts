// build/server.js, the command `npm start` runs: production mode is settled before any module
// loads. react and react-dom/server pick their development or production files from NODE_ENV
// the moment they are first required, and the portal (build/portal.js) imports them statically,
// so setting it inside the portal would be too late. The build is a production build: an unset
// or other NODE_ENV would render every page with React's development renderer (slower, more
// memory, development warnings). docs/decisions/018-public-url-and-demo-data.md.
const asked = process.env.NODE_ENV;
if (asked !== "production") {
  if (asked) console.warn(`NODE_ENV=${asked} ignored: the built portal always runs in production mode`);
  process.env.NODE_ENV = "production";
}
// A computed specifier: the portal is a sibling file of the output, not a module of the source tree.
const portal = "./portal.js";
await import(portal);
export {};
