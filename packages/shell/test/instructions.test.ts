import { beforeAll, describe, expect, it } from "vitest";
import {
  initShell, parseInstructionShell, parseShell, shellScriptsOf, type ShellCommand, type ShellWord,
} from "@shipshape/shell";
import { instructionFrom } from "./dockerfile-snippet.js";

beforeAll(() => initShell());

/** A word: its value, or [value, the Dockerfile text its range covers] when the two differ. */
type ExpectedWord = string | [string, string];

function words(cmd: ShellCommand): ShellWord[] {
  return cmd.name ? [cmd.name, ...cmd.args] : cmd.args;
}

function actual(source: string, cmds: ShellCommand[]): ExpectedWord[][] {
  return cmds.map((c) => words(c).map((w) => {
    const slice = source.slice(w.range.start, w.range.end);
    return slice === w.value ? w.value : [w.value, slice];
  }));
}

function commandsOf(source: string): ShellCommand[] {
  return parseInstructionShell(instructionFrom(source)).flatMap((s) => s.script.commands);
}

const cases: { name: string; source: string; commands: ExpectedWord[][] }[] = [
  {
    name: "apt-get chain with continuations",
    source: [
      "RUN apt-get update \\",
      "    && apt-get install -y --no-install-recommends \\",
      "       curl=7.88.1-10 \\",
      "       ca-certificates \\",
      "    && rm -rf /var/lib/apt/lists/*",
    ].join("\n"),
    commands: [
      ["apt-get", "update"],
      ["apt-get", "install", "-y", "--no-install-recommends", "curl=7.88.1-10", "ca-certificates"],
      ["rm", "-rf", "/var/lib/apt/lists/*"],
    ],
  },
  {
    name: "comment lines and blank lines inside a continued RUN",
    source: [
      "RUN apt-get update && \\",
      "    # the tools we need",
      "",
      "    apt-get install -y git && \\",
      "  # and clean up",
      "    rm -rf /var/lib/apt/lists/*",
    ].join("\n"),
    commands: [["apt-get", "update"], ["apt-get", "install", "-y", "git"], ["rm", "-rf", "/var/lib/apt/lists/*"]],
  },
  {
    name: "a word split by a continuation keeps its whole source span",
    source: "RUN echo foo\\\nbar \\\n  baz",
    commands: [["echo", ["foobar", "foo\\\nbar"], "baz"]],
  },
  {
    name: "pipes and `--`",
    source: "RUN curl -fsSL https://example.com/install.sh | bash -s -- --version 1.2",
    commands: [["curl", "-fsSL", "https://example.com/install.sh"], ["bash", "-s", "--", "--version", "1.2"]],
  },
  {
    name: "quotes and escapes",
    source: `RUN echo "a b" 'c d' e\\ f "x\\"y" $'t\\tu' "$HOME"/bin`,
    commands: [["echo", ["a b", '"a b"'], ["c d", "'c d'"], ["e f", "e\\ f"], ['x"y', '"x\\"y"'], ["t\tu", "$'t\\tu'"], ["$HOME/bin", '"$HOME"/bin']]],
  },
  {
    name: "subshell and command substitution",
    source: `RUN (cd /src && make install) && echo "$(git rev-parse HEAD)" > /rev`,
    commands: [["cd", "/src"], ["make", "install"], ["echo", ["$(git rev-parse HEAD)", '"$(git rev-parse HEAD)"']], ["git", "rev-parse", "HEAD"]],
  },
  {
    name: "if, for and while bodies",
    source: "RUN if [ -f /x ]; then sudo rm /x; fi; for p in a b; do pip install \"$p\"; done; while read -r l; do echo $l; done < /list",
    commands: [["sudo", "rm", "/x"], ["pip", "install", ["$p", '"$p"']], ["read", "-r", "l"], ["echo", "$l"]],
  },
  {
    name: "redirect before arguments and assignments before the command",
    source: "RUN DEBIAN_FRONTEND=noninteractive apt-get >/dev/null install -y tzdata 2>&1",
    commands: [["apt-get", "install", "-y", "tzdata"]],
  },
  {
    name: "non-ASCII text keeps UTF-16 ranges",
    source: 'RUN echo "héllo 😀" && touch /tmp/😀 && ls',
    commands: [["echo", ["héllo 😀", '"héllo 😀"']], ["touch", "/tmp/😀"], ["ls"]],
  },
  {
    name: "function definitions and export",
    source: "RUN f() { cd /app; make; }; export PATH=/opt/bin:$PATH NAME; f",
    commands: [["cd", "/app"], ["make"], ["export", "PATH=/opt/bin:$PATH", "NAME"], ["f"]],
  },
  {
    name: "heredoc as the whole script",
    source: "RUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n",
    commands: [["set", "-e"], ["apt-get", "update"], ["apt-get", "install", "-y", "curl"]],
  },
  {
    name: "heredoc as a file written by the line's commands",
    source: "RUN cat <<EOF > /etc/app.conf && chmod 600 /etc/app.conf\nkey=$(hostname)\nEOF\n",
    commands: [["cat"], ["chmod", "600", "/etc/app.conf"], ["hostname"]],
  },
  {
    name: "heredoc fed to bash on the line",
    source: "RUN <<EOF bash\nset -o pipefail\ncurl -s https://x | sh\nEOF\n",
    commands: [["bash"], ["set", "-o", "pipefail"], ["curl", "-s", "https://x"], ["sh"]],
  },
  {
    name: "CMD in shell form",
    source: "CMD exec gunicorn --bind 0.0.0.0:$PORT app:app",
    commands: [["exec", "gunicorn", "--bind", "0.0.0.0:$PORT", "app:app"]],
  },
  {
    name: "HEALTHCHECK CMD in shell form",
    source: "HEALTHCHECK CMD curl -f http://localhost/ || exit 1",
    commands: [["curl", "-f", "http://localhost/"], ["exit", "1"]],
  },
  {
    name: "sh -c script is parsed as nested commands",
    source: `RUN /bin/sh -c 'apt-get update && apt-get install -y make'`,
    commands: [["/bin/sh", "-c", ["apt-get update && apt-get install -y make", "'apt-get update && apt-get install -y make'"]], ["apt-get", "update"], ["apt-get", "install", "-y", "make"]],
  },
];

