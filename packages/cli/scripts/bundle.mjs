// Bundles the CLI for a fast start:
//  - dist/shipshape.cjs: everything the bin runs, one CommonJS file. The bin runs it as a vm.Script so that
//    V8's code cache can be kept between runs on every Node version (see bin/load-bundle.js); an ES module
//    gets no code cache before Node 22.
//  - dist/lint-worker.cjs: the lint pool's worker the same way, started by the small ES module
//    dist/lint-worker.mjs (tinypool imports its workers).
//  - dist/shipshape.mjs: a small ES module exporting the bundle's `main`, for tools that import it.
// and copies the wasm files the shell parser loads next to them.
// Options: `--outdir DIR` and `--no-minify` (a readable copy for `node --cpu-prof`), `--metafile` (writes
// DIR/meta.json for size analysis).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import loader from "../bin/load-bundle.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, "..");
const argv = process.argv.slice(2);
const outdirAt = argv.indexOf("--outdir");
const dist = outdirAt >= 0 ? path.resolve(argv[outdirAt + 1]) : path.join(pkg, "dist");
const minify = !argv.includes("--no-minify");
const require = createRequire(path.join(pkg, "package.json"));
const { WRAPPER_HEAD } = loader;

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
  // Written below, each file atomically: a CLI started while the bundle is rebuilt (other tests, other
  // terminals) must never read half a file.
  write: false,
};

const cjs = {
  ...common,
  outdir: dist,
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  plugins: [workspaceSources, loaderImport, builtinShims],
  supported: { "dynamic-import": false },
  // The ES modules inside locate files beside themselves (the wasm files, package.json, the worker).
  define: { "import.meta.url": "__shipshapeUrl" },
  // The function the bin's loader runs the bundle in (bin/load-bundle.js: WRAPPER_HEAD), written here so
  // that the loader compiles the file as read rather than a wrapped copy of it; on the first line, so
  // positions in stack traces and the source map hold.
  banner: { js: `${WRAPPER_HEAD}var __shipshapeUrl = require("node:url").pathToFileURL(__filename).href;` },
  footer: { js: "})" },
};
const main = await build({ ...cjs, entryPoints: { shipshape: path.join(pkg, "src/index.ts") } });

// The lint pool's worker: the same kind of CommonJS bundle, started by a small ES module entry (tinypool
// imports its workers) that runs it through the bin's loader, so workers keep a code cache too.
const worker = await build({
  ...cjs,
  entryPoints: { "lint-worker": path.join(pkg, "src/lint-worker.ts") },
});
const workerEntry =
  "// The lint pool's worker entry (tinypool imports it): runs lint-worker.cjs with the bin's code cache.\n" +
  'import { fileURLToPath } from "node:url";\n' +
  'import { compileCacheDir, loadBundle } from "../bin/load-bundle.js";\n' +
  'const loaded = loadBundle(fileURLToPath(new URL("./lint-worker.cjs", import.meta.url)), { key: "lint-worker", cacheDir: compileCacheDir(), importExternal: (s) => import(s) });\n' +
  "export default async function lintBatch(task) {\n" +
  "  try {\n" +
  "    return await loaded.exports.default(task);\n" +
  "  } finally {\n" +
  "    loaded.saveCache(); // after the first batch, once\n" +
  "  }\n" +
  "}\n";

/**
 * esbuild escapes non-ASCII characters in strings but not always in regular expressions; the bin reads an
 * ASCII bundle faster (see bin/load-bundle.js), so the rest become \u escapes, which mean the same in
 * strings, regular expressions and identifiers (the minified bundle has no comments).
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Writes under a temporary name and renames, so readers see the old file or the new one. */
function writeAtomic(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

for (const out of [...main.outputFiles, ...worker.outputFiles]) {
  writeAtomic(out.path, out.path.endsWith(".cjs") ? asciiOnly(out.text) : out.contents);
}
writeAtomic(path.join(dist, "lint-worker.mjs"), workerEntry);
// An ES module face for tools that import the bundle (the bin loads shipshape.cjs itself, with its cache).
writeAtomic(
  path.join(dist, "shipshape.mjs"),
  "// The bundle as an ES module, for tools that import it. shipshape.cjs is the body of a function that only the\n" +
    "// bin's loader runs (bin/load-bundle.js); here without a code cache.\n" +
    'import { fileURLToPath } from "node:url";\n' +
    'import { loadBundle } from "../bin/load-bundle.js";\n' +
    'export const { main } = loadBundle(fileURLToPath(new URL("./shipshape.cjs", import.meta.url)), { key: "import", importExternal: (s) => import(s) }).exports;\n',
);

if (argv.includes("--metafile")) {
  const merged = { inputs: { ...main.metafile.inputs, ...worker.metafile.inputs }, outputs: { ...main.metafile.outputs, ...worker.metafile.outputs } };
  writeFileSync(path.join(dist, "meta.json"), JSON.stringify(merged));
}

// The chunks of an earlier layout (an ES module bundle split into hashed chunks) are removed once the new
// files are written, so that nothing loads them by mistake; a CLI started before this point still finds them.
for (const f of readdirSync(dist, { withFileTypes: true })) {
  if (f.isFile() && /^shipshape-chunk-.*\.mjs(\.map)?$/.test(f.name)) rmSync(path.join(dist, f.name));
}
for (const stale of ["shipshape.mjs.map", "lint-worker.mjs.map"]) rmSync(path.join(dist, stale), { force: true });

// web-tree-sitter finds its runtime next to the module that loads it (the bundle); the shell package is
// given both paths (src/shell-assets.ts).
writeAtomic(path.join(dist, "web-tree-sitter.wasm"), readFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm")));
writeAtomic(path.join(dist, "tree-sitter-bash.wasm"), readFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm")));
console.log(`bundled ${path.relative(process.cwd(), path.join(dist, "shipshape.cjs"))} and ${path.relative(process.cwd(), path.join(dist, "lint-worker.cjs"))}`);
