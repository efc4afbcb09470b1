// Draws the chevrotain grammar of the Dockerfile instruction parser as railroad diagrams:
// grammars/dockerfile-grammar.html. Run `npx tsc -b` first (it imports the built package).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSyntaxDiagramsCode } from "chevrotain";
import { InstructionParser } from "../packages/dockerfile/dist/index.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const parser = new InstructionParser();
const html = createSyntaxDiagramsCode(parser.getSerializedGastProductions());
const out = path.join(root, "grammars", "dockerfile-grammar.html");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
console.log(`wrote ${path.relative(root, out)}`);
