// Compose features that reach other files (build.target -> Dockerfile stage, file links) and YAML anchors.
import { type CEntry, type CNode, locate } from "@shipshape/compose";
import { parseDockerfile } from "@shipshape/dockerfile";
import { LineIndex, type Range as OffsetRange } from "@shipshape/text";
import type { DocumentLink, Location, Position, SelectionRange } from "vscode-languageserver-types";
import { contains, toOffset, toRange } from "../convert.js";
import type { ParsedDocument } from "../document.js";
import { imageUrl } from "../dockerfile/editor.js";
import { anchorAt } from "./anchors.js";
import { dockerfilePathOf } from "./paths.js";

export interface FileAccess {
  readFile?: (path: string) => string | undefined;
  uriOf?: (path: string) => string;
}

/** `build.target: NAME` under the cursor: the stage of that name in the service's Dockerfile. */
export function buildTargetDefinition(doc: ParsedDocument, position: Position, files: FileAccess): Location[] {
  const model = doc.compose?.model;
  if (!model || !files.readFile || !files.uriOf) return [];
  const offset = toOffset(doc, position);
  const where = locate(model.root, offset, doc.path);
  if (where.key || where.path.length !== 4 || where.path[0] !== "services" || where.path[2] !== "build" || where.path[3] !== "target") return [];
  const build = model.services[where.path[1]!]?.build;
  const target = build?.target?.value;
  if (!build || !target) return [];
  const path = dockerfilePathOf(doc.path, build.context?.value ?? ".", build.dockerfile?.value ?? "Dockerfile");
  const text = files.readFile(path);
  if (text === undefined) return [];
  const { ast } = parseDockerfile(text);
  const from = ast.instructions.find((i) => i.kind === "From" && i.stageName?.value.toLowerCase() === target.toLowerCase());
  if (!from || from.kind !== "From" || !from.stageName) return [];
  const lines = new LineIndex(text);
  return [{ uri: files.uriOf(path), range: { start: lines.positionAt(from.stageName.range.start), end: lines.positionAt(from.stageName.range.end) } }];
}

/** The Dockerfile and env files a service names, and image references to their registry page. */
export function composeLinks(doc: ParsedDocument, files: FileAccess): DocumentLink[] {
  const model = doc.compose?.model;
  if (!model) return [];
  const out: DocumentLink[] = [];
  const mine = (x: { file: string }) => x.file === doc.path;
  for (const s of Object.values(model.services)) {
    if (s.image && mine(s.image) && !s.image.value.includes("$")) {
      const m = /^(?:([^/]+\.[^/]+|localhost(?::\d+)?)\/)?([^:@]+)/.exec(s.image.value);
      const url = m ? imageUrl(m[1], m[2]!) : undefined;
      if (url) out.push({ range: toRange(doc, s.image.range), target: url });
    }
    const b = s.build;
    if (b?.dockerfile && mine(b.dockerfile) && files.uriOf) {
      out.push({ range: toRange(doc, b.dockerfile.range), target: files.uriOf(dockerfilePathOf(doc.path, b.context?.value ?? ".", b.dockerfile.value)) });
    }
    for (const e of s.env_file) {
      if (mine(e.path) && files.uriOf) out.push({ range: toRange(doc, e.path.range), target: files.uriOf(dockerfilePathOf(doc.path, ".", e.path.value)) });
    }
  }
  return out;
}

/** Nested YAML nodes around the cursor, innermost first. */
export function composeSelectionRanges(doc: ParsedDocument, positions: Position[]): SelectionRange[] {
  return positions.map((p) => {
    const offset = toOffset(doc, p);
    const chain: OffsetRange[] = [{ start: 0, end: doc.text.length }];
    let node: CNode | undefined = doc.compose?.model.root;
    for (let depth = 0; node && depth < 200; depth++) {
      if (node.file === doc.path && contains(node.range, offset)) chain.push(node.range);
      let next: CNode | undefined;
      if (node.kind === "map") {
        for (const e of node.entries) {
          if (!writtenHere(doc, node, e)) continue;
          // For `key: *alias` the value node lies at the anchor: the entry ends with its line.
          const end = aliased(e) ? doc.lines.lineContentEnd(doc.lines.lineAt(e.keyRange.start)) : Math.max(e.keyRange.end, e.value.range.end);
          if (contains({ start: e.keyRange.start, end }, offset)) {
            chain.push({ start: e.keyRange.start, end });
            if (contains(e.keyRange, offset)) chain.push(e.keyRange);
            else if (aliased(e)) {
              const alias = anchorAt(doc.text, offset)?.at;
              if (alias) chain.push({ start: alias.range.start - 1, end: alias.range.end });
            } else next = e.value;
            break;
          }
        }
      } else if (node.kind === "seq") {
        next = node.items.find((i) => contains(i.range, offset));
      }
      node = next;
    }
    let selection: SelectionRange | undefined;
    let prev: OffsetRange | undefined;
    for (const r of chain) {
      if (prev && ((r.start === prev.start && r.end === prev.end) || r.start < prev.start || r.end > prev.end)) continue;
      selection = selection ? { range: toRange(doc, r), parent: selection } : { range: toRange(doc, r) };
      prev = r;
    }
    return selection!;
  });
}