describe("commands of Dockerfile instructions", () => {
  it.each(cases)("$name", ({ source, commands }) => {
    expect(actual(source, commandsOf(source))).toEqual(commands);
  });
});

describe("command ranges", () => {
  it("cover the command across continuations, from assignment to last redirect", () => {
    const source = "RUN A=1 make \\\n  all >/log && ls";
    const [make, ls] = commandsOf(source);
    expect(source.slice(make.range.start, make.range.end)).toBe("A=1 make \\\n  all >/log");
    expect(source.slice(ls.range.start, ls.range.end)).toBe("ls");
  });

  it("map heredoc-script commands straight into the body", () => {
    const source = "RUN <<EOF\n  apt-get update\nEOF\n";
    const [cmd] = commandsOf(source);
    expect(source.slice(cmd.range.start, cmd.range.end)).toBe("apt-get update");
    expect(cmd.range.start).toBe(source.indexOf("apt-get"));
  });

  it("map assignments, their values and redirect targets", () => {
    const source = "RUN PIP_NO_CACHE_DIR=1 \\\n  pip install -r req.txt 2>/dev/null";
    const [cmd] = commandsOf(source);
    const a = cmd.assignments[0];
    expect(a.name).toBe("PIP_NO_CACHE_DIR");
    expect(source.slice(a.nameRange.start, a.nameRange.end)).toBe("PIP_NO_CACHE_DIR");
    expect(source.slice(a.value!.range.start, a.value!.range.end)).toBe("1");
    const r = cmd.redirects[0];
    expect([r.operator, r.fd, r.target?.value]).toEqual([">", 2, "/dev/null"]);
    expect(source.slice(r.range.start, r.range.end)).toBe("2>/dev/null");
  });
});

