import { beforeAll, describe, expect, it } from "vitest";
import {
  commandLayers, commandName, countFlag, findCommands, flagOption, flagValue, hasArg, hasFlag, hasPipe, initShell,
  parseArgs, parseShell, pipefailBefore, positionalArgs, setsPipefail, subcommand, unwrapCommand, type ShellCommand,
} from "@shipshape/shell";

beforeAll(() => initShell());

function first(script: string): ShellCommand {
  return parseShell(script).commands[0];
}

describe("commandName", () => {
  it.each([
    ["/usr/bin/apt-get update", "apt-get"],
    ["apt-get update", "apt-get"],
    ['"/opt/my tool" run', "my tool"],
    ["A=1", undefined],
  ])("%s -> %s", (script, name) => {
    expect(commandName(first(script))).toBe(name);
  });
});

describe("hasFlag", () => {
  it.each([
    ["apt-get -y install x", ["y"], true],
    ["apt-get -qy install x", ["y"], true],
    ["apt-get -qy install x", ["-y"], true],
    ["apt-get --yes install x", ["yes"], true],
    ["apt-get --assume-yes install x", ["--yes", "--assume-yes"], true],
    ["apt-get install --no-install-recommends x", ["no-install-recommends"], true],
    ["apt-get install x", ["y", "yes"], false],
    ["apt-get install -- -y", ["y"], false],
    ["apt-get install yes", ["yes"], false],
    ["wget -nv https://x", ["-nv"], true],
    ["wget -nv https://x", ["nv"], false],
    ["wget --progress=dot:giga https://x", ["progress"], true],
    ["apk add --no-cache curl", ["no-cache"], true],
  ] as const)("%s has %j: %s", (script, names, expected) => {
    expect(hasFlag(first(script), ...names)).toBe(expected);
  });
});

describe("countFlag", () => {
  it.each([
    ["apt-get -qq install x", 2],
    ["apt-get -q -q install x", 2],
    ["apt-get -q install x", 1],
    ["apt-get install x", 0],
  ])("%s counts q %i times", (script, n) => {
    expect(countFlag(first(script), "q")).toBe(n);
  });

  it("counts the long spelling with the short one", () => {
    expect(countFlag(first("apt-get -q --quiet install x"), "q", "quiet")).toBe(2);
  });
});

describe("flagValue", () => {
  it.each([
    ["apt-get install -t bookworm-backports x", "t", "bookworm-backports"],
    ["apt-get install --target-release=stable x", "target-release", "stable"],
    ["apt-get install --target-release stable x", "--target-release", "stable"],
    ["useradd -u123456 app", "u", "123456"],
    ["apt-get -q=2 install x", "q", "2"],
    ["apt-get install x", "t", undefined],
  ])("%s: %s = %s", (script, name, value) => {
    expect(flagValue(first(script), name)).toBe(value);
  });

  it("returns the value word and its range", () => {
    const source = "useradd --uid 1000123 app";
    const opt = flagOption(first(source), "uid")!;
    expect(source.slice(opt.valueWord!.range.start, opt.valueWord!.range.end)).toBe("1000123");
  });
});

describe("positionalArgs and subcommand", () => {
  it("skips flags and the values of value flags", () => {
    const cmd = first("apt-get -o Dpkg::Options::=--force-confnew install -y -t stable curl=7.0 git");
    expect(positionalArgs(cmd, { valueFlags: ["o", "t"] }).map((w) => w.value)).toEqual(["install", "curl=7.0", "git"]);
    expect(subcommand(cmd, { valueFlags: ["o", "t"] })?.value).toBe("install");
  });

  it("treats everything after -- as positional", () => {
    expect(positionalArgs(first("gem install -- --x y")).map((w) => w.value)).toEqual(["install", "--x", "y"]);
  });

  it("without value flags the flag's value counts as positional", () => {
    expect(positionalArgs(first("pip install -i https://mirror flask")).map((w) => w.value)).toEqual(["install", "https://mirror", "flask"]);
  });

  it("a lone '-' is positional and a word after '--' is never an option", () => {
    const cmd = first("tar -xzf - -C /opt -- -weird");
    expect(positionalArgs(cmd, { valueFlags: ["C"] }).map((w) => w.value)).toEqual(["-", "-weird"]);
    expect(hasFlag(cmd, "C")).toBe(true);
    expect(hasFlag(cmd, "weird")).toBe(false);
  });

  it("answers alike for equal value-flag lists, whether one array or a new one per call", () => {
    const shared = ["t", "target-release"];
    const cmd = first("apt-get -t bookworm-backports install curl");
    const fromShared = positionalArgs(cmd, { valueFlags: shared }).map((w) => w.value);
    const fromLiteral = positionalArgs(cmd, { valueFlags: ["t", "target-release"] }).map((w) => w.value);
    expect(fromShared).toEqual(["install", "curl"]);
    expect(fromLiteral).toEqual(fromShared);
    // A different list is a different question.
    expect(positionalArgs(cmd, { valueFlags: ["o"] }).map((w) => w.value)).toEqual(["bookworm-backports", "install", "curl"]);
  });

  it("reads a single-dash long value flag and its value", () => {
    const cmd = first("find . -name '*.pyc' -delete");
    expect(flagValue(cmd, "-name")).toBe("*.pyc");
    expect(positionalArgs(cmd, { valueFlags: ["-name"] }).map((w) => w.value)).toEqual(["."]);
  });

  it("flagOption finds nothing in a command without options", () => {
    expect(flagOption(first("apt-get install curl"), "t")).toBeUndefined();
    expect(flagOption(first("useradd -u 1000 app"), "u")?.value).toBe("1000");
  });

  it("hasArg matches any argument exactly", () => {
    expect(hasArg(first("yum clean all"), "all")).toBe(true);
    expect(hasArg(first("yum clean all"), "al")).toBe(false);
  });
});

