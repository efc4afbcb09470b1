import { EmbeddedActionsParser } from "chevrotain";
import { describe, expect, it } from "vitest";
import { AstBuilder } from "../src/ast-builder.js";
import { InstructionParser, tokenizeInstruction } from "../src/grammar.js";
import { scanDockerfile } from "../src/scanner.js";

const text = [
  "# syntax=docker/dockerfile:1",
  "ARG BASE=alpine",
  "FROM --platform=$BUILDPLATFORM ${BASE}:3 AS build",
  "RUN --mount=type=cache,target=/root/.cache \\",
  "    make all",
  'CMD ["run", "--fast"]',
  "ENTRYPOINT /bin/start",
  'SHELL ["/bin/bash", "-c"]',
  "COPY --from=build --chown=app /out /app/",
  'ADD ["a b", "/c"]',
  "ENV A=1 B=$A",
  "LABEL legacy value",
  "EXPOSE 80/tcp $PORT",
  "VOLUME /data",
  "USER app:app",
  "WORKDIR /app",
  "STOPSIGNAL SIGTERM",
  "MAINTAINER someone",
  "HEALTHCHECK --interval=5s CMD curl -f http://localhost/",
  "ONBUILD RUN echo hi",
  "FRM misspelled",
  "RUN <<EOF",
  "echo $HOME",
  "EOF",
].join("\n");

/** Parses every instruction of `text` through one entry point of the grammar. */
function parseAll(entry: (parser: InstructionParser, lower: string) => unknown, parser = new InstructionParser()) {
  const file = scanDockerfile(text);
  return file.instructions.map((scanned) => {
    const builder = new AstBuilder();
    builder.text = text;
    builder.ctx = scanned;
    parser.builder = builder;
    parser.input = tokenizeInstruction(scanned.node);
    const node = entry(parser, scanned.node.lower);
    return { node, errors: parser.errors.length };
  });
}

describe("grammar entry points", () => {
  it("dispatching on the keyword builds what the instruction rule's choice builds, for every kind", () => {
    const viaChoice = parseAll((p) => p.instruction());
    const viaKeyword = parseAll((p, lower) => p.instructionFor(lower));
    expect(viaKeyword).toEqual(viaChoice);
    expect(viaKeyword.map((r) => (r.node as { kind: string }).kind)).toEqual([
      "Arg", "From", "Run", "Cmd", "Entrypoint", "Shell", "Copy", "Add", "Env", "Label", "Expose", "Volume",
      "User", "Workdir", "Stopsignal", "Maintainer", "Healthcheck", "Onbuild", "Unknown", "Run",
    ]);
    expect(viaKeyword.every((r) => r.errors === 0)).toBe(true);
  });
});

/** The parser as chevrotain alone would leave it: its own `disableRecording`, which deletes the recording methods. */
class ChevrotainEnded extends InstructionParser {
  protected override disableRecording(): void {
    (EmbeddedActionsParser.prototype as unknown as { disableRecording(this: unknown): void }).disableRecording.call(this);
  }
}

describe("the end of grammar recording (InstructionParser.disableRecording)", () => {
  it("overrides a method chevrotain has and calls", () => {
    expect(typeof (EmbeddedActionsParser.prototype as unknown as Record<string, unknown>).disableRecording).toBe("function");
    let called = 0;
    class Counting extends InstructionParser {
      protected override disableRecording(): void {
        called++;
        super.disableRecording();
      }
    }
    new Counting();
    expect(called).toBe(1);
  });

  it("leaves the parser with the own properties chevrotain's method leaves, DSL methods reaching the prototype's", () => {
    const ours = new InstructionParser() as unknown as Record<string, unknown>;
    const theirs = new ChevrotainEnded() as unknown as Record<string, unknown>;
    expect(ours.RECORDING_PHASE).toBe(false);
    const proto = Object.getPrototypeOf(ours) as Record<string, unknown>;
    // What chevrotain deleted is still an own property here, holding the prototype's method.
    const kept = Object.keys(ours).filter((k) => !Object.hasOwn(theirs, k));
    expect(kept).toEqual(expect.arrayContaining(["CONSUME", "CONSUME9", "OR", "MANY", "SUBRULE", "ACTION", "LA"]));
    expect(kept).toHaveLength(89);
    for (const name of kept) expect(ours[name], name).toBe(proto[name]);
    expect(Object.keys(theirs).filter((k) => !Object.hasOwn(ours, k))).toEqual([]);
    // Own functions chevrotain leaves over prototype methods (its no-op CST hooks) stay as they are.
    const shadowing = Object.keys(theirs).filter((k) => typeof theirs[k] === "function" && typeof proto[k] === "function");
    expect(shadowing).toContain("cstInvocationStateUpdate");
    for (const name of shadowing) expect(ours[name], name).toBe(theirs[name]);
  });

  it("parses every instruction kind as a parser ended by chevrotain's own method does", () => {
    const ours = parseAll((p) => p.instruction());
    const chevrotains = parseAll((p) => p.instruction(), new ChevrotainEnded());
    expect(ours).toEqual(chevrotains);
    expect(ours.every((r) => r.errors === 0)).toBe(true);
  });
});
