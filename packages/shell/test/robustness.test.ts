import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { findCommands, hasFlag, initShell, parseShell, positionalArgs, unwrapCommand } from "@shipshape/shell";

beforeAll(() => initShell());

/** Strings built from shell-significant pieces, so the parser meets odd but plausible input. */
const shellish = fc.array(fc.constantFrom(
  "echo", "apt-get", "-y", "--yes", "install", " ", "  ", "\n", "\t", "&&", "||", "|", "|&", ";", "&", "(", ")",
  "{", "}", "$(", "`", "\"", "'", "\\", "$x", "${a:-b}", "<<EOF", "EOF", ">", "2>&1", "<", "#", "if", "then", "fi",
  "for", "do", "done", "case", "esac", "=", "A=1", "😀", "é", "*", "!", "sh -c", "sudo", "env",
), { maxLength: 40 }).map((parts) => parts.join(""));

describe("parseShell on arbitrary input", () => {
  it("never throws, and every range stays inside the script", () => {
    fc.assert(fc.property(fc.oneof(shellish, fc.string({ maxLength: 60 })), (text) => {
      const s = parseShell(text);
      const inside = (r: { start: number; end: number }) => r.start >= 0 && r.start <= r.end && r.end <= text.length;
      for (const c of s.commands) {
        expect(inside(c.range)).toBe(true);
        for (const w of [...(c.name ? [c.name] : []), ...c.args]) {
          expect(inside(w.range)).toBe(true);
          expect(text.slice(w.range.start, w.range.end)).toBe(w.raw);
        }
        // The queries must not throw either.
        hasFlag(c, "y", "yes");
        positionalArgs(c, { valueFlags: ["o"] });
        unwrapCommand(c);
      }
      for (const e of s.errors) expect(inside(e.range)).toBe(true);
      findCommands(s, "apt-get");
    }), { numRuns: 400 });
  });
});