describe("shellScriptsOf", () => {
  it("gives the shell-form text and maps it through the segments", () => {
    const source = "RUN echo a \\\n  && echo b";
    const [s] = shellScriptsOf(instructionFrom(source));
    expect(s.kind).toBe("shell-form");
    expect(s.text).toBe("echo a   && echo b");
    expect(s.toSource(s.text.indexOf("&&"))).toBe(source.indexOf("&&"));
  });

  it("treats a heredoc-only RUN as a script and reads its shebang", () => {
    const source = "RUN <<EOF\n#!/usr/bin/env python3\nprint('hi')\nEOF\n";
    const scripts = shellScriptsOf(instructionFrom(source));
    expect(scripts.map((s) => [s.kind, s.interpreter])).toEqual([["heredoc-script", "python3"]]);
    // A python script is not parsed as shell.
    expect(parseInstructionShell(instructionFrom(source))).toEqual([]);
  });

  it("composes the line and the heredoc bodies, and finds heredocs fed to a shell", () => {
    const source = "RUN <<EOF bash -e\necho $HOME\nEOF\n";
    const scripts = shellScriptsOf(instructionFrom(source));
    expect(scripts.map((s) => [s.kind, s.interpreter, s.text])).toEqual([
      // The leading heredoc is moved after the command for tree-sitter: same meaning in POSIX sh.
      ["shell-form", undefined, "bash -e <<EOF\necho $HOME\nEOF"],
      ["heredoc-stdin", "bash", "echo $HOME\n"],
    ]);
    const composed = scripts[0];
    expect(composed.toSource(composed.text.lastIndexOf("EOF"))).toBe(source.lastIndexOf("EOF"));
    expect(composed.toSource(composed.text.indexOf("$HOME"))).toBe(source.indexOf("$HOME"));
  });

  it("gives nothing for exec form and for other instructions", () => {
    expect(shellScriptsOf(instructionFrom('RUN ["apt-get", "update"]'))).toEqual([]);
  });

  it("looks into ONBUILD triggers", () => {
    const trigger = instructionFrom("RUN make");
    const onbuild = { ...trigger, kind: "Onbuild" as const, keyword: "ONBUILD", trigger };
    expect(shellScriptsOf(onbuild).map((s) => s.text)).toEqual(["make"]);
  });
});

describe("parseShell robustness", () => {
  it.each([
    'echo "unterminated',
    "if then fi",
    "a && && b",
    "$(",
    "cat <<EOF",
    "",
    "\\",
    "}}}{{{",
  ])("never throws on %j", (text) => {
    expect(() => parseShell(text)).not.toThrow();
  });

  it("reports syntax errors with ranges and keeps the commands it recognised", () => {
    const s = parseShell('ls -l && echo "open');
    expect(s.hasSyntaxError).toBe(true);
    expect(s.errors.length).toBeGreaterThan(0);
    expect(s.commands[0].name?.value).toBe("ls");
  });

  it("collects comments", () => {
    const s = parseShell("ls # list\n# shellcheck disable=SC2086\necho $x");
    expect(s.comments.map((c) => c.text)).toEqual([" list", " shellcheck disable=SC2086"]);
  });
});

describe("heredoc redirects", () => {
  it("keep the line's redirects and arguments on the command that reads the heredoc", () => {
    const source = "RUN cat <<-'EOT' > /etc/motd\n\thello $USER\n\tEOT\n";
    const [cat] = commandsOf(source);
    expect(cat.redirects.map((r) => [r.operator, r.target?.value])).toEqual([["<<-", "'EOT'"], [">", "/etc/motd"]]);
    const h = cat.redirects[0].heredoc!;
    expect([h.delimiter, h.expand, h.chomp, h.body]).toEqual(["EOT", false, true, "\thello $USER\n"]);
    expect(source.slice(h.bodyRange.start, h.bodyRange.end)).toBe("\thello $USER\n");
  });

  it("cover the moved marker and the command of `RUN <<EOF bash`", () => {
    const source = "RUN <<EOF bash -e\nls\nEOF\n";
    const [bash] = commandsOf(source);
    expect(source.slice(bash.name!.range.start, bash.name!.range.end)).toBe("bash");
    expect(source.slice(bash.range.start, bash.range.end)).toBe("<<EOF bash -e");
  });
});
