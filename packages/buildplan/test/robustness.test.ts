// plan() must never throw and never fail internally, whatever the text and options.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plan, renderPlan } from "@shipshape/buildplan";

const LINES = [
  "FROM alpine AS a", "FROM a", "FROM a AS b", "FROM scratch", "FROM $X", "FROM --platform=$BUILDPLATFORM golang AS build",
  "FROM --platform=bogus//x img", "ARG X", "ARG X=1 Y=$X", "ARG TARGETARCH", "ENV A=$X", "ENV B ${A:-d}",
  "RUN echo $A", "RUN --mount=type=cache,target=/c true", "RUN --mount=from=b,target=/m ls", "RUN --mount=from=$X,target=/m ls",
  "RUN <<EOF\necho hi\nEOF", "COPY . .", "COPY --from=a /x /y", "COPY --from=0 /x /y", "COPY --from=9 /x /y",
  "COPY --link src /dst/", "COPY --chmod=755 --link a b", "COPY <<EOT /f\n$A\nEOT", "ADD https://example.com/x /x",
  "ADD --checksum=sha256:00 https://e/x /x", "WORKDIR rel", "WORKDIR ${A:?nope}", "USER $A", "EXPOSE 80 1-3/udp $A",
  "EXPOSE abc", "VOLUME [\"/v\"]", "LABEL k=v", "CMD [\"x\"]", "CMD x", "ENTRYPOINT []", "HEALTHCHECK NONE",
  "HEALTHCHECK --interval=5s CMD true", "SHELL [\"bash\", \"-c\"]", "SHELL bad", "STOPSIGNAL SIGKILL", "ONBUILD RUN x",
  "ONBUILD COPY --from=a /x /x", "ONBUILD ONBUILD RUN x", "MAINTAINER me", "BOGUS thing", "# comment", "", "\\",
  "RUN a \\", "COPY", "FROM", "ARG", "ENV", "${", "COPY --exclude=*.md . /app", "COPY --parents **/x /y",
];

describe("plan never throws", () => {
  it("on random Dockerfiles built from tricky lines, with random options", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 30 })), { maxLength: 25 }),
        fc.record({
          target: fc.option(fc.constantFrom("a", "b", "build", "zz"), { nil: undefined }),
          changedPaths: fc.option(fc.array(fc.constantFrom("a", "src/x", "x", "dst", ".", "../up")), { nil: undefined }),
          dockerignore: fc.option(fc.constantFrom("*", "!", "[", "src\n!src/keep", ""), { nil: undefined }),
          contextFiles: fc.option(fc.array(fc.constantFrom("a", "src/x", "src/keep", "x.md")), { nil: undefined }),
          noCacheFilter: fc.option(fc.oneof(fc.constant(true as const), fc.array(fc.constantFrom("a", "b"))), { nil: undefined }),
          platform: fc.option(fc.constantFrom("linux/arm64", "linux/arm/v7", "bogus//", "windows/amd64"), { nil: undefined }),
          buildArgs: fc.option(fc.dictionary(fc.constantFrom("X", "A", "TARGETARCH", "BUILDKIT_SYNTAX"), fc.string({ maxLength: 5 })), { nil: undefined }),
        }),
        (lines, options) => {
          const p = plan(lines.join("\n"), options);
          expect(p.diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
          for (const f of ["text", "json", "mermaid", "dot"] as const) expect(typeof renderPlan(p, f)).toBe("string");
          for (const s of p.stages) {
            for (const st of s.steps) expect(["hit", "miss", "content-dependent", "forced", "not-built"]).toContain(st.cache);
            if (!s.built) expect(s.steps.every((st) => st.cache === "not-built")).toBe(true);
          }
          expect(p.order.flat().every((id) => p.stages.some((s) => s.id === id && s.built))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("answers for non-string text and missing options from plain JavaScript callers", () => {
    const loose = plan as unknown as (text: unknown, options?: unknown) => ReturnType<typeof plan>;
    expect(loose(undefined, null).diagnostics.map((d) => d.code)).toEqual(["DF001"]);
    expect(loose("FROM alpine\n", "nope").target).toBe("stage-0");
  });
});

describe("plan with the caller's parse", () => {
  it("equals the plan that parses the text itself, and uses the parse it is given", async () => {
    const { parseDockerfile } = await import("@shipshape/dockerfile");
    const text = LINES.slice(0, 30).join("\n");
    const parsed = parseDockerfile(text);
    expect(plan(text, { parsed })).toEqual(plan(text));
    // The parse given wins: it is the document's own, never parsed again.
    const other = "FROM alpine AS only\n";
    expect(plan(text, { parsed: parseDockerfile(other) }).stages.map((s) => s.name)).toEqual(["only"]);
  });
});

describe("plan diagnostics stay readable", () => {
  it("a message quoting a 100 KB word keeps the word's two ends only", () => {
    const word = `X${"D".repeat(100_000)}Y`;
    const p = plan(`${word} now\nFROM alpine:3.21\n`);
    const before = p.diagnostics.find((d) => d.code === "InstructionBeforeFrom");
    expect(before).toMatchObject({ line: 1, column: 1, endColumn: 100_003 });
    expect(before!.message.length).toBeLessThan(300);
    expect(before!.message).toMatch(/^XD+…D+Y before the first FROM/);
  });
});
