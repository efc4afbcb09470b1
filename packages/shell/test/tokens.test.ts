import { beforeAll, describe, expect, it } from "vitest";
import { commandAt, initShell, parseShell, shellTokens, wordAt } from "@shipshape/shell";

beforeAll(() => initShell());

function tokens(text: string): string[] {
  return shellTokens(parseShell(text)).map((t) => `${t.kind}:${text.slice(t.range.start, t.range.end)}`);
}

describe("shellTokens", () => {
  it("classifies keywords, operators, commands, options, strings, variables and comments", () => {
    expect(tokens('if [ -f x ]; then apt-get install -y "a $V b" > /log; fi # done')).toEqual([
      "keyword:if", "keyword:[", "operator:-f", "keyword:]", "operator:;", "keyword:then", "command:apt-get", "option:-y",
      'string:"', "string:a ", "variable:$V", "string: b", 'string:"', "operator:>", "operator:;", "keyword:fi",
      "comment:# done",
    ]);
  });

  it("tokenises inside command substitutions and assignments", () => {
    expect(tokens("V=$(id -u) && echo ${V:-0} 'x'")).toEqual([
      "variable:V", "operator:=", "operator:$(", "command:id", "option:-u", "operator:)", "operator:&&", "command:echo",
      "variable:${V:-0}", "string:'x'",
    ]);
  });

  it("is empty for a script that was not parsed", () => {
    expect(shellTokens({ ...parseShell("ls"), parsed: false })).toEqual([]);
  });

  it("gives a copy of a script the tokens of the script, at the copy's ranges", () => {
    const script = parseShell("apt-get -y x");
    const moved = { ...script, toSource: (o: number) => o + 10 };
    expect(shellTokens(moved).map((t) => [t.kind, t.range.start])).toEqual(shellTokens(script).map((t) => [t.kind, t.range.start + 10]));
  });
});

describe("commandAt and wordAt", () => {
  it("find the innermost command and the word under an offset", () => {
    const text = 'echo "$(id -u)" done';
    const s = parseShell(text);
    expect(commandAt(s, text.indexOf("id"))?.name?.value).toBe("id");
    expect(commandAt(s, text.indexOf("done"))?.name?.value).toBe("echo");
    expect(wordAt(s, text.indexOf("-u") + 1)?.word.value).toBe("-u");
    expect(wordAt(s, text.indexOf("done") + 4)?.word.value).toBe("done");
    expect(commandAt(parseShell("ls; ls"), 3)).toBeUndefined();
  });
});
