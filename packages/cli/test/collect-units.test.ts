import { afterEach, expect, test } from "vitest";
import { collectUnits } from "../src/commands/lint.js";
import type { CliIO } from "../src/io.js";
import { parseCommandLine } from "../src/main.js";
import { findCommand, LINT_OPTIONS } from "../src/options.js";
import { resolveLintSettings } from "../src/settings.js";
import { makeTree } from "./tree.js";

let remove = () => {};
afterEach(() => remove());

async function units(files: Record<string, string>, args: string[], stdin = "") {
  const t = makeTree(files);
  remove = t.remove;
  const io: CliIO = { env: {}, cwd: t.root, stdout: { write: () => true }, stderr: { write: () => true }, readStdin: async () => Buffer.from(stdin) };
  const { values, positionals } = parseCommandLine(findCommand("lint")!, args);
  const problems: string[] = [];
  const result = await collectUnits(resolveLintSettings(LINT_OPTIONS, values, positionals, {}, false), io, problems);
  return { units: result.units, problems, sources: result.sources };
}

const SERVICES = "services:\n  web:\n    image: nginx:1.27\n";

test("a walk: Dockerfiles one by one, compose files grouped into projects through override, include and extends", async () => {
  const { units: found } = await units(
    {
      "app/Dockerfile": "FROM alpine:3.20\n",
      "app/compose.yaml": "include:\n  - ../common/db.compose.yaml\n" + SERVICES,
      "app/compose.override.yaml": "services:\n  web:\n    extends:\n      file: ../common/base.compose.yaml\n      service: base\n",
      "common/db.compose.yaml": "services:\n  db:\n    image: postgres:16\n",
      "common/base.compose.yaml": "services:\n  base:\n    image: busybox:1.36\n",
      "tools/compose.yaml": SERVICES,
    },
    ["."],
  );
  expect(found).toEqual([
    { kind: "dockerfile", files: ["app/Dockerfile"] },
    {
      kind: "compose",
      files: ["app/compose.yaml", "app/compose.override.yaml"],
      members: ["app/compose.yaml", "app/compose.override.yaml", "common/base.compose.yaml", "common/db.compose.yaml"],
    },
    { kind: "compose", files: ["tools/compose.yaml"], members: ["tools/compose.yaml"] },
  ]);
});

test("explicit compose files stand alone; --compose-file makes one project of its files", async () => {
  const files = { "compose.yaml": SERVICES, "compose.override.yaml": SERVICES, "stack.yml": SERVICES };
  expect((await units(files, ["compose.yaml", "compose.override.yaml"])).units.map((u) => u.files)).toEqual([["compose.yaml"], ["compose.override.yaml"]]);
  const merged = await units(files, ["--compose-file", "stack.yml", "--compose-file", "compose.yaml", "."]);
  expect(merged.units.map((u) => u.files)).toEqual([["stack.yml", "compose.yaml"], ["compose.override.yaml"]]);
});

test("stdin takes --kind; unreadable paths are problems while the rest is kept", async () => {
  const { units: found, problems, sources } = await units({ Dockerfile: "FROM a\n" }, ["-", "missing", "Dockerfile", "--kind", "compose"], "services: {}\n");
  expect(found).toEqual([
    { kind: "compose", files: ["-"] },
    { kind: "compose", files: ["Dockerfile"] },
  ]);
  expect(problems).toEqual(["missing: no such file or directory"]);
  expect(sources.get("-")?.text).toBe("services: {}\n");
});

test("a shard keeps a compose project whole", async () => {
  const files = { "compose.yaml": SERVICES, "compose.override.yaml": SERVICES, "a/Dockerfile": "FROM a\n", "b/Dockerfile": "FROM b\n", "c/Dockerfile": "FROM c\n" };
  const all = [];
  for (const i of [1, 2, 3]) all.push(...(await units(files, [".", "--shard", `${i}/3`])).units.map((u) => u.files.join("+")));
  expect(all.sort()).toEqual(["a/Dockerfile", "b/Dockerfile", "c/Dockerfile", "compose.yaml+compose.override.yaml"]);
});

test("a key spelled with escapes in double quotes still groups; files that cannot name another file are not parsed for it", async () => {
  const { units: found } = await units(
    {
      "app/compose.yaml": '"\\x69nclude":\n  - ../common/db.compose.yaml\n' + SERVICES,
      "common/db.compose.yaml": "services:\n  db:\n    image: postgres:16\n",
      "other/compose.yaml": SERVICES,
    },
    ["."],
  );
  expect(found).toEqual([
    { kind: "compose", files: ["app/compose.yaml"], members: ["app/compose.yaml", "common/db.compose.yaml"] },
    { kind: "compose", files: ["other/compose.yaml"], members: ["other/compose.yaml"] },
  ]);
});
