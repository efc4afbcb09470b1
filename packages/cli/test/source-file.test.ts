import { readFileSync, readdirSync, statSync, chmodSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { decodeSource, encodeSource, writeFileAtomic } from "../src/source-file.js";
import { makeTree } from "./tree.js";

let remove = () => {};
afterEach(() => remove());

test("decoding strips a BOM and notes the dominant line ending", () => {
  expect(decodeSource(Buffer.from("\uFEFFFROM a\r\nRUN b\r\n"))).toEqual({ text: "FROM a\r\nRUN b\r\n", bom: true, eol: "\r\n", encoding: "utf-8" });
  expect(decodeSource(Buffer.from("FROM a\nRUN b\r\nX\n"))).toEqual({ text: "FROM a\nRUN b\r\nX\n", bom: false, eol: "\n", encoding: "utf-8" });
});

test("decoding notes bytes that are not UTF-8, and reads a file with a UTF-16 byte-order mark as UTF-16", () => {
  expect(decodeSource(Buffer.from([0x46, 0xff, 0x0a]))).toEqual({ text: "F\uFFFD\n", bom: false, eol: "\n", encoding: "invalid-utf-8" });
  const le = Buffer.from("\uFEFFFROM é\r\n", "utf16le");
  expect(decodeSource(le)).toEqual({ text: "FROM é\r\n", bom: true, eol: "\r\n", encoding: "utf-16le" });
  const be = Buffer.from(le.map((_, i) => le[i ^ 1]!));
  expect(decodeSource(be)).toEqual({ text: "FROM é\r\n", bom: true, eol: "\r\n", encoding: "utf-16be" });
  // As BuildKit reads a Dockerfile (parse, plan): UTF-8 whatever the mark says.
  expect(decodeSource(le, { utf16: false }).encoding).toBe("invalid-utf-8");
  // A lone 0xFF byte is not a byte-order mark.
  expect(decodeSource(Buffer.from([0xff])).encoding).toBe("invalid-utf-8");
});

test("encoding puts the BOM back and makes inserted LFs CRLF in a CRLF file", () => {
  expect(encodeSource("FROM a\r\nLABEL x=1\nRUN b\r\n", { bom: true, eol: "\r\n" })).toBe("\uFEFFFROM a\r\nLABEL x=1\r\nRUN b\r\n");
  expect(encodeSource("FROM a\nRUN b\n", { bom: false, eol: "\n" })).toBe("FROM a\nRUN b\n");
});

test("atomic write replaces the file, keeps its mode and leaves no temporary file", async () => {
  const t = makeTree({ "dir/Dockerfile": "old\n" });
  remove = t.remove;
  const file = path.join(t.root, "dir/Dockerfile");
  chmodSync(file, 0o640);
  await writeFileAtomic(file, "new\n");
  expect(readFileSync(file, "utf8")).toBe("new\n");
  expect(statSync(file).mode & 0o777).toBe(0o640);
  expect(readdirSync(path.dirname(file))).toEqual(["Dockerfile"]);
});

test("a failed atomic write leaves the original untouched", async () => {
  const t = makeTree({});
  remove = t.remove;
  await expect(writeFileAtomic(path.join(t.root, "missing/Dockerfile"), "x")).rejects.toThrow();
  expect(readdirSync(t.root)).toEqual([]);
});