/** A fold for every mapping entry and list item whose value spans several lines, and for comment blocks. */
export function composeFolding(doc: ParsedDocument): { startLine: number; endLine: number; kind?: "comment" }[] {
  const out: { startLine: number; endLine: number }[] = [];
  const lastLine = (end: number) => doc.lines.lineAt(Math.max(0, end - 1));
  const visit = (node: CNode | undefined, depth: number) => {
    if (!node || depth > 200) return;
    if (node.kind === "map") {
      for (const e of node.entries) {
        if (!writtenHere(doc, node, e)) continue;
        const start = doc.lines.lineAt(e.keyRange.start);
        const end = e.value.file === doc.path && !aliased(e) ? lastLine(e.value.range.end) : start;
        if (end > start && !seen.has(`${start}:${end}`)) {
          seen.add(`${start}:${end}`);
          out.push({ startLine: start, endLine: end });
        }
        if (!aliased(e)) visit(e.value, depth + 1);
      }
    } else if (node.kind === "seq") {
      for (const item of node.items) if (item.range.start >= node.range.start) visit(item, depth + 1);
    }
  };
  const seen = new Set<string>();
  visit(doc.compose?.model.root, 0);
  return [...out, ...commentBlocks(doc)];
}

/** Runs of two or more comment lines; a `#` line inside a block scalar (`|`, `>`) is text, not a comment. */
function commentBlocks(doc: ParsedDocument): { startLine: number; endLine: number; kind: "comment" }[] {
  const blockLines = new Set<number>();
  const collect = (node: CNode | undefined, depth: number) => {
    if (!node || depth > 200 || node.file !== doc.path) return;
    if (node.kind === "scalar" && node.style === "block") {
      for (let l = doc.lines.lineAt(node.range.start); l <= doc.lines.lineAt(Math.max(node.range.start, node.range.end - 1)); l++) blockLines.add(l);
    } else if (node.kind === "map") for (const e of node.entries) collect(e.value, depth + 1);
    else if (node.kind === "seq") for (const i of node.items) collect(i, depth + 1);
  };
  collect(doc.compose?.model.root, 0);
  const out: { startLine: number; endLine: number; kind: "comment" }[] = [];
  let runStart = -1;
  for (let line = 0; line <= doc.lines.lineCount; line++) {
    const comment = line < doc.lines.lineCount && !blockLines.has(line) && /^\s*#/.test(doc.lines.lineText(line));
    if (comment && runStart < 0) runStart = line;
    if (!comment && runStart >= 0) {
      if (line - 1 > runStart) out.push({ startLine: runStart, endLine: line - 1, kind: "comment" });
      runStart = -1;
    }
  }
  return out;
}

/** An entry written at this place: not one merged in (`<<: *anchor`) from the anchor's text elsewhere. */
function writtenHere(doc: ParsedDocument, map: CNode, e: CEntry): boolean {
  return e.keyFile === doc.path && e.keyRange.start >= map.range.start && e.keyRange.end <= map.range.end;
}

/** `key: *alias`: the value node is the anchored one, written before the key. */
function aliased(e: CEntry): boolean {
  return e.value.range.start < e.keyRange.start;
}

/** `build.target` values in compose documents that name `stage` of the Dockerfile at `dockerfilePath`. */
export function buildTargetReferences(composeDocs: readonly ParsedDocument[], dockerfilePath: string, stage: string): Location[] {
  const out: Location[] = [];
  for (const doc of composeDocs) {
    for (const s of Object.values(doc.compose?.model.services ?? {})) {
      const b = s.build;
      if (!b?.target || b.target.file !== doc.path || b.target.value.toLowerCase() !== stage.toLowerCase()) continue;
      if (dockerfilePathOf(doc.path, b.context?.value ?? ".", b.dockerfile?.value ?? "Dockerfile") !== dockerfilePath) continue;
      out.push({ uri: doc.uri, range: toRange(doc, b.target.range) });
    }
  }
  return out;
}
