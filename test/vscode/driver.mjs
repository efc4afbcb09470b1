// Drives VS Code (code-server) in headless chromium with playwright-core and checks, by what the page
// shows, that the shipshape extension works. Each check records pass/fail, what it read, and a screenshot.
// usage: node driver.mjs   (env: PORT, FOLDER, SHOTS, RESULT, PLAYWRIGHT (path of playwright-core), XDG_HOME,
// SETTINGS (the profile's user settings.json, read by the coexistence checks))
// Writes the results as JSON to $RESULT and prints "N passed, N failed".
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT);
const PORT = process.env.PORT;
const FOLDER = process.env.FOLDER;
const SHOTS = process.env.SHOTS;
const XDG = process.env.XDG_HOME;
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const results = [];
mkdirSync(SHOTS, { recursive: true });

const profile = mkdtempSync(path.join(XDG, "chromium-"));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1500, height: 950 },
  // chromium writes crash reports and dconf under HOME/XDG: keep them in the run's folder
  env: { ...process.env, HOME: XDG, XDG_CONFIG_HOME: path.join(XDG, "config"), XDG_CACHE_HOME: path.join(XDG, "cache") },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());

// The text area of the visible editor (hidden editors of background tabs stay in the DOM).
const editorLines = () => page.locator(".monaco-editor .view-lines").filter({ visible: true }).first();

