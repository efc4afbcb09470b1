// Bundles the CLI into dist/shipshape.mjs (+ dist/lint-worker.mjs and shared chunks) for a fast start,
// and copies the wasm files the shell parser loads next to it.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, "..");
const dist = path.join(pkg, "dist");
const require = createRequire(path.join(pkg, "package.json"));

mkdirSync(dist, { recursive: true });

// Tests and tsc resolve @shipshape/* to each package's src or dist; the bundle reads the sources.
const workspaceSources = {
  name: "workspace-sources",
  setup(b) {
    b.onResolve({ filter: /^@shipshape\// }, (args) => {
      const [name, ...sub] = args.path.slice("@shipshape/".length).split("/");
      if (sub.length === 0) return { path: path.resolve(pkg, "..", name, "src", "index.ts") };
      // A subpath export: its dist file's source, e.g. @shipshape/shell/process → src/shellcheck-process.ts.
      const manifest = JSON.parse(readFileSync(path.resolve(pkg, "..", name, "package.json"), "utf8"));
      const target = manifest.exports?.[`./${sub.join("/")}`];
      const file = typeof target === "string" ? target : target?.default;
      if (!file) return undefined;
      return { path: path.resolve(pkg, "..", name, file.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts")) };
    });
  },
};

const result = await build({
  metafile: true,
  entryPoints: { shipshape: path.join(pkg, "src/index.ts"), "lint-worker": path.join(pkg, "src/lint-worker.ts") },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  entryNames: "[name]",
  chunkNames: "shipshape-chunk-[hash]",
  plugins: [workspaceSources],
  // tinypool starts its workers from its own files (dist/entry/worker.js beside itself), so it stays a package.
  external: ["tinypool"],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: 'import { createRequire as __shipshapeCreateRequire } from "node:module";\nconst require = __shipshapeCreateRequire(import.meta.url);' },
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
  minify: true,
});

// Old chunks would pile up (their names carry a content hash). They are removed only after the new
// bundle is written, so a CLI running while the bundle is rebuilt never finds its chunks missing.
const written = new Set(Object.keys(result.metafile.outputs).map((f) => path.basename(f)));
for (const f of readdirSync(dist, { withFileTypes: true })) {
  if (f.isFile() && /^shipshape-chunk-.*\.mjs(\.map)?$/.test(f.name) && !written.has(f.name.replace(/\.map$/, "")))
    rmSync(path.join(dist, f.name));
}

// web-tree-sitter finds its runtime next to the module that loads it (the bundle); the shell package is
// given the bash grammar's path explicitly (see src/shell-assets.ts).
copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(dist, "web-tree-sitter.wasm"));
copyFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"), path.join(dist, "tree-sitter-bash.wasm"));
console.log(`bundled ${path.relative(process.cwd(), path.join(dist, "shipshape.mjs"))}`);
