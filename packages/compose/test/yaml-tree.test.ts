import { describe, expect, it } from "vitest";
import { parseCompose, toPlain } from "@shipshape/compose";
import { codes, findings, yaml } from "./helpers.js";

describe("YAML level", () => {
  it("reports a duplicate key at the second key, pointing back at the first", () => {
    const text = yaml("services:", "  web:", "    image: a", "    image: b");
    const { errors, model } = parseCompose(text, { fileName: "c.yaml" });
    expect(errors).toHaveLength(1);
    const [e] = errors;
    expect(e!.code).toBe("CF002");
    expect(e!.rule).toBe("duplicate-key");
    expect(e!.range.start).toBe(text.lastIndexOf("image"));
    expect(text.slice(e!.range.start, e!.range.end)).toBe("image");
    expect(e!.message).toContain("line 3");
    expect(e!.related?.[0]?.range.start).toBe(text.indexOf("image"));
    // The model keeps the last value, like most YAML readers.
    expect(model.services.web!.image!.value).toBe("b");
  });

  it("reports duplicate service names", () => {
    expect(codes(yaml("services:", "  web:", "    image: a", "  web:", "    image: b"))).toEqual([["CF002", "web"]]);
  });

  it("reports syntax errors with a position and goes on", () => {
    const text = yaml("services:", "  web:", "    image: [a", "  db:");
    const f = findings(text);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every(([c]) => c === "CF001")).toBe(true);
  });

  it.each([
    ["services:\n\tweb:\n    image: a\n", "\t", /Tabs/],
    ["services:\n  web:\n    image: 'a\n", "a", /quote/],
    ["services:\n  web: [\n", "[", /Flow sequence/],
  ])("reports YAML error %j on a visible range", (text, covered, message) => {
    const f = findings(text);
    expect(f[0]![0]).toBe("CF001");
    expect(f[0]![1]).toBe(covered);
    expect(f[0]![2]).toMatch(message);
  });

  it("expands aliases and merge keys, explicit keys winning", () => {
    const text = yaml(
      "x-base: &base",
      "  image: base",
      "  restart: always",
      "x-more: &more",
      "  image: more",
      "  init: true",
      "services:",
      "  web:",
      "    <<: [*base, *more]",
      "    restart: unless-stopped",
    );
    const { errors, model } = parseCompose(text);
    expect(errors).toEqual([]);
    const web = model.services.web!;
    expect(web.image!.value).toBe("base");
    expect(web.restart!.value).toBe("unless-stopped");
    expect(web.init!.value).toBe(true);
    // Values from an anchor keep the range where they were written.
    expect(text.slice(web.image!.range.start, web.image!.range.end)).toBe("base");
  });

  it("refuses a merge key that points at a scalar", () => {
    const text = yaml("x-s: &s hello", "services:", "  web:", "    <<: *s", "    image: a");
    expect(codes(text)).toEqual([["CF004", "hello"]]);
  });

  it("keeps !override on nodes and drops what !reset marks", () => {
    const text = yaml("services:", "  web:", "    image: a", "    ports: !reset []", "    environment: !override", "      A: b", "      C: !reset null");
    const { model, errors } = parseCompose(text);
    expect(errors).toEqual([]);
    const web = (model.root!.entries[0]!.value as any).entries[0].value;
    expect(web.entries.map((e: any) => e.key)).toEqual(["image", "environment"]);
    expect(web.entries.find((e: any) => e.key === "environment").value.tag).toBe("override");
    expect(model.services.web!.environment.map((e) => e.key)).toEqual(["A"]);
  });

  it("lets !reset cancel a value a merge key brought in", () => {
    const text = yaml("x-base: &base", "  image: a", "  user: root", "services:", "  web:", "    <<: *base", "    user: !reset null");
    const { model, errors } = parseCompose(text);
    expect(errors).toEqual([]);
    expect(model.services.web!.user).toBeUndefined();
    expect(model.services.web!.image!.value).toBe("a");
  });

  it("bounds alias bombs quickly", () => {
    let text = 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = "a";
    for (const n of "bcdefghij") {
      text += `x-${n}: &${n} [${Array(9).fill("*" + prev).join(",")}]\n`;
      prev = n;
    }
    text += "services:\n  web:\n    image: x\n    command: *j\n";
    // Expanded, *j is 9^10 strings; bounded, the parse takes a few hundred milliseconds. No clock is
    // read: an unbounded expansion shows as this test's timeout (or running out of memory).
    const { errors } = parseCompose(text);
    expect(errors.map((e) => e.code)).toContain("CF003");
  }, 20_000);

  it("reports an alias inside its own anchor", () => {
    expect(codes(yaml("x-a: &a", "  b: *a")).map(([c]) => c)).toContain("CF003");
  });

  it("cuts off absurdly deep nesting without throwing", () => {
    const text = "x-deep: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
    const { errors } = parseCompose(text);
    expect(errors.some((e) => e.code === "CF001")).toBe(true);
  });

  it("survives binary input", () => {
    const bin = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
    const { errors } = parseCompose(bin);
    expect(errors.length).toBeGreaterThan(0);
  });

  it("reports an empty file and a non-mapping document", () => {
    expect(codes("# only a comment\n")).toEqual([["CF006", ""]]);
    expect(codes("- a\n- b\n")).toEqual([["CF005", "- a\n- b"]]);
  });

  it("reports non-string keys", () => {
    expect(codes(yaml("services:", "  web:", "    image: a", "    environment:", "      1: x"))).toEqual([["CF005", "1"]]);
  });

  it("merges several YAML documents in order", () => {
    const text = yaml("services:", "  web:", "    image: a", "---", "services:", "  web:", "    restart: always");
    const { model } = parseCompose(text);
    expect(toPlain(model.root)).toEqual({ services: { web: { image: "a", restart: "always" } } });
  });
});

