// Bundles the extension into two CommonJS files: dist/extension.js (the client, `vscode` left external)
// and dist/server.js (the language server with every @shipshape package inlined), and copies the
// tree-sitter wasm files the shell parser loads next to the server.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, "..");
const packages = path.resolve(pkg, "..");
const dist = path.join(pkg, "dist");
const require = createRequire(path.join(pkg, "package.json"));
const production = process.argv.includes("--production") || process.env.NODE_ENV === "production";

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// @shipshape/* resolve to the workspace sources, so the bundle needs no `tsc -b` first.
const workspaceSources = {
  name: "workspace-sources",
  setup(b) {
    b.onResolve({ filter: /^@shipshape\// }, (args) => {
      const [name, ...sub] = args.path.slice("@shipshape/".length).split("/");
      if (sub.length === 0) return { path: path.join(packages, name, "src", "index.ts") };
      const manifest = JSON.parse(readFileSync(path.join(packages, name, "package.json"), "utf8"));
      const target = manifest.exports?.[`./${sub.join("/")}`];
      const file = typeof target === "string" ? target : target?.default;
      if (!file) return undefined;
      return { path: path.join(packages, name, file.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts")) };
    });
  },
};

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  plugins: [workspaceSources],
  // ESM sources read import.meta.url; in a CommonJS bundle it is this file's URL.
  define: { "import.meta.url": "__shipshapeImportMetaUrl" },
  banner: { js: 'const __shipshapeImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  sourcemap: production ? false : "linked",
  minify: production,
  legalComments: "none",
  logLevel: "warning",
};

await build({ ...common, entryPoints: { extension: path.join(pkg, "src/extension.ts") }, outdir: dist, external: ["vscode"] });
await build({ ...common, entryPoints: { server: path.join(pkg, "src/server.ts") }, outdir: dist });

copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(dist, "web-tree-sitter.wasm"));
copyFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"), path.join(dist, "tree-sitter-bash.wasm"));
// The TextMate grammars live at the repository root (grammars/); the .vsix needs them inside the package.
const grammarsOut = path.join(pkg, "grammars");
rmSync(grammarsOut, { recursive: true, force: true });
mkdirSync(grammarsOut);
for (const f of readdirSync(path.resolve(pkg, "../../grammars"))) {
  if (f.endsWith(".tmLanguage.json")) copyFileSync(path.resolve(pkg, "../../grammars", f), path.join(grammarsOut, f));
}
console.log(`built ${path.relative(process.cwd(), dist)}/{extension,server}.js`);
