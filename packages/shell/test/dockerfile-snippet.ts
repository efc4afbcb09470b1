/**
 * Builds a Dockerfile instruction node by hand (logical text, segments, heredocs), the way the
 * Dockerfile parser does, so these tests do not depend on it. Handles `\` continuations, comment
 * and blank lines inside a continued instruction, shell form and heredoc bodies.
 */
import type { Heredoc, Instruction, Segment } from "@shipshape/dockerfile";

export function instructionFrom(source: string): Instruction {
  const segments: Segment[] = [];
  let original = "";
  let pos = 0;
  let first = true;
  let startLine = 1;
  let line = 0;
  for (;;) {
    const nl = source.indexOf("\n", pos);
    const lineEnd = nl < 0 ? source.length : nl;
    const text = source.slice(pos, lineEnd);
    line++;
    if (!first && (/^\s*#/.test(text) || text.trim() === "")) {
      if (nl < 0) break;
      pos = nl + 1;
      continue;
    }
    if (first) startLine = line;
    first = false;
    const continued = /\\[ \t]*$/.exec(text);
    const length = continued ? continued.index : text.length;
    segments.push({ logical: original.length, source: pos, length });
    original += text.slice(0, length);
    if (!continued || nl < 0) {
      pos = nl < 0 ? source.length : nl + 1;
      break;
    }
    pos = nl + 1;
  }
  const endLine = line;
  const keywordMatch = /^(\S+)\s*/.exec(original)!;
  const keyword = keywordMatch[1].toUpperCase();
  const toSource = (logical: number) => {
    for (const s of segments) if (logical >= s.logical && logical <= s.logical + s.length) return s.source + logical - s.logical;
    return source.length;
  };
  const word = (start: number, end: number) => ({ value: original.slice(start, end), range: { start: toSource(start), end: toSource(end) } });

  // Heredoc bodies follow the instruction's last line, one after another.
  const heredocs: Heredoc[] = [];
  const markerRe = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
  let bodyPos = pos;
  for (let m = markerRe.exec(original); m && keyword === "RUN"; m = markerRe.exec(original)) {
    const chomp = m[1] === "-";
    const name = m[3];
    let cursor = bodyPos;
    let terminatorRange: { start: number; end: number } | undefined;
    while (cursor < source.length) {
      const nl = source.indexOf("\n", cursor);
      const end = nl < 0 ? source.length : nl;
      const text = source.slice(cursor, end);
      if ((chomp ? text.replace(/^\t+/, "") : text) === name) {
        terminatorRange = { start: cursor, end };
        break;
      }
      cursor = nl < 0 ? source.length : nl + 1;
    }
    const contentEnd = terminatorRange ? terminatorRange.start : source.length;
    heredocs.push({
      kind: "Heredoc",
      name,
      marker: word(m.index, m.index + m[0].length),
      fileDescriptor: 0,
      chomp,
      expand: m[2] === "",
      content: source.slice(bodyPos, contentEnd),
      contentRange: { start: bodyPos, end: contentEnd },
      terminatorRange,
      range: { start: toSource(m.index), end: terminatorRange?.end ?? contentEnd },
    });
    bodyPos = terminatorRange ? Math.min(source.length, terminatorRange.end + 1) : source.length;
  }

  const argsStart = keywordMatch[0].length;
  const base = {
    keyword,
    keywordWord: word(0, keyword.length),
    flags: [],
    args: word(argsStart, original.length),
    original,
    segments,
    startLine,
    endLine,
    heredocs,
    variables: [],
    prevComments: [],
    emptyContinuationLines: [],
    range: { start: 0, end: heredocs.length > 0 ? heredocs[heredocs.length - 1].range.end : toSource(original.length) },
  };
  const rest = original.slice(argsStart);
  let afterType = argsStart;
  let type: { value: string; range: { start: number; end: number } } | undefined;
  if (keyword === "HEALTHCHECK") {
    const t = /^(\S+)\s*/.exec(rest)!;
    type = word(argsStart, argsStart + t[1].length);
    afterType = argsStart + t[0].length;
  }
  const value = original.slice(afterType);
  const command = value.startsWith("[")
    ? undefined
    : { kind: "ShellForm" as const, value, logicalOffset: afterType, range: { start: toSource(afterType), end: toSource(original.length) } };
  switch (keyword) {
    case "RUN":
      return { ...base, kind: "Run", command, mounts: [], devices: [] };
    case "CMD":
      return { ...base, kind: "Cmd", command };
    case "ENTRYPOINT":
      return { ...base, kind: "Entrypoint", command };
    case "HEALTHCHECK":
      return { ...base, kind: "Healthcheck", type, command };
    default:
      throw new Error(`snippet helper does not build ${keyword}`);
  }
}
