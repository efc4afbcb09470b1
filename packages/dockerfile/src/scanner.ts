/**
 * BuildKit's line logic: physical lines -> logical instructions (continuations, comment and blank lines
 * inside an instruction, directives, heredoc bodies), with a logical -> source map for each instruction.
 * Everything above works on the logical line; this is the only place that knows about physical lines.
 */
import type { Diagnostic, Range } from "@shipshape/text";
import type { Comment, Directive, Segment } from "./ast.js";
import { parseLineNode, type LineNode } from "./buildkit.js";
import { isSpaceCode, skipSpace, trimEndIndex, utf8Length } from "./chars.js";
import { parseError } from "./errors.js";
import { heredocMarkers, type HeredocMarker } from "./heredoc-markers.js";

const MAX_LINE_BYTES = 65535;

export interface HeredocBody {
  marker: HeredocMarker;
  content: string;
  contentRange: Range;
  terminatorRange?: Range;
}

/** One instruction as scanned: its logical line, BuildKit node, and everything around it. */
export interface ScannedInstruction {
  original: string;
  segments: Segment[];
  node: LineNode;
  startLine: number;
  endLine: number;
  range: Range;
  prevComments: string[];
  emptyContinuationLines: Range[];
  heredocs: HeredocBody[];
  /** Which node the heredocs belong to (the instruction itself, or ONBUILD's trigger). */
  escape: number;
}

export interface ScannedFile {
  text: string;
  bom: boolean;
  escape: "\\" | "`";
  directives: Directive[];
  comments: Comment[];
  instructions: ScannedInstruction[];
  errors: Diagnostic[];
}

/** `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` with Go's ASCII `\s`; the value part is matched by hand. */
const DIRECTIVE_KEY = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*/;

function isGoAsciiSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function matchDirective(line: string): [key: string, value: string, valueOffset: number] | undefined {
  const m = DIRECTIVE_KEY.exec(line);
  if (!m) return undefined;
  const valueStart = m[0].length;
  let end = line.length;
  while (end > valueStart && isGoAsciiSpace(line.charCodeAt(end - 1))) end--;
  if (end === valueStart) {
    // only blanks after `=`: the lazy `(.+?)` still takes the last one
    if (line.length === m[0].lastIndexOf("=") + 1) return undefined;
    return [m[1], line.slice(-1), line.length - 1];
  }
  return [m[1], line.slice(valueStart, end), valueStart];
}
const KNOWN_DIRECTIVES = new Set(["syntax", "escape", "check"]);

/** Maps a logical offset to a source offset; `end` positions map just after the previous character. */
export function mapOffset(segments: Segment[], logical: number, isEnd = false): number {
  if (segments.length === 0) return 0;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].logical <= logical) lo = mid;
    else hi = mid - 1;
  }
  let seg = segments[lo];
  if (isEnd && logical === seg.logical && lo > 0) seg = segments[lo - 1];
  const delta = logical - seg.logical;
  return seg.source + Math.min(Math.max(delta, 0), seg.length);
}

/**
 * `knownLine`: an earlier scan's BuildKit node for the same logical line and escape, if there is one (the
 * node is made from those two alone and never changed afterwards, so it may be shared).
 */
