// Bundles the CLI for a fast start:
//  - dist/shipshape.cjs: everything the bin runs, one CommonJS file. The bin runs it as a vm.Script so that
//    V8's code cache can be kept between runs on every Node version (see bin/load-bundle.js); an ES module
//    gets no code cache before Node 22.
//  - dist/lint-worker.mjs: the worker-thread entry of the lint pool, one ES module (tinypool imports it).
// and copies the wasm files the shell parser loads next to them.
// Options: `--outdir DIR` and `--no-minify` (a readable copy for `node --cpu-prof`), `--metafile` (writes
// DIR/meta.json for size analysis).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, "..");
const argv = process.argv.slice(2);
const outdirAt = argv.indexOf("--outdir");
const dist = outdirAt >= 0 ? path.resolve(argv[outdirAt + 1]) : path.join(pkg, "dist");
const minify = !argv.includes("--no-minify");
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

// A vm.Script cannot run `import()` (Node 20 refuses it without --experimental-vm-modules), so in the
// CommonJS bundle the packages kept outside it are imported through the function the bin's loader passes
// in (`__shipshapeImport`, see bin/load-bundle.js). Bundled modules and Node built-ins need no import():
// esbuild turns those into require() (`supported: { "dynamic-import": false }`).
const loaderImport = {
  name: "loader-import",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]import-external\.ts$/ }, () => ({
      loader: "js",
      contents:
        "export function importExternal(specifier) {\n" +
        "  return typeof __shipshapeImport === 'function' ? __shipshapeImport(specifier) : Promise.resolve().then(() => require(specifier));\n" +
        "}\n",
    }));
  },
};

// `await import("module")` of a Node built-in becomes a require() of a small module holding it, not an
// inline `require("module")`: web-tree-sitter declares its own `var require` in the function that does so,
// which would shadow the real one there.
const builtins = new Set(builtinModules);
const builtinShims = {
  name: "builtin-shims",
  setup(b) {
    b.onResolve({ filter: /^[a-z:/_]+$/ }, (args) =>
      args.kind === "dynamic-import" && builtins.has(args.path.replace(/^node:/, "")) ? { path: args.path, namespace: "builtin-shim" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "builtin-shim" }, (args) => ({ loader: "js", contents: `module.exports = require(${JSON.stringify(args.path)});` }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  // tinypool starts its workers from its own files (dist/entry/worker.js beside itself), so it stays a package.
  external: ["tinypool"],
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
  minify,
  metafile: true,
};

const main = await build({
  ...common,
  entryPoints: { shipshape: path.join(pkg, "src/index.ts") },
  outdir: dist,
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  plugins: [workspaceSources, loaderImport, builtinShims],
  supported: { "dynamic-import": false },
  // The ES modules inside locate files beside themselves (the wasm files, package.json, the worker).
  define: { "import.meta.url": "__shipshapeUrl" },
  banner: { js: 'var __shipshapeUrl = require("node:url").pathToFileURL(__filename).href;' },
});

asciiOnly(path.join(dist, "shipshape.cjs"));

const worker = await build({
  ...common,
  entryPoints: { "lint-worker": path.join(pkg, "src/lint-worker.ts") },
  outdir: dist,
  format: "esm",
  outExtension: { ".js": ".mjs" },
  plugins: [workspaceSources],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: 'import { createRequire as __shipshapeCreateRequire } from "node:module";\nconst require = __shipshapeCreateRequire(import.meta.url);' },
});

/**
 * esbuild escapes non-ASCII characters in strings but not always in regular expressions; the bin reads an
 * ASCII bundle faster (see bin/load-bundle.js), so the rest become \u escapes, which mean the same in
 * strings, regular expressions and identifiers (the minified bundle has no comments).
 */
function asciiOnly(file) {
  const text = readFileSync(file, "utf8");
  const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (escaped !== text) writeFileSync(file, escaped);
}

if (argv.includes("--metafile")) {
  const merged = { inputs: { ...main.metafile.inputs, ...worker.metafile.inputs }, outputs: { ...main.metafile.outputs, ...worker.metafile.outputs } };
  writeFileSync(path.join(dist, "meta.json"), JSON.stringify(merged));
}

// Earlier layouts (an ES module bundle split into hashed chunks) are removed once the new files are written,
// so that nothing loads them by mistake; a CLI started before this point still finds its files.
for (const f of readdirSync(dist, { withFileTypes: true })) {
  if (f.isFile() && /^shipshape(-chunk-.*)?\.mjs(\.map)?$/.test(f.name)) rmSync(path.join(dist, f.name));
}

// web-tree-sitter finds its runtime next to the module that loads it (the bundle); the shell package is
// given the bash grammar's path explicitly (see prepareShell in src/lint-runner.ts).
copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(dist, "web-tree-sitter.wasm"));
copyFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"), path.join(dist, "tree-sitter-bash.wasm"));
console.log(`bundled ${path.relative(process.cwd(), path.join(dist, "shipshape.cjs"))} and ${path.relative(process.cwd(), path.join(dist, "lint-worker.mjs"))}`);
