import { NodeCache, type Diagnostic } from "@shipshape/text";
import { DiagnosticSink } from "./codes.js";
import type { ComposeFile } from "./model.js";
import type { CMap } from "./node.js";
import { validationMemo } from "./validate.js";
import { reparseEdit } from "./yaml-incremental.js";
import { parseYamlTree, type YamlFile } from "./yaml-tree.js";

interface Entry {
  text: string;
  yaml: YamlFile;
  /** What parsing reported, replayed into each caller's sink. */
  diagnostics: Diagnostic[];
}

/**
 * The YAML trees of compose files by file name, kept while a file's text is unchanged, so that loading a
 * project and reading each of its files on its own (as the linter does) parse each text once. The trees
 * are never changed by later stages (interpolation, merging and validation build new nodes), so one tree
 * can serve any number of loads. Holds one text per file name: a new text replaces the old one, and when
 * it differs from the old one inside a single mapping entry (an editor's keystroke), only that entry is
 * parsed again (yaml-incremental.ts), with the same result as a full parse.
 */
export class YamlCache {
  private entries = new Map<string, Entry>();
  /** How many texts were parsed by re-parsing one entry of the previous text (for tests and measurements). */
  splices = 0;
  /**
   * Models built from trees of this cache, by tree. A file without variables, includes or extends gives
   * the project the very tree it gives on its own, so its model is built once for both (then the file's
   * own model also sees the `vars` the project load read into its `env_file` entries).
   */
  readonly models = new NodeCache<CMap, { model: ComposeFile; diagnostics: Diagnostic[] }>("compose model");
  /** Validated services and resources by subtree, for models of trees that share most of their subtrees. */
  readonly validation = validationMemo();

  /** The trees of `text` as `file`, parsing only when this file's text differs from the last one seen. */
  parse(text: string, file: string, sink: DiagnosticSink): YamlFile {
    let entry = this.entries.get(file);
    if (!entry || entry.text !== text) {
      // After an edit inside one entry of a clean block-style file, only that entry is parsed again.
      const spliced = entry && reparseEdit({ text: entry.text, yaml: entry.yaml, findings: entry.diagnostics.length }, text, file);
      if (spliced) {
        entry = { text, yaml: spliced, diagnostics: [] };
        this.splices++;
      }
      else {
        const own = new DiagnosticSink();
        entry = { text, yaml: parseYamlTree(text, file, own), diagnostics: own.list };
      }
      this.entries.set(file, entry);
    }
    for (const d of entry.diagnostics) sink.add(d);
    return entry.yaml;
  }

  /** Forgets a file (e.g. when an editor closes it). */
  delete(file: string): void {
    this.entries.delete(file);
  }
}
