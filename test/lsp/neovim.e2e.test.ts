// Headless Neovim as the client: diagnostics and hover for the bundled fixtures. Neovim 0.7 (Debian
// bookworm) has no vim.lsp.start, so the script uses start_client + buf_attach_client.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, repoRoot } from "./client.js";

function ensureNeovim(): void {
  if (spawnSync("nvim", ["--version"]).status === 0) return;
  execFileSync("apt-get", ["install", "-y", "neovim"], { stdio: "ignore" });
}

const SCRIPT = String.raw`
local root = os.getenv("SHIPSHAPE_ROOT")
local out = os.getenv("SHIPSHAPE_OUT")
local diagnostics = {}
local id = vim.lsp.start_client({
  name = "shipshape",
  cmd = { "node", root .. "/packages/cli/bin/shipshape.js", "lsp", "--stdio" },
  root_dir = root,
  handlers = {
    ["textDocument/publishDiagnostics"] = function(_, result)
      local codes = {}
      for _, d in ipairs(result.diagnostics) do table.insert(codes, { code = d.code, line = d.range.start.line, severity = d.severity }) end
      diagnostics[result.uri] = codes
    end,
  },
})
local report = { files = {} }
local function check(file, filetype, hover_line, hover_char)
  vim.cmd("edit " .. root .. "/" .. file)
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = filetype
  vim.lsp.buf_attach_client(buf, id)
  local uri = vim.uri_from_bufnr(buf)
  vim.wait(30000, function() return diagnostics[uri] ~= nil end, 20)
  local client = vim.lsp.get_client_by_id(id)
  local hover = client.request_sync("textDocument/hover", { textDocument = { uri = uri }, position = { line = hover_line, character = hover_char } }, 10000, buf)
  table.insert(report.files, { file = file, uri = uri, diagnostics = diagnostics[uri] or vim.NIL, hover = hover and hover.result and hover.result.contents.value or vim.NIL })
end
check("fixtures/web/Dockerfile", "dockerfile", 3, 1)
check("fixtures/compose.yaml", "yaml", 4, 5)
local f = io.open(out, "w")
f:write(vim.fn.json_encode(report))
f:close()
vim.cmd("qa!")
`;

describe("Neovim as the LSP client", () => {
  beforeAll(() => {
    ensureNeovim();
    ensureBuilt();
  }, 600_000);

  it("receives diagnostics and hovers for a Dockerfile and a compose file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shipshape-nvim-"));
    const script = path.join(dir, "attach.lua");
    const out = path.join(dir, "report.json");
    writeFileSync(script, SCRIPT);
    const run = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-c", `luafile ${script}`], {
      cwd: repoRoot,
      env: { ...process.env, SHIPSHAPE_ROOT: repoRoot, SHIPSHAPE_OUT: out },
      timeout: 120_000,
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as { files: { file: string; diagnostics: { code: string; line: number }[]; hover: string }[] };
    const [dockerfile, compose] = report.files;
    // fixtures/web/Dockerfile: `as build` in lower case (line 10) and `apt-get install` without -y (line 19).
    expect(dockerfile!.diagnostics).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: "FromAsCasing", line: 9 }),
      expect.objectContaining({ code: "DL3014", line: 18 }),
    ]));
    expect(dockerfile!.hover).toContain("**FROM**");
    expect(compose!.diagnostics.length).toBeGreaterThan(0);
    expect(compose!.diagnostics.every((d) => typeof d.code === "string" && d.line > 0)).toBe(true);
    expect(compose!.hover).toContain("**services.web.build**");
  }, 300_000);
});
