import { LintSession, type LintOptions, type ShellcheckRunner, YamlCache, explainRule, listRules } from "@shipshape/linter";
import { type BuildPlan, plan } from "@shipshape/buildplan";
import { createShellcheckRunner } from "@shipshape/shell/process";
import * as ls from "@shipshape/language-service";
import { type ParsedDocument, documentKind, parseDocument } from "@shipshape/language-service";
import { dclintConfigKind, type Diagnostic as ShipshapeDiagnostic } from "@shipshape/text";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Disposable,
} from "vscode-languageserver/node";
import path from "node:path";
import { DEFAULT_SETTINGS, type ServerSettings, readSettings } from "./settings.js";
import { WorkspaceFiles, pathToUri, uriToPath } from "./workspace-files.js";

export interface ServerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Pause in typing before the ShellCheck pass. */
const SHELLCHECK_DELAY_MS = 250;

/** Our and hadolint's config files; dclint's are told by `dclintConfigKind`. */
const CONFIG_FILE = /(^|[\\/])\.(shipshape|hadolint)\.ya?ml$/i;

/** `shipshape/buildPlan`: the simulator's plan of an open Dockerfile's current text. */
export const BUILD_PLAN_REQUEST = "shipshape/buildPlan";

/** `shipshape/explainRule` `{ code }`: the rule's documentation page (Markdown), null for an unknown code. */
export const EXPLAIN_RULE_REQUEST = "shipshape/explainRule";
/** `shipshape/listRules`: every rule's code, name and one-line summary, for a client's pickers. */
export const LIST_RULES_REQUEST = "shipshape/listRules";

export interface BuildPlanParams {
  uri: string;
  /** `--target`; default the last stage. */
  target?: string;
  /** `--build-arg K=V`. */
  buildArgs?: Record<string, string>;
}

/**
 * Starts the language server on a pair of streams and resolves when the client ends the session.
 * This file is wiring only: every answer comes from @shipshape/language-service.
 */