describe("parseArgs sharing", () => {
  it("answers every value-flag list with one parse when no argument is an option word", () => {
    const cmd = first("cp a b /dest");
    const plain = parseArgs(cmd);
    expect(plain).toEqual({ options: [], positionals: cmd.args });
    expect(parseArgs(cmd, { valueFlags: ["t"] })).toBe(plain);
    // Its positionals are a list of their own, not the command's.
    expect(plain.positionals).not.toBe(cmd.args);
  });

  it("parses per list when an argument is an option word (`-t` takes the next word only when listed)", () => {
    const cmd = first("cp -t /dest a b");
    expect(parseArgs(cmd).positionals.map((w) => w.value)).toEqual(["/dest", "a", "b"]);
    expect(parseArgs(cmd, { valueFlags: ["t"] }).positionals.map((w) => w.value)).toEqual(["a", "b"]);
    const dashes = first("cp -- -t a");
    expect(parseArgs(dashes, { valueFlags: ["t"] }).positionals.map((w) => w.value)).toEqual(["-t", "a"]);
  });
});

describe("unwrapCommand", () => {
  it.each([
    ["sudo apt-get install x", "apt-get", ["install", "x"]],
    ["sudo -u app -E npm ci", "npm", ["ci"]],
    ["env DEBIAN_FRONTEND=noninteractive apt-get install -y x", "apt-get", ["install", "-y", "x"]],
    ["env -i PATH=/bin sh -c ls", "sh", ["-c", "ls"]],
    ["xargs -n1 -I{} rm {}", "rm", ["{}"]],
    ["timeout 30 curl https://x", "curl", ["https://x"]],
    ["gosu app:app node server.js", "node", ["server.js"]],
    ["nice -n 10 make", "make", []],
    ["tini -- node index.js", "node", ["index.js"]],
  ])("%s -> %s", (script, name, args) => {
    const inner = unwrapCommand(first(script))!;
    expect(inner.name?.value).toBe(name);
    expect(inner.args.map((a) => a.value)).toEqual(args);
    expect(commandName(inner.wrapper!)).toBe(script.split(" ")[0]);
  });

  it.each(["sudo -l", "command -v curl", "env", "ls -l", "timeout 10"])("%s wraps nothing", (script) => {
    expect(unwrapCommand(first(script))).toBeUndefined();
  });

  it("moves env assignments to the inner command with exact ranges", () => {
    const source = "env PIP_NO_CACHE_DIR=1 pip install flask";
    const inner = unwrapCommand(first(source))!;
    const a = inner.assignments[0];
    expect([a.name, a.value?.value]).toEqual(["PIP_NO_CACHE_DIR", "1"]);
    expect(source.slice(a.nameRange.start, a.nameRange.end)).toBe("PIP_NO_CACHE_DIR");
    expect(source.slice(a.value!.range.start, a.value!.range.end)).toBe("1");
  });

  it("gives one view per wrapper command, so what is kept per command is kept for the view too", () => {
    const script = parseShell("sudo -E apt-get -y install curl");
    const inner = unwrapCommand(script.commands[0])!;
    expect(unwrapCommand(script.commands[0])).toBe(inner);
    expect(findCommands(script, "apt-get")[0]).toBe(inner);
    expect(hasFlag(inner, "y")).toBe(true);
  });

  it("sees through nested wrappers", () => {
    const layers = commandLayers(first("sudo env A=1 nice apt-get update"));
    expect(layers.map((c) => commandName(c))).toEqual(["sudo", "env", "nice", "apt-get"]);
  });
});

