// Runs the shared tokenizer vectors against templates/static/search.js with node.
// Prints one line per failing vector and exits 1 if any fails; the Swift test runs this script.
"use strict";
const path = require("path");
const fs = require("fs");
const root = path.resolve(__dirname, "..", "..");
const search = require(path.join(root, "templates/static/search.js"));
const vectors = JSON.parse(fs.readFileSync(path.join(root, "Tests/Fixtures/search/tokenizer-vectors.json"), "utf8"));
// The variant table comes from SearchVariants.swift (the Swift test passes it; the site's manifest carries it).
if (process.argv[2] === undefined) { console.log("usage: tokenizer-vectors.js VARIANT_PAIRS"); process.exit(2); }
search.useVariants(process.argv[2]);
let failed = 0;
for (const v of vectors) {
  const index = search.indexTerms(v.text), query = search.queryTerms(v.text);
  const typed = v.typed === undefined ? undefined : (search.typedPrefix(v.text) || "");
  if (JSON.stringify(index) !== JSON.stringify(v.index) || JSON.stringify(query) !== JSON.stringify(v.query) || typed !== v.typed) {
    failed++;
    console.log(`${JSON.stringify(v.text)}: index ${JSON.stringify(index)} query ${JSON.stringify(query)} typed ${JSON.stringify(typed)}`);
  }
}
console.log(`${vectors.length - failed}/${vectors.length} vectors pass in JavaScript`);
console.log("fnv32 " + ["", "a", "機器", "green"].map((t) => search.fnv32(t)).join(" "));
process.exit(failed ? 1 : 0);
