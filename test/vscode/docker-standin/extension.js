// The stand-in for the Docker extension in the coexistence e2e check (see ../README.md). It reports two
// problems shipshape reports too, the two ways the Docker extension's servers do:
// - a deprecated MAINTAINER on the keyword (dockerfile-utils, numeric code): shipshape's DL4000 has the same range;
// - the BuildKit check FromAsCasing by name over the whole FROM line (docker-language-server): shipshape's
//   FromAsCasing covers only the `as`.
// Only files under a `coexist/` folder are reported, so the other e2e checks see shipshape alone.
const vscode = require("vscode");

function report(collection, document) {
  if (!/[\\/]coexist[\\/]/.test(document.uri.fsPath) || document.languageId !== "dockerfile") return;
  const found = [];
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const m = /^(\s*)(MAINTAINER)\b/i.exec(text);
    if (m) {
      const range = new vscode.Range(line, m[1].length, line, m[1].length + m[2].length);
      const d = new vscode.Diagnostic(range, "MAINTAINER has been deprecated (stand-in report)", vscode.DiagnosticSeverity.Warning);
      d.source = "dockerfile-utils";
      d.code = 11;
      found.push(d);
    }
    if (/^\s*FROM\s.*\sas\s/.test(text)) {
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, text.length), "The keywords do not match in casing (stand-in check)", vscode.DiagnosticSeverity.Warning);
      d.source = "docker-language-server";
      d.code = "FromAsCasing";
      found.push(d);
    }
  }
  collection.set(document.uri, found);
}

function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection("docker-standin");
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => report(collection, d)),
    vscode.workspace.onDidChangeTextDocument((e) => report(collection, e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
  // The e2e flips shipshape's setting with these (the configuration API writes the user settings.json).
  const setCoexistence = (value) => () =>
    vscode.workspace.getConfiguration("shipshape").update("coexistence.dockerExtension", value, vscode.ConfigurationTarget.Global);
  context.subscriptions.push(
    vscode.commands.registerCommand("dockerStandin.showAll", setCoexistence("showAll")),
    vscode.commands.registerCommand("dockerStandin.deduplicate", setCoexistence(undefined)),
  );
  for (const d of vscode.workspace.textDocuments) report(collection, d);
}

module.exports = { activate, deactivate() {} };
