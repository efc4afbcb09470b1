import { expect, test } from "vitest";
import type { CliIO } from "../src/io.js";
import { main } from "../src/main.js";

function io(): CliIO & { out: string; err: string } {
  const state = {
    out: "",
    err: "",
    env: {},
    cwd: process.cwd(),
    stdout: { write: (s: string) => (state.out += s) },
    stderr: { write: (s: string) => (state.err += s) },
    readStdin: async () => new Uint8Array(),
  };
  return state;
}

test("no command: the overview and exit 2; --help: exit 0", async () => {
  const bare = io();
  expect(await main([], bare)).toBe(2);
  expect(bare.out).toMatch(/^shipshape \S+: /);
  const help = io();
  expect(await main(["--help"], help)).toBe(0);
  expect(help.out).toBe(bare.out);
});

test("help COMMAND and COMMAND --help print the same page", async () => {
  const a = io();
  const b = io();
  expect(await main(["help", "parse"], a)).toBe(0);
  expect(await main(["parse", "--help"], b)).toBe(0);
  expect(a.out).toBe(b.out);
  expect(a.out).toContain("--format F");
});

test("usage errors: one line and a pointer to help, exit 2", async () => {
  for (const argv of [["nope"], ["help", "nope"], ["parse"], ["parse", "a", "b"], ["parse", "x", "--format", "yaml"], ["rules", "--format", "csv"], ["explain"], ["lint", "--kind", "k8s"]]) {
    const s = io();
    expect(await main(argv, s), argv.join(" ")).toBe(2);
    expect(s.err).toMatch(/^shipshape: .+\nRun 'shipshape help' for usage\.\n$/);
    expect(s.out).toBe("");
  }
});

test("--version and -v", async () => {
  const s = io();
  expect(await main(["-v"], s)).toBe(0);
  expect(s.out).toMatch(/^\d+\.\d+\.\d+\n$/);
});