export function startServer(streams: ServerStreams): { connection: Connection; closed: Promise<void> } {
  const connection = createConnection(streams.input, streams.output);
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, ParsedDocument>();
  /** Compose YAML of earlier versions, shared by linting and the features: an edit inside one service re-parses only that service. */
  const yamlCache = new YamlCache();
  const published = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  /** Cancels the pending lint of a document. */
  const timers = new Map<string, () => void>();
  const shellcheckTimers = new Map<string, NodeJS.Timeout>();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let lintGeneration = 0;
  let configWatcher: Promise<Disposable | undefined> = Promise.resolve(undefined);
  /** After `initialized`: the client accepts registrations and messages. */
  let ready = false;
  // SC findings come from the shellcheck binary when it is on PATH, as in the CLI.
  let shellcheck: ShellcheckRunner | undefined;
  try {
    shellcheck = createShellcheckRunner({ pathEnv: process.env.PATH });
  } catch {
    shellcheck = undefined;
  }

  const openTextByPath = (p: string): string | undefined => {
    for (const d of documents.all()) if (uriToPath(d.uri) === p) return d.getText();
    return undefined;
  };
  const files = new WorkspaceFiles(openTextByPath);

  /** The parsed document for the current version: parsed once, then served from the cache. */
  function parsed(uri: string): ParsedDocument | undefined {
    const text = documents.get(uri);
    if (!text) return undefined;
    const cached = cache.get(uri);
    if (cached && cached.version === text.version) return cached;
    const kind = documentKind(text.languageId, uri);
    if (!kind || !settings.enable[kind]) return undefined;
    // the version this one replaces: a Dockerfile edit then keeps the instruction nodes it did not touch
    const doc = parseDocument({ uri, path: uriToPath(uri) ?? uri, version: text.version, text: text.getText(), kind, yamlCache, previous: cached });
    cache.set(uri, doc);
    return doc;
  }

  /** The `configPath` setting as an absolute path (relative ones against the first workspace folder). */
  function configFile(): string | undefined {
    return settings.configPath ? path.resolve(files.firstRoot ?? "", settings.configPath) : undefined;
  }

  function scheduleLint(uri: string, delay = settings.debounceMs): void {
    timers.get(uri)?.();
    clearTimeout(shellcheckTimers.get(uri));
    const doc = documents.get(uri);
    const kind = doc && documentKind(doc.languageId, uri);
    if (kind && !settings.enable[kind]) {
      // Serving of this kind was switched off: take back what was published.
      if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      cache.delete(uri);
      return;
    }
    // With no delay the lint waits only for the messages already received, so a burst of edits is linted once.
    if (delay > 0) {
      const t = setTimeout(() => void lintNow(uri, false), delay);
      timers.set(uri, () => clearTimeout(t));
    } else {
      const t = setImmediate(() => void lintNow(uri, false));
      timers.set(uri, () => clearImmediate(t));
    }
  }

  /**
   * Lint sessions (the rule set, the config files found, the rule selections) outlive a lint: they are
   * dropped when settings, a config file or a watched file change (`relintAll`). The compose session
   * forgets the texts of the files a project reads before each lint (they may be open and edited).
   */
  let sessions: { plain?: LintSession; shellcheck?: LintSession; compose?: LintSession } = {};

  function lintOptions(useShellcheck: ShellcheckRunner | undefined): LintOptions {
    return { readFile: files.read, ignore: settings.ignore, severity: settings.severity, shellcheck: useShellcheck, configFile: configFile() };
  }
  /** Dockerfile sessions keep each file's per-instruction findings (`memoize`): a keystroke re-runs little. */
  function dockerfileSession(useShellcheck: ShellcheckRunner | undefined): LintSession {
    if (useShellcheck) return (sessions.shellcheck ??= new LintSession({ ...lintOptions(useShellcheck), memoize: true }));
    return (sessions.plain ??= new LintSession({ ...lintOptions(undefined), memoize: true }));
  }

  /**
   * Lints the current version and publishes, unless an edit or a settings change overtook the run.
   * ShellCheck runs a process per RUN script, which takes seconds on a long Dockerfile, so the first pass
   * goes without it (keeping the last SC findings on screen) and a second pass adds them when typing pauses.
   */
  async function lintNow(uri: string, withShellcheck: boolean): Promise<void> {
    timers.delete(uri);
    const doc = parsed(uri);
    if (!doc) return;
    const generation = lintGeneration;
    const useShellcheck = withShellcheck && doc.kind === "dockerfile" ? shellcheck : undefined;
    let found: ShipshapeDiagnostic[];
    try {
      if (doc.kind === "dockerfile") {
        // The document's own parse and line index serve the linter and every other feature.
        const input = { path: doc.path, text: doc.text, kind: doc.kind, lines: doc.lines, parsed: doc.dockerfile, semantic: doc.semantic() };
        found = (await dockerfileSession(useShellcheck).lintFile(input)).diagnostics;
      } else {
        // One compose session too (config files and rule selections stay), but the files a project reads
        // (includes, `.env`, Dockerfiles, maybe open and unsaved) are read again for every lint.
        const session = (sessions.compose ??= new LintSession({ ...lintOptions(undefined), yamlCache }));
        session.forgetFiles();
        found = (await session.lintFile({ path: doc.path, text: doc.text, kind: doc.kind, lines: doc.lines })).diagnostics;
      }
    } catch (e) {
      found = [{ code: "internal-error", message: `Linting failed: ${e instanceof Error ? e.message : String(e)}`, severity: "error", range: { start: 0, end: 0 } }];
    }
    const current = documents.get(uri);
    if (!current || current.version !== doc.version || generation !== lintGeneration) return;
    let diagnostics = ls.toLspDiagnostics(doc, found, (f) => pathToUri(f), files.read);
    const pendingShellcheck = !withShellcheck && shellcheck !== undefined && doc.kind === "dockerfile";
    if (pendingShellcheck) {
      const previous = published.get(uri)?.diagnostics.filter((d) => /^SC\d+$/.test(String(d.code))) ?? [];
      diagnostics = [...diagnostics, ...previous];
    }
    published.set(uri, { version: doc.version, diagnostics });
    await connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    connection.tracer.log(`diagnostics ${uri} v${doc.version}: ${diagnostics.length}`, diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`).join("\n"));
    if (pendingShellcheck) {
      clearTimeout(shellcheckTimers.get(uri));
      shellcheckTimers.set(uri, setTimeout(() => void lintNow(uri, true), SHELLCHECK_DELAY_MS));
    }
  }

  function relintAll(): void {
    lintGeneration++;
    sessions = {};
    for (const d of documents.all()) scheduleLint(d.uri);
  }

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    let next: ServerSettings;
    try {
      next = readSettings(await connection.workspace.getConfiguration("shipshape"));
    } catch {
      next = DEFAULT_SETTINGS;
    }
    applySettings(next);
  }

  function applySettings(next: ServerSettings): void {
    const before = configFile();
    settings = next;
    files.allow(configFile());
    if (ready && configFile() !== before) watchConfigFile();
  }

  /** Warns when the named config file cannot be read, and watches it: it may live outside the workspace folders. */
  function watchConfigFile(): void {
    const file = configFile();
    if (file && files.read(file) === undefined) void connection.window.showWarningMessage(`shipshape: the config file ${file} (shipshape.configPath) cannot be read.`);
    if (canWatchFiles) {
      const previous = configWatcher;
      configWatcher = (async () => {
        (await previous)?.dispose();
        if (!file) return undefined;
        const globPattern = { baseUri: pathToUri(path.dirname(file)), pattern: path.basename(file) };
        return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern }] }).catch(() => undefined);
      })();
    }
  }

  // A package.json may hold dclint's config, except a dependency's, under node_modules (an install writes thousands).
  const isDclintFile = (uri: string): boolean => {
    const kind = dclintConfigKind(uriToPath(uri) ?? uri);
    return kind !== undefined && !(kind === "package" && /[\\/]node_modules[\\/]/.test(uri));
  };
  const isConfigFile = (uri: string): boolean => CONFIG_FILE.test(uri) || isDclintFile(uri) || (!!settings.configPath && uriToPath(uri) === configFile());

  connection.onInitialize((params): InitializeResult => {
    const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (!roots.length && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) roots.push(root);
    }
    files.setRoots(roots);
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) applySettings(readSettings(init.settings));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["-", "=", "$", "{", ":", ",", " ", "#"] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ls.FIX_ALL_KIND] },
        workspaceSymbolProvider: true,
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...ls.TOKEN_TYPES], tokenModifiers: [...ls.TOKEN_MODIFIERS] }, full: true, range: true },
        documentLinkProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        signatureHelpProvider: { triggerCharacters: [" "] },
      },
      serverInfo: { name: "shipshape" },
    };
  });

  connection.onInitialized(async () => {
    ready = true;
    watchConfigFile();
    // Config files, the Dockerfiles compose files build and .dockerignore files: a change to one on disk re-lints.
    if (canWatchFiles) {
      const watchers = [
        "**/.shipshape.{yaml,yml}", "**/.hadolint.{yaml,yml}", "**/.dclintrc*", "**/.config/dclintrc*", "**/dclint.config.*", "**/package.json",
        "**/*Dockerfile*", "**/*compose*.{yaml,yml}", "**/.dockerignore", "**/*.dockerignore",
      ].map((globPattern) => ({ globPattern }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "shipshape" }).catch(() => undefined);
      await pullSettings();
      relintAll();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else applySettings(readSettings((change.settings as { shipshape?: unknown } | undefined)?.shipshape));
    relintAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    // Lint sessions keep config files and `.dockerignore` texts: a change on disk starts new ones.
    if (change.changes.some((c) => isConfigFile(c.uri) || /Dockerfile|ya?ml$|dockerignore$/i.test(c.uri))) relintAll();
  });

  documents.onDidChangeContent((e) => {
    if (isConfigFile(e.document.uri)) relintAll();
    scheduleLint(e.document.uri);
    // A compose project reads other files, open ones as the editor has them (a service's Dockerfile and its
    // stages, an included or extended file, `.env`): the other open compose files are linted again too.
    for (const other of documents.all()) {
      if (other.uri !== e.document.uri && documentKind(other.languageId, other.uri) === "compose") scheduleLint(other.uri);
    }
  });
  documents.onDidClose((e) => {
    timers.get(e.document.uri)?.();
    clearTimeout(shellcheckTimers.get(e.document.uri));
    timers.delete(e.document.uri);
    shellcheckTimers.delete(e.document.uri);
    cache.delete(e.document.uri);
    // A closed compose file's YAML (and the models and validation kept for it) is not kept either.
    yamlCache.delete(uriToPath(e.document.uri) ?? e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDoc = <T>(uri: string, fallback: T, run: (doc: ParsedDocument) => T): T => {
    const doc = parsed(uri);
    if (!doc) return fallback;
    try {
      return run(doc);
    } catch (e) {
      connection.console.error(`shipshape: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };

  connection.onHover((p) => withDoc(p.textDocument.uri, null, (doc) => ls.hover(doc, p.position)));
  connection.onCompletion((p) => withDoc(p.textDocument.uri, [], (doc) => ls.completion(doc, p.position, { readFile: files.read })));
  const fileAccess = { readFile: files.read, uriOf: pathToUri };
  connection.onDefinition((p) => withDoc(p.textDocument.uri, [], (doc) => ls.definition(doc, p.position, fileAccess)));
  connection.onWorkspaceSymbol((p) => ls.workspaceSymbols(openDocs(), p.query));
  connection.onSelectionRanges((p) => withDoc(p.textDocument.uri, [], (doc) => ls.selectionRanges(doc, p.positions)));
  connection.languages.semanticTokens.on((p) => withDoc(p.textDocument.uri, { data: [] }, (doc) => ({ data: ls.semanticTokens(doc) })));
  connection.languages.semanticTokens.onRange((p) => withDoc(p.textDocument.uri, { data: [] }, (doc) => ({ data: ls.semanticTokens(doc, p.range) })));
  connection.onDocumentLinks((p) => withDoc(p.textDocument.uri, [], (doc) => ls.documentLinks(doc, fileAccess)));
  connection.onDocumentFormatting((p) => withDoc(p.textDocument.uri, [], (doc) => ls.formatting(doc)));
  connection.languages.inlayHint.on((p) => withDoc(p.textDocument.uri, [], (doc) => ls.inlayHints(doc, fileAccess, p.range)));
  connection.onCodeLens((p) => withDoc(p.textDocument.uri, [], (doc) => ls.codeLenses(doc)));
  connection.onSignatureHelp((p) => withDoc(p.textDocument.uri, null, (doc) => ls.signatureHelp(doc, p.position)));
  const openDocs = () => documents.all().map((d) => parsed(d.uri)).filter((d): d is ParsedDocument => !!d);
  connection.onReferences((p) => withDoc(p.textDocument.uri, [], (doc) => ls.references(doc, p.position, p.context.includeDeclaration, openDocs())));
  connection.onDocumentHighlight((p) => withDoc(p.textDocument.uri, [], (doc) => ls.documentHighlights(doc, p.position)));
  connection.onPrepareRename((p) => withDoc(p.textDocument.uri, null, (doc) => ls.prepareRename(doc, p.position)));
  connection.onRenameRequest((p) => withDoc(p.textDocument.uri, null, (doc) => ls.rename(doc, p.position, p.newName, openDocs())));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (doc) => ls.documentSymbols(doc)));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (doc) => ls.foldingRanges(doc)));
  connection.onCodeAction((p) =>
    withDoc(p.textDocument.uri, [], (doc) => {
      const all = published.get(doc.uri)?.diagnostics ?? p.context.diagnostics;
      return ls.codeActions(doc, { diagnostics: p.context.diagnostics, only: p.context.only }, all);
    }),
  );

  connection.onRequest(BUILD_PLAN_REQUEST, (p: BuildPlanParams): BuildPlan | null =>
    withDoc(typeof p?.uri === "string" ? p.uri : "", null, (doc) => {
      if (doc.kind !== "dockerfile") return null;
      const buildArgs = p.buildArgs && typeof p.buildArgs === "object" ? p.buildArgs : undefined;
      return plan(doc.text, { dockerfilePath: doc.path, target: typeof p.target === "string" && p.target ? p.target : undefined, buildArgs });
    }),
  );

  connection.onRequest(EXPLAIN_RULE_REQUEST, (p: { code?: unknown } | null) => (typeof p?.code === "string" ? (explainRule(p.code) ?? null) : null));
  connection.onRequest(LIST_RULES_REQUEST, () => listRules().map((r) => ({ code: r.code, name: r.name, summary: r.summary })));

  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  documents.listen(connection);
  connection.listen();
  return { connection, closed };
}

