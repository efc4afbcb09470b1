/**
 * "Explain rule": the rule's documentation page (the text `shipshape explain CODE` prints), opened as a
 * Markdown preview. Asks for a code, offering the codes of the diagnostics in the active editor first.
 */
import { explainRule, listRules } from "@shipshape/linter";
import * as vscode from "vscode";

/** Read-only documents `shipshape-rule:/<CODE>.md`: no dirty "Untitled" editor is left behind. */
export const RULE_DOC_SCHEME = "shipshape-rule";

export function registerRuleDocs(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, {
    provideTextDocumentContent: (uri) => explainRule(decodeURIComponent(uri.path.replace(/^\//, "").replace(/\.md$/, ""))) ?? "",
  });
}

export async function explainRuleCommand(code?: string): Promise<void> {
  const chosen = code ?? (await pickCode());
  if (!chosen) return;
  const page = explainRule(chosen);
  if (!page) {
    void vscode.window.showWarningMessage(`shipshape: no rule is called ${chosen}.`);
    return;
  }
  const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${encodeURIComponent(chosen)}.md` });
  await vscode.commands.executeCommand("markdown.showPreview", uri).then(undefined, async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });
}

async function pickCode(): Promise<string | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const here = new Set(
    (uri ? vscode.languages.getDiagnostics(uri) : [])
      .filter((d) => d.source === "shipshape" && d.code !== undefined)
      .map((d) => String(typeof d.code === "object" ? d.code.value : d.code)),
  );
  const items: vscode.QuickPickItem[] = listRules()
    .map((r) => ({ label: r.code, description: r.name, detail: r.summary, picked: here.has(r.code) }))
    .sort((a, b) => Number(here.has(b.label)) - Number(here.has(a.label)));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: "Rule code or name", matchOnDescription: true });
  return pick?.label;
}