describe("offsets", () => {
  it("are UTF-16 indexes, also after astral characters", () => {
    const text = yaml("x-note: '🐳🐳 whales'", "services:", "  web:", "    image: a", "    imagee: b");
    expect(codes(text)).toEqual([["CF101", "imagee"]]);
  });

  it("work with CRLF line ends", () => {
    const text = "services:\r\n  web:\r\n    image: a\r\n    restart: sometimes\r\n    image: b\r\n";
    expect(codes(text)).toEqual([
      ["CF002", "image"],
      ["CF109", "sometimes"],
    ]);
  });

  it("point inside quoted strings when nothing is escaped", () => {
    const text = yaml("services:", "  web:", "    image: a", "    ports:", '      - "127.0.0.1:80:99999"');
    expect(codes(text)).toEqual([["CF105", "99999"]]);
  });

  it("find a part written once in a block scalar or an escaped string", () => {
    const text = yaml("services:", "  web:", "    image: a", "    command: |", "      echo ${ONE}", "      done", '    entrypoint: "say \\"hi\\" ${TWO}"');
    expect(codes(text, { env: {} })).toEqual([
      ["CF009", "${ONE}"],
      ["CF009", "${TWO}"],
    ]);
  });

  it("fall back to the whole scalar when escapes make offsets unmappable", () => {
    const text = yaml("services:", "  web:", "    image: a", "    ports:", '      - "127.0.0.1:80:\\x39\\x399999"');
    expect(codes(text)).toEqual([["CF105", '"127.0.0.1:80:\\x39\\x399999"']]);
  });
});

describe("primeYamlParser", () => {
  it("runs its samples once, reports nothing, and leaves later parses as they were", async () => {
    const { primeYamlParser } = await import("@shipshape/compose");
    const text = yaml("x: &a {k: v}", "services:", "  web:", "    <<: *a", "    image: [a", "  db: {image: \"p\\x41\"}");
    const before = parseCompose(text, { fileName: "c.yaml" });
    expect(() => primeYamlParser()).not.toThrow();
    primeYamlParser();
    const after = parseCompose(text, { fileName: "c.yaml" });
    expect(before.errors.length).toBeGreaterThan(0);
    expect(after.errors).toEqual(before.errors);
    expect(JSON.stringify(after.model)).toBe(JSON.stringify(before.model));
  });
});
