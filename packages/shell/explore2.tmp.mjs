import { initShell, parseShell, findCommands, hasFlag, positionalArgs, unwrapCommand } from "./dist/index.js";
await initShell();
const s = parseShell(process.argv[2]);
for (const c of s.commands) console.log(c.index, c.connector ?? "-", c.pipeline ? `P${c.pipelineIndex}/${c.pipeline.length}` : "", JSON.stringify([c.name?.value, ...c.args.map(a => a.value)]), c.assignments.map(a=>a.name+"="+(a.value?.value??"")).join(","), c.redirects.map(r=>r.operator+(r.target?.value??"")).join(","), JSON.stringify(c.context), c.background?"BG":"");
console.log("errors", s.errors, "comments", s.comments.map(c=>c.text));
