import { beforeAll, describe, expect, it } from "vitest";
import { clearShellParseCache, initShell, parseShell, shellScriptsOf, shellTokens, toSourceFromPieces, type ShellScript } from "@shipshape/shell";
import { instructionFrom } from "./dockerfile-snippet.js";

beforeAll(() => initShell());

/** The scripts of one RUN, with the instruction placed `at` code units into its file. */
function scriptsAt(run: string, at: number) {
  const instr = instructionFrom(run);
  const shifted = { ...instr, segments: instr.segments.map((s) => ({ ...s, source: s.source + at })) };
  const move = (r: { start: number; end: number }) => ({ start: r.start + at, end: r.end + at });
  shifted.heredocs = instr.heredocs.map((h) => ({
    ...h, contentRange: move(h.contentRange), terminatorRange: h.terminatorRange && move(h.terminatorRange),
  }));
  return shellScriptsOf(shifted);
}

const RUNS = [
  "RUN set -eux; apt-get update && apt-get install -y \\\n    curl=7.8 git \\\n  | tee /log 2>&1 >/dev/null && rm -rf /var/lib/apt/lists/*",
  "RUN A=1 B+=2 env C=3 make all <<EOF > /out # trailing comment\nbody $(hostname)\nEOF",
  "RUN if [ -f x ]; then (cd /tmp && make) & fi; sh -c 'apk add --no-cache curl | cat'; f() { local x=$(pwd); }",
  "RUN echo 'unterminated && ls",
  "RUN cat <<-'EOT' | sh\n\techo one | wc -l\n\tEOT",
];

describe("a script text met again at another place", () => {
  it("gives the same script as a fresh build there, sharing script ranges with the first build", () => {
    for (const run of RUNS) {
      clearShellParseCache();
      const fresh = scriptsAt(run, 1000).map((s) => parseShell(s.text, s.toSource));
      clearShellParseCache();
      const first = scriptsAt(run, 0).map((s) => parseShell(s.text, s.toSource));
      const moved = scriptsAt(run, 1000).map((s) => parseShell(s.text, s.toSource));
      // Each call makes its own mapping function; everything else must match.
      const data = (list: ShellScript[]) => list.map((script) => ({ ...script, toSource: undefined }));
      expect(data(moved)).toEqual(data(fresh));
      moved.forEach((script, i) => {
        expect(script).not.toBe(first[i]);
        // Relocated, not built again: script ranges are the first build's own objects.
        script.commands.forEach((c, k) => expect(c.scriptRange).toBe(first[i]!.commands[k]!.scriptRange));
      });
    }
  });

  it("links pipelines and their commands within the copy, not to the original", () => {
    clearShellParseCache();
    const run = "RUN a | b && c |& d";
    const [first] = scriptsAt(run, 0).map((s) => parseShell(s.text, s.toSource));
    const [moved] = scriptsAt(run, 50).map((s) => parseShell(s.text, s.toSource));
    expect(moved!.pipelines).toHaveLength(2);
    for (const p of moved!.pipelines) {
      for (const c of p.commands) {
        expect(moved!.commands).toContain(c);
        expect(c.pipeline).toBe(p);
      }
    }
    expect(moved!.pipelines[0]).not.toBe(first!.pipelines[0]);
    expect(moved!.commands[0]!.range.start).toBe(first!.commands[0]!.range.start + 50);
  });

  it("keeps its tokens, mapped to the new place", () => {
    clearShellParseCache();
    const run = "RUN apt-get install -y \"curl\" # why";
    const [first] = scriptsAt(run, 0).map((s) => parseShell(s.text, s.toSource));
    const [moved] = scriptsAt(run, 20).map((s) => parseShell(s.text, s.toSource));
    const tokens = (s: ShellScript) => shellTokens(s).map((t) => [t.kind, t.range.start]);
    expect(tokens(moved!)).toEqual(tokens(first!).map(([kind, start]) => [kind, (start as number) + 20]));
    expect(tokens(moved!).length).toBeGreaterThan(3);
  });

  it("builds again when the layout differs, not only the place", () => {
    clearShellParseCache();
    const text = "ls -l /tmp";
    const straight = parseShell(text, toSourceFromPieces([{ script: 0, source: 0, length: 10 }]));
    // The same text split by a continuation after `ls`: offsets past the split move by 3 more.
    const split = parseShell(text, toSourceFromPieces([{ script: 0, source: 100, length: 3 }, { script: 3, source: 106, length: 7 }]));
    expect(straight.commands[0]!.args.map((a) => a.range.start)).toEqual([3, 6]);
    expect(split.commands[0]!.args.map((a) => a.range.start)).toEqual([106, 109]);
  });
});
