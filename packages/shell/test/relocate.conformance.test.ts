import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { clearShellParseCache, initShell, parseShell, shellScriptsOf, type ShellScript } from "@shipshape/shell";
import { corpus, files } from "./corpus-files.js";


beforeAll(() => initShell());

/** Every script of every instruction of a Dockerfile, parsed. */
function parsedScripts(text: string): ShellScript[] {
  return parseDockerfile(text).ast.instructions.flatMap((i) => shellScriptsOf(i).map((s) => parseShell(s.text, s.toSource)));
}

/** A script as data: its mapping function left out, a command's pipeline given by its index. */
function serialize(script: ShellScript): string {
  return JSON.stringify(script, (key, value: unknown) => {
    if (key === "toSource") return undefined;
    if (key === "pipeline") return script.pipelines.indexOf(value as ShellScript["pipelines"][number]);
    return value;
  });
}

describe("scripts met again at another place of a file, over the corpus", () => {
  it("are the same, copied with their ranges moved, as when built there afresh", () => {
    const shiftBy = "# one more line above\n";
    let scripts = 0;
    const differing: string[] = [];
    for (const file of files(corpus)) {
      const text = readFileSync(file, "utf8");
      clearShellParseCache();
      const fresh = parsedScripts(shiftBy + text).map(serialize);
      clearShellParseCache();
      parsedScripts(text);
      const moved = parsedScripts(shiftBy + text).map(serialize);
      scripts += moved.length;
      if (moved.length !== fresh.length) differing.push(`${path.relative(corpus, file)}: ${moved.length} scripts, not ${fresh.length}`);
      moved.forEach((m, i) => {
        if (m !== fresh[i]) differing.push(`${path.relative(corpus, file)}: script ${i}`);
      });
    }
    expect(differing).toEqual([]);
    expect(scripts).toBeGreaterThan(2000);
  });
});