describe("findCommands", () => {
  const script = () => parseShell("sudo apt-get update && apt install -y x | tee log; (cd /x && /usr/bin/apt-get clean)");

  it("finds by basename, through wrappers and inside subshells", () => {
    expect(findCommands(script(), "apt-get").map((c) => c.args.map((a) => a.value).join(" "))).toEqual(["update", "clean"]);
    expect(findCommands(script(), "sudo")).toHaveLength(1);
  });

  it("can skip wrappers", () => {
    expect(findCommands(script(), "apt-get", { unwrap: false })).toHaveLength(1);
  });

  it("accepts several names or a predicate", () => {
    expect(findCommands(script(), ["apt", "tee"]).map((c) => commandName(c))).toEqual(["apt", "tee"]);
    expect(findCommands(script(), (c) => c.context.inSubshell).map((c) => commandName(c))).toEqual(["cd", "apt-get"]);
  });
});

describe("connectors, pipelines and pipefail", () => {
  it("records how each command joins the previous one", () => {
    const s = parseShell("a && b || c; d | e |& f & g\nh");
    expect(s.commands.map((c) => [c.name?.value, c.connector ?? null])).toEqual([
      ["a", null], ["b", "&&"], ["c", "||"], ["d", ";"], ["e", "|"], ["f", "|&"], ["g", "&"], ["h", "newline"],
    ]);
    expect(s.commands.filter((c) => c.background).map((c) => c.name?.value)).toEqual(["d", "e", "f"]);
    expect(parseShell("sleep 10 &").commands[0].background).toBe(true);
  });

  it("groups pipelines with positions", () => {
    const s = parseShell("curl -s x | tar xz -C / && ! grep -q y z | cat");
    expect(hasPipe(s)).toBe(true);
    expect(s.pipelines.map((p) => [p.length, p.negated, p.commands.map((c) => c.name?.value)])).toEqual([
      [2, false, ["curl", "tar"]],
      [2, true, ["grep", "cat"]],
    ]);
    expect(s.commands.map((c) => c.pipelineIndex)).toEqual([0, 1, 0, 1]);
  });

  it("sees a pipeline after a heredoc on the same line", () => {
    const s = parseShell("cat <<EOF | sh\necho hi\nEOF");
    expect(s.pipelines).toHaveLength(1);
    expect(s.pipelines[0].commands.map((c) => c.name?.value)).toEqual(["cat", "sh"]);
  });

  it("has no pipe in || chains", () => {
    expect(hasPipe(parseShell("a || b"))).toBe(false);
  });

  it("recognises set -o pipefail before a command", () => {
    const s = parseShell("set -euo pipefail && curl x | sh");
    expect(setsPipefail(s.commands[0])).toBe(true);
    expect(pipefailBefore(s, s.commands[1])).toBe(true);
    const t = parseShell("(set -o pipefail) && curl x | sh");
    expect(pipefailBefore(t, t.commands[1])).toBe(false);
    expect(setsPipefail(first("set -e"))).toBe(false);
  });
});

describe("contexts", () => {
  it("marks substitutions, subshells, functions, compounds and nested shells", () => {
    const s = parseShell('echo "$(id -u)"; (cd /); f() { make; }; if true; then ls; fi; bash -c "pwd"');
    const ctx = Object.fromEntries(s.commands.map((c) => [c.name?.value, c.context]));
    expect(ctx.id.inSubstitution).toBe(true);
    expect(ctx.cd.inSubshell).toBe(true);
    expect(ctx.make.inFunction).toBe(true);
    expect(ctx.ls.inCompound).toBe(true);
    expect(ctx.pwd.inNestedShell).toBe(true);
    expect(ctx.echo.depth).toBe(0);
    expect(ctx.id.depth).toBe(1);
  });

  it("numbers commands in source order", () => {
    const s = parseShell("a $(b) && c `d`");
    expect(s.commands.map((c) => [c.index, c.name?.value])).toEqual([[0, "a"], [1, "b"], [2, "c"], [3, "d"]]);
  });
});

describe("the README's rule example", () => {
  it("reports exactly the unpinned apt-get packages, through sudo and across continuations", () => {
    const text = "sudo apt-get install -y -t stable curl=7.88 \\\n  git ./local.deb && apt-get update";
    const unpinned: string[] = [];
    for (const cmd of findCommands(parseShell(text), "apt-get")) {
      const [sub, ...packages] = positionalArgs(cmd, { valueFlags: ["t", "target-release", "o", "c"] });
      if (sub?.value !== "install") continue;
      for (const p of packages) if (!/[=/]|\.deb$/.test(p.value)) unpinned.push(text.slice(p.range.start, p.range.end));
    }
    expect(unpinned).toEqual(["git"]);
  });
});
