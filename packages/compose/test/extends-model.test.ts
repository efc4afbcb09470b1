import { describe, expect, it } from "vitest";
import { parseCompose, referencesOf } from "@shipshape/compose";

const services = (text: string) => parseCompose(text, { fileName: "/p/compose.yaml" }).model.services!;

describe("extends in the model", () => {
  it("keeps the compose file of a mapping-form extends without file:, and gives it no source_file", () => {
    const ext = services("services:\n  base:\n    image: a\n  web:\n    extends:\n      service: base\n").web!.extends!;
    expect(ext.service.value).toBe("base");
    expect(ext.file).toBe("/p/compose.yaml");
    expect(ext.source_file).toBeUndefined();
  });

  it("reads a written file: as source_file and still knows the file the mapping is in", () => {
    const text = "services:\n  web:\n    extends:\n      service: base\n      file: common.yaml\n";
    const ext = services(text).web!.extends!;
    expect(ext.source_file?.value).toBe("common.yaml");
    expect(text.slice(ext.source_file!.range.start, ext.source_file!.range.end)).toBe("common.yaml");
    expect(ext.file).toBe("/p/compose.yaml");
  });

  it("counts a same-file mapping-form extends as a reference to the service", () => {
    const web = services("services:\n  base:\n    image: a\n  web:\n    extends:\n      service: base\n").web!;
    expect(referencesOf(web).filter((r) => r.via === "extends").map((r) => r.ref.value)).toEqual(["base"]);
    const other = services("services:\n  web:\n    extends:\n      service: base\n      file: common.yaml\n").web!;
    expect(referencesOf(other).filter((r) => r.via === "extends")).toEqual([]);
  });
});
