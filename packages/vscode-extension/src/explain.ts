/**
 * "Explain rule": the rule's documentation page (the text `shipshape explain CODE` prints), opened as a
 * Markdown preview. Asks for a code, offering the codes of the diagnostics in the active editor first.
 * The pages and the rule list come from the server (`shipshape/explainRule`, `shipshape/listRules`).
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

/** Read-only documents `shipshape-rule:/<CODE>.md`: no dirty "Untitled" editor is left behind. */
export const RULE_DOC_SCHEME = "shipshape-rule";
const EXPLAIN_RULE_REQUEST = "shipshape/explainRule";
const LIST_RULES_REQUEST = "shipshape/listRules";

type Client = () => LanguageClient | undefined;

async function ask<T>(client: Client, method: string, params?: unknown): Promise<T | undefined> {
  const c = client();
  if (!c?.isRunning()) {
    void vscode.window.showWarningMessage("shipshape: the server is not running.");
    return undefined;
  }
  return c.sendRequest<T>(method, params);
}

const explain = (client: Client, code: string) => ask<string | null>(client, EXPLAIN_RULE_REQUEST, { code });

export function registerRuleDocs(client: Client): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, {
    provideTextDocumentContent: async (uri) => (await explain(client, decodeURIComponent(uri.path.replace(/^\//, "").replace(/\.md$/, "")))) ?? "",
  });
}

export async function explainRuleCommand(client: Client, code?: string): Promise<void> {
  const chosen = code ?? (await pickCode(client));
  if (!chosen) return;
  if (!(await explain(client, chosen))) {
    void vscode.window.showWarningMessage(`shipshape: no rule is called ${chosen}.`);
    return;
  }
  const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${encodeURIComponent(chosen)}.md` });
  await vscode.commands.executeCommand("markdown.showPreview", uri).then(undefined, async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });
}

async function pickCode(client: Client): Promise<string | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const here = new Set(
    (uri ? vscode.languages.getDiagnostics(uri) : [])
      .filter((d) => d.source === "shipshape" && d.code !== undefined)
      .map((d) => String(typeof d.code === "object" ? d.code.value : d.code)),
  );
  const rules = (await ask<{ code: string; name: string; summary: string }[]>(client, LIST_RULES_REQUEST)) ?? [];
  const items: vscode.QuickPickItem[] = rules
    .map((r) => ({ label: r.code, description: r.name, detail: r.summary, picked: here.has(r.code) }))
    .sort((a, b) => Number(here.has(b.label)) - Number(here.has(a.label)));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: "Rule code or name", matchOnDescription: true });
  return pick?.label;
}
