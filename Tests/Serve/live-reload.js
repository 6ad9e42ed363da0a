// Runs serve's live-reload script (the file given) against a fake EventSource and location, and prints
// which events reload the page. Usage: node live-reload.js LIVE_JS
const fs = require("fs");
const handlers = {};
let reloads = 0;
global.document = { currentScript: { getAttribute: () => "1" }, getElementById: () => null };
global.location = { pathname: "/courses/cnc/", reload: () => { reloads += 1; } };
global.EventSource = function () { this.addEventListener = (name, handler) => { handlers[name] = handler; }; };
eval(fs.readFileSync(process.argv[2], "utf8"));
const steps = [
  ["hello", "1"], ["reload", "2\n/en/courses/cnc/"], ["reload", "3\n/courses/\n/courses/cnc/"],
  ["reload", "4"], ["hello", "4"], ["hello", "5"],
];
for (const [name, data] of steps) {
  const before = reloads;
  handlers[name]({ data });
  console.log(`${name} ${JSON.stringify(data)} -> ${reloads > before ? "reload" : "stay"}`);
}
