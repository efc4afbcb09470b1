// The key path at a cursor from indentation alone: completion runs on half-typed YAML that the model
// may not hold yet, so this reads the lines above the cursor instead of the parsed tree.

interface LineShape {
  indent: number;
  dash: boolean;
  key?: string;
  blank: boolean;
}

function shape(text: string): LineShape {
  const m = /^(\s*)(-\s+)?(.*)$/.exec(text)!;
  const rest = m[3]!;
  const blank = rest.trim() === "" && !m[2] || rest.trimStart().startsWith("#");
  const key = /^(["']?)([^\s:#"'][^:#"']*?)\1\s*:(\s|$)/.exec(rest)?.[2];
  return { indent: m[1]!.length, dash: !!m[2], key, blank };
}

export interface YamlCursor {
  /** Keys from the top down to the mapping or list that holds the cursor (list items as "0"). */
  path: string[];
  /** The cursor is after `key:` on its line: completing that key's value. */
  valueKey?: string;
  /** The cursor is on a `- ` list item value. */
  listItem: boolean;
  /** The partial word before the cursor. */
  word: string;
}

export function yamlCursor(lineTexts: (i: number) => string, line: number, character: number): YamlCursor {
  const full = lineTexts(line);
  const before = full.slice(0, character);
  const current = /^(\s*)(-\s+)?(.*)$/.exec(before)!;
  const dash = !!current[2];
  const rest = current[3]!;
  const keyValue = /^(["']?)([^\s:#"'][^:#"']*?)\1\s*:\s+(.*)$/.exec(rest);
  let target = current[1]!.length + (dash && keyValue ? 2 : 0);
  const path: string[] = [];
  for (let j = line - 1; j >= 0 && target > 0; j--) {
    const s = shape(lineTexts(j));
    if (s.blank) continue;
    if (s.dash && s.indent < target) {
      if (s.key && s.indent + 2 < target) path.push(s.key);
      path.push("0");
      target = s.indent;
    } else if (s.dash && s.indent === target && dash) {
      continue; // a sibling list item
    } else if (!s.dash && s.key && s.indent < target) {
      path.push(s.key);
      target = s.indent;
    }
  }
  // A list written at the same indent as its key (`key:\n- a`).
  if (dash && target === 0 && path.length === 0 && line > 0) {
    for (let j = line - 1; j >= 0; j--) {
      const s = shape(lineTexts(j));
      if (s.blank || s.dash) continue;
      if (s.key && s.indent === 0) path.push(s.key);
      break;
    }
  }
  path.reverse();
  if (dash && !keyValue) path.push("0");
  const word = /[^\s:,"'\[]*$/.exec(before)![0];
  // `key: [a, b` on one line: an item of a flow sequence still open at the cursor.
  if (keyValue && openFlowSequence(keyValue[3]!)) return { path: [...path, keyValue[2]!, "0"], listItem: true, word };
  if (keyValue) return { path, valueKey: keyValue[2], listItem: false, word };
  return { path, listItem: dash, word };
}

/** Whether a value typed so far opens a flow sequence (`[a, "b"`) that is not closed yet. */
function openFlowSequence(value: string): boolean {
  if (!value.startsWith("[")) return false;
  let depth = 0;
  let quote = "";
  for (const c of value) {
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
  }
  return depth === 1;
}
