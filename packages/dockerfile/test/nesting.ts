/** Test helper: every range in an AST lies inside the text and inside its nearest enclosing node. */
import type { Range } from "@shipshape/text";

function isRange(v: unknown): v is Range {
  return (
    typeof v === "object" && v !== null && typeof (v as Range).start === "number" &&
    typeof (v as Range).end === "number" && Object.keys(v).length === 2
  );
}

/** Returns a list of problems (empty when all ranges nest). */
export function rangeProblems(root: unknown, textLength: number): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, parent: Range, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, parent, `${path}[${i}]`));
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (isRange(value)) {
      check(value, parent, path);
      return;
    }
    let own = parent;
    const r = (value as { range?: unknown }).range;
    if (isRange(r)) {
      check(r, parent, `${path}.range`);
      own = r;
    }
    for (const [k, v] of Object.entries(value)) {
      if (k === "range" || k === "segments") continue;
      visit(v, own, `${path}.${k}`);
    }
  };
  const check = (r: Range, parent: Range, path: string) => {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= textLength)) {
      problems.push(`${path}: [${r.start},${r.end}) outside the text (${textLength})`);
    } else if (r.start < parent.start || r.end > parent.end) {
      problems.push(`${path}: [${r.start},${r.end}) outside its parent [${parent.start},${parent.end})`);
    }
  };
  visit(root, { start: 0, end: textLength }, "ast");
  return problems;
}
