/**
 * Living next to the Docker extension: its own language servers report some of the same problems on
 * Dockerfiles and Compose files. By default (`shipshape.coexistence.dockerExtension: "deduplicate"`)
 * a shipshape diagnostic is hidden while another source reports the same problem: one on exactly the
 * same range, or one whose code is the shipshape rule's code or alias (the Docker language server
 * reports BuildKit checks such as `FromAsCasing` by name, over its own range) on the same line. With
 * `"showAll"` every shipshape diagnostic shows.
 *
 * Either side may publish first, so the filter runs again whenever another source's diagnostics for a
 * file change and when the setting changes, over the last list the server sent for that file.
 */
import * as vscode from "vscode";

/** Extensions that run a Dockerfile/Compose language server of their own. */
export const DOCKER_EXTENSIONS = ["docker.docker", "ms-azuretools.vscode-docker"];
export const COEXISTENCE_SETTING = "coexistence.dockerExtension";

export function dockerExtensionActive(): boolean {
  return DOCKER_EXTENSIONS.some((id) => vscode.extensions.getExtension(id)?.isActive === true);
}

export function withoutDuplicates(ours: readonly vscode.Diagnostic[], all: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  const theirs = all.filter((d) => d.source !== "shipshape");
  if (!theirs.length) return [...ours];
  return ours.filter((d) => !theirs.some((t) => duplicates(d, t)));
}

function duplicates(ours: vscode.Diagnostic, theirs: vscode.Diagnostic): boolean {
  if (theirs.range.isEqual(ours.range)) return true;
  const line = ours.range.start.line;
  return theirs.range.start.line <= line && line <= theirs.range.end.line && namesOf(ours).has(codeOf(theirs).toLowerCase());
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === "object" ? d.code.value : (d.code ?? ""));
}

/** A shipshape diagnostic's code and aliases (the server puts the aliases in `data`). */
function namesOf(d: vscode.Diagnostic): Set<string> {
  const data = (d as { data?: { aliases?: unknown } }).data;
  const aliases = Array.isArray(data?.aliases) ? data.aliases.filter((a): a is string => typeof a === "string") : [];
  return new Set([codeOf(d), ...aliases].filter(Boolean).map((n) => n.toLowerCase()));
}

function deduplicating(): boolean {
  return vscode.workspace.getConfiguration("shipshape").get<string>(COEXISTENCE_SETTING, "deduplicate") === "deduplicate" && dockerExtensionActive();
}

/** Keeps the server's diagnostics per file and shows them filtered in the client's collection. */
export class Coexistence {
  private readonly fromServer = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();

  constructor(private readonly collection: () => vscode.DiagnosticCollection | undefined) {}

  /** The language client's `handleDiagnostics` middleware. */
  readonly handleDiagnostics = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void): void => {
    this.fromServer.set(uri.toString(), { uri, diagnostics });
    next(uri, this.shown(uri, diagnostics));
  };

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.refresh(uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`shipshape.${COEXISTENCE_SETTING}`)) for (const key of this.fromServer.keys()) this.refresh(key);
      }),
      vscode.extensions.onDidChange(() => {
        for (const key of this.fromServer.keys()) this.refresh(key);
      }),
    );
  }

  /** Forgets what an old client sent (after a restart the new one publishes afresh). */
  clear(): void {
    this.fromServer.clear();
  }

  private shown(uri: vscode.Uri, ours: vscode.Diagnostic[]): vscode.Diagnostic[] {
    return deduplicating() ? withoutDuplicates(ours, vscode.languages.getDiagnostics(uri)) : ours;
  }

  private refresh(key: string): void {
    const entry = this.fromServer.get(key);
    const collection = this.collection();
    if (!entry || !collection) return;
    const shown = this.shown(entry.uri, entry.diagnostics);
    const current = collection.get(entry.uri) ?? [];
    // Setting the collection fires onDidChangeDiagnostics again: only write when the result differs.
    if (current.length !== shown.length || current.some((d, i) => identity(d) !== identity(shown[i]!))) collection.set(entry.uri, shown);
  }
}

function identity(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${codeOf(d)} ${d.message}`;
}