export function scanDockerfile(text: string, knownLine?: (original: string, escape: number) => LineNode | undefined): ScannedFile {
  const n = text.length;
  const bom = n > 0 && text.charCodeAt(0) === 0xfeff;
  const file: ScannedFile = { text, bom, escape: "\\", directives: [], comments: [], instructions: [], errors: [] };
  let escape = 0x5c;
  let directivesDone = false;
  const seenDirectives = new Set<string>();
  let prevComments: string[] = [];

  let pos = bom ? 1 : 0;
  let lineNo = 0;
  // current physical line
  let lineStart = 0;
  let lineEnd = 0; // excluding "\n"
  let contentEnd = 0; // excluding trailing "\r"s
  let nextStart = 0;

  const readLine = (): boolean => {
    if (pos >= n) return false;
    lineStart = pos;
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = n;
    lineEnd = nl;
    nextStart = nl < n ? nl + 1 : n;
    contentEnd = lineEnd;
    while (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 0x0d) contentEnd--;
    pos = nextStart;
    lineNo++;
    // the scanner's limit counts the raw line, so a BOM (3 bytes) counts on the first line
    const rawStart = lineNo === 1 ? 0 : lineStart;
    if (lineEnd - rawStart > MAX_LINE_BYTES / 3 && utf8Length(text, rawStart, lineEnd) > MAX_LINE_BYTES) {
      file.errors.push(
        parseError("lineTooLong", "dockerfile line greater than max allowed size of 65535", { start: lineStart, end: lineEnd }),
      );
    }
    return true;
  };

  /** BuildKit's directive parser, fed one line (left-trimmed for first lines). */
  const offerDirective = (start: number, end: number): boolean => {
    if (directivesDone) return false;
    const line = text.slice(start, end);
    const m = text.charCodeAt(start) === 0x23 ? matchDirective(line) : undefined;
    if (!m) {
      directivesDone = true;
      return false;
    }
    const [rawKey, value, valueOffset] = m;
    const key = rawKey.toLowerCase();
    if (!KNOWN_DIRECTIVES.has(key)) {
      directivesDone = true;
      return false;
    }
    const keyStart = start + line.indexOf(rawKey, 1);
    const valueStart = start + valueOffset;
    const directive: Directive = {
      kind: "Directive",
      name: key,
      key: { value: rawKey, range: { start: keyStart, end: keyStart + rawKey.length } },
      value: { value, range: { start: valueStart, end: valueStart + value.length } },
      range: { start, end: valueStart + value.length },
    };
    if (seenDirectives.has(key)) {
      file.errors.push(parseError("duplicateDirective", `only one ${key} parser directive can be used`, directive.range));
      return true;
    }
    seenDirectives.add(key);
    file.directives.push(directive);
    if (key === "escape") {
      if (value === "`" || value === "\\") {
        escape = value.charCodeAt(0);
        file.escape = value as "\\" | "`";
      } else {
        file.errors.push(
          parseError("invalidEscapeToken", `invalid escape token '${value}' does not match \` or \\`, directive.value.range),
        );
      }
    }
    return true;
  };

  const pushComment = (hash: number, insideInstruction: boolean) => {
    file.comments.push({
      kind: "Comment",
      text: text.slice(hash + 1, contentEnd),
      insideInstruction,
      range: { start: hash, end: contentEnd },
    });
  };

  /** Continuation check on `text[start, end)`: the kept end, or -1 when the line does not continue. */
  const continuationEnd = (start: number, end: number): number => {
    let j = end;
    while (j > start) {
      const c = text.charCodeAt(j - 1);
      if (c === 0x20 || c === 0x09) j--;
      else break;
    }
    if (j > start && text.charCodeAt(j - 1) === escape) {
      if (j - 1 === start) return start;
      if (text.charCodeAt(j - 2) !== escape) return j - 1;
    }
    return -1;
  };

  // the instruction being assembled from its physical lines: the source span of each non-empty piece,
  // kept as numbers until the instruction is complete (its segments and text are then made in one go, the
  // array at its final size: one piece is the common case)
  const pieceStarts: number[] = [];
  const pieceEnds: number[] = [];
  let pieceCount = 0;
  const addPiece = (start: number, end: number) => {
    if (end <= start) return;
    pieceStarts[pieceCount] = start;
    pieceEnds[pieceCount] = end;
    pieceCount++;
  };

  while (readLine()) {
    const firstStart = skipSpace(text, lineStart, contentEnd);
    const hash = firstStart < contentEnd && text.charCodeAt(firstStart) === 0x23 ? firstStart : -1;
    const isDirective = offerDirective(firstStart, contentEnd);
    if (hash >= 0) {
      pushComment(hash, false);
      if (!isDirective) {
        const from = skipSpace(text, hash + 1, contentEnd);
        const c = text.slice(from, trimEndIndex(text, from, contentEnd));
        if (c === "") prevComments = [];
        else prevComments.push(c);
      }
    }
    const startLine = lineNo;
    const pieceEnd = hash >= 0 ? firstStart : contentEnd;
    let cont = continuationEnd(firstStart, pieceEnd);
    if (cont < 0 && pieceEnd === firstStart) continue;
    pieceCount = 0;
    addPiece(firstStart, cont < 0 ? pieceEnd : cont);
    const emptyLines: Range[] = [];
    const instrStart = firstStart;
    while (cont >= 0 && readLine()) {
      offerDirective(lineStart, contentEnd);
      const first = skipSpace(text, lineStart, contentEnd);
      if (first < contentEnd && text.charCodeAt(first) === 0x23) {
        pushComment(first, true);
        continue;
      }
      if (first === contentEnd) {
        emptyLines.push({ start: lineStart, end: contentEnd });
        continue;
      }
      cont = continuationEnd(lineStart, contentEnd);
      addPiece(lineStart, cont >= 0 ? cont : contentEnd);
    }
    const endLineBeforeHeredoc = lineNo;
    const segments = makeSegments(pieceStarts, pieceEnds, pieceCount, firstStart);
    const original = logicalText(text, pieceStarts, pieceEnds, pieceCount);
    const node = knownLine?.(original, escape) ?? parseLineNode(original, escape);
    // the trimmed instruction end in the source
    let trimmed = original.length;
    while (trimmed > 0 && isSpaceCode(original.charCodeAt(trimmed - 1))) trimmed--;
    // an all-blank logical line still has its (empty) keyword after the blanks: keep it inside the range
    trimmed = Math.max(trimmed, node.keyword.end);
    let end = Math.max(mapOffset(segments, trimmed, true), instrStart);
    for (const e of emptyLines) end = Math.max(end, e.end);

    const instruction: ScannedInstruction = {
      original,
      segments,
      node,
      startLine,
      endLine: endLineBeforeHeredoc,
      range: { start: instrStart, end },
      prevComments,
      emptyContinuationLines: emptyLines,
      heredocs: [],
      escape,
    };
    prevComments = [];

    const target = heredocTarget(node);
    if (target && original.includes("<<")) {
      const found = heredocMarkers(original, 0, original.length);
      if ("error" in found) {
        file.errors.push(
          parseError("heredocDelimiter", found.error, {
            start: mapOffset(segments, found.start),
            end: mapOffset(segments, found.end, true),
          }),
        );
      } else {
        for (const marker of found.markers) {
          const body = readHeredocBody(marker);
          instruction.heredocs.push(body);
          if (!body.terminatorRange) {
            file.errors.push(
              parseError("unterminatedHeredoc", "unterminated heredoc", {
                start: mapOffset(segments, marker.start),
                end: mapOffset(segments, marker.end, true),
              }),
            );
            break;
          }
        }
        const last = instruction.heredocs[instruction.heredocs.length - 1];
        if (last) {
          instruction.range.end = Math.max(instruction.range.end, last.terminatorRange?.end ?? last.contentRange.end);
        }
      }
    }
    instruction.endLine = lineNo;
    file.instructions.push(instruction);
  }

  function readHeredocBody(marker: HeredocMarker): HeredocBody {
    const bodyStart = pos;
    while (readLine()) {
      let s = lineStart;
      if (marker.chomp) while (s < contentEnd && text.charCodeAt(s) === 0x09) s++;
      if (contentEnd - s === marker.name.length && text.startsWith(marker.name, s)) {
        return {
          marker,
          content: text.slice(bodyStart, lineStart),
          contentRange: { start: bodyStart, end: lineStart },
          terminatorRange: { start: lineStart, end: contentEnd },
        };
      }
    }
    return { marker, content: text.slice(bodyStart, n), contentRange: { start: bodyStart, end: n } };
  }

  if (file.instructions.length === 0) {
    file.errors.push(parseError("noInstructions", "file with no instructions", { start: 0, end: n }));
  }
  return file;
}

