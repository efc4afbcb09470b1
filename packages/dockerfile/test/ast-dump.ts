/**
 * Test helper: a readable dump of a parse result, one line per located node:
 * `path: Kind [start,end) "source text"  scalar=fields`. Used by the fixture tests, so a reviewer sees
 * exactly which text every node covers.
 */
import type { Diagnostic, Range } from "@shipshape/text";
import type { Dockerfile } from "@shipshape/dockerfile";

const SKIP = new Set(["range", "segments", "original", "kind"]);

function isRange(v: unknown): v is Range {
  return typeof v === "object" && v !== null && Object.keys(v).length === 2 && "start" in v && "end" in v;
}

function quote(s: string): string {
  const q = JSON.stringify(s);
  return q.length > 72 ? q.slice(0, 69) + '..."' : q;
}

export function dumpParse(text: string, ast: Dockerfile, errors: Diagnostic[]): string {
  const lines: string[] = [];
  const at = (r: Range) => `[${r.start},${r.end}) ${quote(text.slice(r.start, r.end))}`;
  const visit = (key: string, v: unknown, depth: number) => {
    const pad = "  ".repeat(depth);
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(`${key}[${i}]`, x, depth));
      return;
    }
    if (typeof v !== "object" || v === null) return;
    if (isRange(v)) {
      lines.push(`${pad}${key}: ${at(v)}`);
      return;
    }
    const o = v as Record<string, unknown>;
    const scalars = Object.entries(o)
      .filter(([k, x]) => !SKIP.has(k) && (typeof x === "string" || typeof x === "number" || typeof x === "boolean"))
      .filter(([k, x]) => !(k === "value" && isRange(o.range) && x === text.slice(o.range.start, o.range.end)))
      .map(([k, x]) => `${k}=${typeof x === "string" ? quote(x) : String(x)}`);
    const head = `${pad}${key}:${o.kind ? ` ${o.kind}` : ""}${isRange(o.range) ? ` ${at(o.range)}` : ""}`;
    lines.push([head, ...scalars].join("  "));
    for (const [k, x] of Object.entries(o)) {
      if (SKIP.has(k) || typeof x !== "object" || x === null) continue;
      if (Array.isArray(x) && x.length === 0) continue;
      if (k === "values" || k === "prevComments") {
        lines.push(`${pad}  ${k}: ${JSON.stringify(x)}`);
        continue;
      }
      visit(k, x, depth + 1);
    }
  };
  for (const e of errors) lines.push(`error ${e.code} ${e.rule}: ${e.message} @ ${at(e.range)}`);
  visit("file", ast, 0);
  return lines.join("\n") + "\n";
}
