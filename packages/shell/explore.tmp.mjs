import { Parser, Language } from "web-tree-sitter";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"));
const p = new Parser(); p.setLanguage(lang);
const src = process.argv[2];
const t = p.parse(src);
function dump(n, d) {
  const f = n.parent ? (()=>{ for (let i=0;i<n.parent.childCount;i++) if (n.parent.child(i).id===n.id) return n.parent.fieldNameForChild(i); })() : null;
  console.log("  ".repeat(d) + (f? f+": ":"") + n.type + (n.isNamed?"":"(anon)") + ` [${n.startIndex},${n.endIndex}] ` + JSON.stringify(n.text.slice(0,40)) + (n.isMissing?" MISSING":"") + (n.isError? " ERROR":""));
  for (let i=0;i<n.childCount;i++) dump(n.child(i), d+1);
}
dump(t.rootNode, 0);
console.log("hasError", t.rootNode.hasError);