/** The source map of `count` pieces; no pieces (an all-blank line) map as one empty piece at `at`. */
function makeSegments(starts: readonly number[], ends: readonly number[], count: number, at: number): Segment[] {
  if (count === 0) return [{ logical: 0, source: at, length: 0 }];
  if (count === 1) return [{ logical: 0, source: starts[0], length: ends[0] - starts[0] }];
  const segments: Segment[] = new Array(count);
  let logical = 0;
  for (let i = 0; i < count; i++) {
    segments[i] = { logical, source: starts[i], length: ends[i] - starts[i] };
    logical += ends[i] - starts[i];
  }
  return segments;
}

/**
 * The logical line: one slice, or the pieces joined into one flat string (a chain of `+=` would leave a
 * concatenation that every later character read has to go through).
 */
function logicalText(text: string, starts: readonly number[], ends: readonly number[], count: number): string {
  if (count === 0) return "";
  if (count === 1) return text.slice(starts[0], ends[0]);
  const pieces: string[] = new Array(count);
  for (let i = 0; i < count; i++) pieces[i] = text.slice(starts[i], ends[i]);
  return pieces.join("");
}

/** The node whose arguments may carry heredocs: RUN/COPY/ADD not in JSON form, or ONBUILD of one. */
function heredocTarget(node: LineNode): LineNode | undefined {
  const target = node.lower === "onbuild" && node.sub ? node.sub : node;
  if (target.lower !== "run" && target.lower !== "copy" && target.lower !== "add") return undefined;
  if (target.json) return undefined;
  return target;
}