async function check(name, fn) {
  const started = Date.now();
  let ok = false;
  let detail;
  try {
    detail = await fn();
    ok = true;
  } catch (e) {
    detail = String(e?.message ?? e).split("\n").slice(0, 6).join("\n");
  }
  const shot = path.join(SHOTS, `${String(results.length + 1).padStart(2, "0")}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
  await page.screenshot({ path: shot }).catch(() => undefined);
  results.push({ name, ok, detail, screenshot: path.basename(shot), seconds: (Date.now() - started) / 1000 });
  log(ok ? "ok  " : "FAIL", name, ok ? "" : `: ${detail}`);
  await page.keyboard.press("Escape").catch(() => undefined);
}

function expectText(text, patterns, what) {
  for (const p of patterns) {
    if (!(p instanceof RegExp ? p.test(text) : text.includes(p))) throw new Error(`${what} lacks ${p}; it reads:\n${text.slice(0, 600)}`);
  }
  return text.slice(0, 400);
}

async function command(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press("Enter");
}

// Quick Open; file search indexes the folder on first use, which can be slow on a busy machine: retry.
async function openFile(relative, marker) {
  const until = Date.now() + 90000;
  for (;;) {
    try {
      await command("Go to File");
      const input = page.locator(".quick-input-widget input");
      await input.fill(relative);
      await page.locator(".quick-input-list .monaco-list-row", { hasText: path.basename(relative) }).first().waitFor({ timeout: 15000 });
      await page.waitForTimeout(300);
      await page.keyboard.press("Enter");
      await page.locator(".monaco-editor .view-line", { hasText: marker }).first().waitFor({ timeout: 20000 });
      break;
    } catch (e) {
      // (retry below)
      await page.keyboard.press("Escape");
      if (Date.now() > until) throw e;
      log(`retrying to open ${relative}`);
    }
  }
  // Focus the editor (keyboard commands go to it); an overlay may cover the corner, so force the click.
  await editorLines().click({ position: { x: 5, y: 5 }, force: true, timeout: 5000 }).catch(() => undefined);
}

// Quick input's ":" mode (Go to Line); Ctrl+G does not reach the workbench in every browser.
async function goTo(line, column) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await page.waitForTimeout(300);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
}

async function problems() {
  await command("View: Focus Problems");
  await page.locator(".markers-panel .monaco-list-row").first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(800);
  return (await page.locator(".markers-panel .monaco-list-row").allInnerTexts()).join("\n");
}

async function suggestions(expected) {
  await page.keyboard.press("Control+Space");
  const rows = page.locator(".suggest-widget .monaco-list-row");
  await rows.first().waitFor({ timeout: 20000 });
  // The list fills as the server answers: wait until the expected labels show (or time runs out).
  const until = Date.now() + 10000;
  let text = "";
  while (Date.now() < until) {
    text = (await rows.allInnerTexts()).join("\n");
    if (expected.every((e) => text.includes(e))) break;
    await page.waitForTimeout(300);
  }
  return text;
}

/** Problems panel text once `ok(text)` holds (re-read until it does or time runs out). */
async function problemsUntil(ok, what, ms = 30000) {
  let text = await problems();
  const until = Date.now() + ms;
  while (!ok(text) && Date.now() < until) {
    await page.waitForTimeout(500);
    text = (await page.locator(".markers-panel .monaco-list-row").allInnerTexts()).join("\n");
  }
  if (!ok(text)) throw new Error(`${what}; the Problems panel reads:\n${text.slice(0, 600)}`);
  return text;
}

/**
 * Sets shipshape.coexistence.dockerExtension through the configuration API (the stand-in's commands; a
 * settings.json written behind the workbench's back is not picked up here), and checks it reached the file.
 */
async function setCoexistence(value) {
  await command(value === "showAll" ? "Stand-in: shipshape coexistence showAll" : "Stand-in: shipshape coexistence default");
  const until = Date.now() + 10000;
  const written = () => JSON.parse(readFileSync(process.env.SETTINGS, "utf8"))["shipshape.coexistence.dockerExtension"];
  while (written() !== value && Date.now() < until) await page.waitForTimeout(200);
  if (written() !== value) throw new Error(`the setting reads ${written()}, not ${value}`);
}

// coexist/Dockerfile: shipshape reports DL3007 (line 1), DL4000 (the MAINTAINER keyword, line 2) and
// FromAsCasing (the `as`, line 3). The stand-in Docker extension (docker.docker) reports the MAINTAINER
// keyword on the same range, and FromAsCasing by name over the whole line 3. Shipshape's messages end
// with the rule name in parentheses.
const STANDIN = "stand-in report";
const STANDIN_CHECK = "stand-in check";
const OURS_DUPLICATED = ["(maintainer-deprecated)", "(from-as-casing)"];
const shown = (text) => OURS_DUPLICATED.filter((m) => text.includes(m));
const SETTLE_MS = 2500;

try {
  await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(FOLDER)}`, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 30000 });
  log("workbench ready");

  // First, while no other file has problems: the Problems panel then holds coexist/Dockerfile's alone.
  await check("coexistence: with the Docker extension active, shipshape hides its duplicate by default", async () => {
    await openFile("coexist/Dockerfile", "MAINTAINER");
    await problemsUntil((t) => t.includes(STANDIN) && t.includes(STANDIN_CHECK) && t.includes("DL3007"), "the stand-in's and shipshape's problems did not all show");
    // Either side may publish last (and shipshape publishes again after its ShellCheck pass): let it settle.
    await page.waitForTimeout(SETTLE_MS);
    const text = await problems();
    if (shown(text).length) throw new Error(`shipshape's ${shown(text).join(", ")} duplicate the Docker extension's reports:\n${text.slice(0, 700)}`);
    return expectText(text, [STANDIN, STANDIN_CHECK, "DL3007"], "Problems panel");
  });

  await check("coexistence: showAll shows shipshape's copy too, and deduplicate hides it again", async () => {
    await setCoexistence("showAll");
    const all = await problemsUntil((t) => shown(t).length === 2 && t.includes(STANDIN) && t.includes(STANDIN_CHECK), "with showAll, shipshape's DL4000 and FromAsCasing did not show beside the stand-in's reports");
    await setCoexistence(undefined);
    await problemsUntil((t) => !shown(t).length && t.includes(STANDIN), "back on the default, shipshape's duplicates were not hidden again");
    await page.waitForTimeout(SETTLE_MS);
    const text = await problems();
    if (shown(text).length) throw new Error(`${shown(text).join(", ")} came back after settling:\n${text.slice(0, 700)}`);
    return `showAll: ${all.replace(/\s+/g, " ").slice(0, 250)}`;
  });
  await command("View: Close All Editors");

  await check("Dockerfile diagnostics carry shipshape codes", async () => {
    await openFile("web/Dockerfile", "bookworm-slim");
    await page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info").first().waitFor({ state: "attached", timeout: 60000 });
    const text = await problems();
    return expectText(text, ["DL3008", "FromAsCasing", "shipshape"], "Problems panel");
  });

  await check("a quick fix applies (FromAsCasing: as -> AS)", async () => {
    await editorLines().click({ position: { x: 5, y: 5 } });
    await goTo(10, 42);
    await command("Quick Fix...");
    const item = page.locator(".action-widget .monaco-list-row, .action-widget li", { hasText: /AS/ }).first();
    await item.waitFor({ timeout: 15000 });
    const offered = (await page.locator(".action-widget").first().innerText()).trim();
    await item.click();
    await page.locator(".monaco-editor .view-line", { hasText: "bookworm-slim AS build" }).first().waitFor({ timeout: 10000 });
    return `offered: ${offered.replace(/\s+/g, " ").slice(0, 200)}; line 10 now reads 'AS build'`;
  });

  await check("hover on a variable shows its value", async () => {
    await page.mouse.move(1400, 900);
    const token = page.locator(".monaco-editor .view-line", { hasText: "AS deps" }).locator("span span", { hasText: /^NODE_VERSION$/ }).first();
    const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: /NODE_VERSION/ }).first();
    // A hover opens on mouse movement: wiggle onto the token until it shows (the server may still be busy).
    for (let attempt = 0; ; attempt++) {
      const box = await token.boundingBox();
      if (!box) throw new Error("NODE_VERSION token not found on line 4");
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      try {
        await hover.waitFor({ state: "visible", timeout: 6000 });
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
        await page.mouse.move(1400, 900);
      }
    }
    await page.waitForTimeout(500);
    return expectText((await hover.innerText()).trim(), ["NODE_VERSION", "20"], "hover");
  });

  await check("completion after COPY --from= lists the stages", async () => {
    await page.mouse.move(1400, 900);
    await editorLines().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+End");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("COPY --from=", { delay: 30 });
    const text = await suggestions(["deps", "build"]);
    return expectText(text, ["deps", "build"], "completion list");
  });

  await check("compose: the undefined network is reported at its line", async () => {
    await openFile("compose.yaml", "services:");
    const until = Date.now() + 30000;
    let text = await problems();
    while (!/monitoring/.test(text) && Date.now() < until) {
      await page.waitForTimeout(1000);
      text = (await page.locator(".markers-panel .monaco-list-row").allInnerTexts()).join("\n");
    }
    return expectText(text, ["monitoring", /Ln 30\b/], "Problems panel");
  });

  await check("compose: completion in depends_on lists services", async () => {
    await editorLines().click({ position: { x: 5, y: 5 } });
    // line 27 is "      - cache" (not a service): empty the item and ask for completions there
    await goTo(27, 9);
    await page.keyboard.press("Shift+End");
    await page.keyboard.press("Delete");
    const text = await suggestions(["web", "db"]);
    return expectText(text, ["web", "db"], "completion list");
  });

  await check("Fix all applies every safe fix", async () => {
    await page.keyboard.press("Escape");
    await openFile("legacy/Dockerfile", "MAINTAINER");
    await page.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info").first().waitFor({ state: "attached", timeout: 60000 });
    await command("shipshape: Fix all");
    // The two safe fixes of fixtures/legacy/Dockerfile: ENV key=value (line 3), pip --no-cache-dir (line 7).
    await page.locator(".monaco-editor .view-line", { hasText: "ENV APP_HOME=/opt/app" }).first().waitFor({ timeout: 20000 });
    await page.locator(".monaco-editor .view-line", { hasText: "--no-cache-dir" }).first().waitFor({ timeout: 20000 });
    const lines = await page.locator(".monaco-editor .view-line").filter({ visible: true }).allInnerTexts();
    if (!lines.some((l) => l.includes("MAINTAINER"))) throw new Error("an unsafe fix (MAINTAINER -> LABEL) was applied too");
    return "ENV APP_HOME=/opt/app and pip install --no-cache-dir; MAINTAINER left alone (unsafe fix)";
  });

  await check("Explain rule shows the rule's documentation", async () => {
    await page.keyboard.press("Escape");
    await command("shipshape: Explain rule");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 10000 });
    await input.fill("DL3008");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "DL3008" }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press("Enter");
    // A Markdown preview (a webview) or, without the Markdown extension, the page as an editor.
    const until = Date.now() + 30000;
    while (Date.now() < until) {
      for (const frame of page.frames()) {
        const body = await frame.locator("body").innerText({ timeout: 1000 }).catch(() => "");
        if (body.includes("DL3008: apt-get-unpinned") && body.includes("What it does")) return body.replace(/\s+/g, " ").slice(0, 200);
      }
      await page.waitForTimeout(500);
    }
    throw new Error("no page with the documentation of DL3008 appeared");
  });

  await check("Show build plan renders the stage graph", async () => {
    await page.keyboard.press("Escape");
    await openFile("web/Dockerfile", "bookworm-slim");
    await command("shipshape: Show build plan");
    const until = Date.now() + 30000;
    let text = "";
    let svg = 0;
    while (Date.now() < until) {
      for (const frame of page.frames()) {
        const body = await frame.locator("body").innerText({ timeout: 1000 }).catch(() => "");
        if (body.includes("Build plan:")) {
          text = body;
          svg = await frame.locator("svg g.node").count().catch(() => 0);
        }
      }
      // The page is replaced as the plan re-renders: wait for a complete one.
      if (text && svg >= 3) break;
      await page.waitForTimeout(500);
    }
    if (!text) throw new Error("no webview with 'Build plan:' appeared");
    if (svg < 3) throw new Error(`the graph has ${svg} stage nodes`);
    return `${svg} nodes; ${expectText(text, ["wave 1", "deps", "build", "target"], "build plan view").replace(/\s+/g, " ").slice(0, 250)}`;
  });

  await check("the build plan follows edits to the Dockerfile", async () => {
    // The plan comes from the server (shipshape/buildPlan) over the editor's unsaved text.
    // The webview beside holds the pointer's focus; the Dockerfile is in the first editor group.
    await command("View: Focus First Editor Group");
    await page.waitForTimeout(300);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("FROM alpine:3.20 AS followed-stage", { delay: 20 });
    const until = Date.now() + 30000;
    while (Date.now() < until) {
      for (const frame of page.frames()) {
        const body = await frame.locator("body").innerText({ timeout: 1000 }).catch(() => "");
        const nodes = await frame.locator('svg g.node[data-id="followed-stage"]').count().catch(() => 0);
        if (body.includes("Build plan:") && nodes === 1 && /target\s+followed-stage/.test(body)) return body.replace(/\s+/g, " ").slice(0, 200);
      }
      await page.waitForTimeout(500);
    }
    throw new Error("the build plan view did not show the stage typed into the editor as the new target");
  });
} catch (e) {
  results.push({ name: "driver", ok: false, detail: String(e?.message ?? e) });
} finally {
  await ctx.close().catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
writeFileSync(process.env.RESULT, `${JSON.stringify(results, null, 2)}\n`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
