// tests/browser/browser.mjs — starts Debian's Chromium (headless, CDP) or Firefox ESR (under
// Xvfb, WebDriver BiDi: headless Firefox has no WebGL here) with puppeteer-core, opens a page
// from file:// and records every request and console message, so tests can prove the viewer
// loads nothing from outside the disc.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const chromiumArgs = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--window-size=1280,800",
];

// options.javaScript === false opens the page with scripts switched off, as some hospitals'
// locked-down browsers are (Chromium only: Firefox's BiDi cannot inspect such a page).
// options.deviceScaleFactor: a high-DPI screen (2 = two device pixels per CSS pixel).
// options.onNewDocument: a function run in the page before its own scripts (benchmarks).
// options.clipboard: the page may write and read the system clipboard (navigator.clipboard),
// as a user who allowed it: Chromium's permission granted, Firefox's readText switched on.
export async function openPage(browserName, url, options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "ssmix-browser-"));
  const browser = browserName === "firefox"
    ? await puppeteer.launch({
        browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: false, userDataDir: profile,
        args: ["--width=1280", "--height=800"],
        // puppeteer relaxes file:// rules by default; a physician's Firefox does not.
        extraPrefsFirefox: {
          "security.fileuri.strict_origin_policy": true,
          ...(options.clipboard ? { "dom.events.asyncClipboard.readText": true, "dom.events.testing.asyncClipboard": true } : {}),
        },
      })
    : await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs, userDataDir: profile });
  if (options.clipboard && browserName !== "firefox") {
    const client = await browser.target().createCDPSession();
    await client.send("Browser.grantPermissions", { permissions: ["clipboardReadWrite", "clipboardSanitizedWrite"] });
  }
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: options.deviceScaleFactor || 1 });
  if (options.javaScript === false) {
    if (browserName === "firefox") throw new Error("JavaScript cannot be switched off for Firefox here");
    await page.setJavaScriptEnabled(false);
  }
  if (options.onNewDocument) await page.evaluateOnNewDocument(options.onNewDocument);
  const requests = [];
  const consoleLines = [];
  const pageErrors = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => consoleLines.push(message.type() + ": " + message.text()));
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(url, { waitUntil: "load" });
  return {
    browser, page, requests, consoleLines, pageErrors,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Waits until the viewer says ready or error (document.documentElement.dataset.ssmixState).
export async function waitForViewer(page, timeoutMs = 60000) {
  await page.waitForFunction(
    () => ["ready", "error"].includes(document.documentElement.dataset.ssmixState),
    { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => ({
    state: document.documentElement.dataset.ssmixState,
    error: document.documentElement.dataset.ssmixError || "",
  }));
}

// Clicks the middle of the drawn run holding `word` (false when none is drawn), then lets three
// frames pass so the viewer has read the click (ImGui reads input once a frame).
export async function clickDrawn(page, word) {
  const found = await drawnRun(page, word);
  if (!found) return false;
  await page.mouse.click(found.x + found.width / 2, found.y + found.height / 2);
  await animationFrames(page, 3);
  return true;
}

// Resolves once no view of the layout is loading (input is read and images made between frames).
export async function viewsSettled(page) {
  await animationFrames(page, 3);
  await page.evaluate(() => new Promise((resolve) => {
    (function wait() { if (window.ssmixViewer.state().view.viewsLoading) requestAnimationFrame(wait); else resolve(); })();
  }));
}

// The views of the layout (window.ssmixViewer.viewports()) once they have settled.
export async function settledViewports(page) {
  await viewsSettled(page);
  return page.evaluate(() => window.ssmixViewer.viewports());
}

// The system clipboard through the page's Clipboard API (open the page with { clipboard: true }).
export function setClipboard(page, text) {
  return page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

// The clipboard's text once it is no longer `before` (about two seconds at most), else null.
// Firefox lets a page read the clipboard only just after a user's input: each read follows a
// click on the viewer's title, which does nothing else (a few frames after the input that
// copies, so the viewer has acted on it before the pointer moves).
export async function clipboardChange(page, before) {
  for (let i = 0; i < 40; i++) {
    await animationFrames(page, 3);
    await clickViewerButton(page, "title");
    const text = await page.evaluate(() => navigator.clipboard.readText().catch((e) => "clipboard: " + e));
    if (text !== before) return text;
  }
  return null;
}

// Clicks one of the viewer's header buttons ("select", "copy", "print", "openFolder",
// "language") where the viewer says it drew it (state().buttons, CSS pixels); false if absent.
export async function clickViewerButton(page, id) {
  const buttons = (await page.evaluate(() => window.ssmixViewer.state())).buttons || [];
  const button = buttons.find((b) => b.id === id);
  if (!button) return false;
  await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
  return true;
}

// Resolves after `n` frames the browser has drawn (ImGui reads input and draws once a frame).
export function animationFrames(page, n) {
  return page.evaluate((count) => new Promise((resolve) => {
    let left = count;
    (function next() { if (left-- <= 0) resolve(); else requestAnimationFrame(next); })();
  }), n);
}

// The text the viewer's last frame put on the canvas: [{text, x, y, width, height}] in page
// CSS pixels, read back from its draw lists (what is clipped away or scrolled out is absent).
export function drawnText(page) {
  return page.evaluate(() => window.ssmixViewer.drawnText());
}

// The drawn run holding `word` in the last frame, or undefined.
export async function drawnRun(page, word) {
  return (await drawnText(page)).find((run) => run.text.includes(word));
}

// A new view's text is drawn a frame or two later (its glyphs join the atlas first): true once
// a frame has drawn `word`, waiting up to about three seconds.
export async function drawnSoon(page, word) {
  for (let i = 0; i < 60; i++) {
    if (await drawnRun(page, word)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

// After an action that hides `word`: true once it has left the screen (within about three
// seconds: input reaches the page a little later in Firefox) and stayed away for three frames.
export async function goneSoon(page, word) {
  for (let i = 0; i < 60; i++) {
    if (!(await drawnRun(page, word))) return notDrawn(page, word, 3);
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

// True when none of the next few frames draws `word` (a frame or two to settle, as drawnSoon).
export async function notDrawn(page, word, frames = 4) {
  for (let i = 0; i < frames; i++) {
    await animationFrames(page, 1);
    if (await drawnRun(page, word)) return false;
  }
  return true;
}

// A series' thumbnail (window.ssmixViewer.thumbnail) once the viewer has made it or given up
// ({} then), waiting up to 30 s: thumbnails are made one a frame after the first screen.
export async function viewerThumbnail(page, seriesId) {
  await page.waitForFunction((id) => window.ssmixViewer.state().studies.some((study) =>
    study.series.some((s) => s.id === id && s.thumbnail !== "waiting")), { polling: 100, timeout: 30000 }, seriesId).catch(() => {});
  return page.evaluate((id) => window.ssmixViewer.thumbnail(id), seriesId);
}

// What 「ファイルを保存」 hands to the browser's download: the anchor's click is caught and the
// blob it points to read back. Resolves to {returned (saveBody's answer), list [{name, href}],
// type, base64}.
export async function savedBody(page) {
  await page.evaluate(() => {
    window.ssmixSaved = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => { window.ssmixSavedBlob = blob; return create(blob); };
    HTMLAnchorElement.prototype.click = function () { window.ssmixSaved.push({ name: this.download, href: this.href }); };
  });
  const returned = await page.evaluate(() => window.ssmixViewer.saveBody());
  return page.evaluate(async (answer) => {
    const blob = window.ssmixSavedBlob;
    const bytes = blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array();
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return { returned: answer, list: window.ssmixSaved, type: blob ? blob.type : "", base64: btoa(binary) };
  }, returned);
}

// Every file under a folder (the files a folder picker or a drop hands over).
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// 「フォルダを開く」 clicked where the viewer drew it; the browser's file chooser answers with
// `folder`. Firefox's WebDriver BiDi cannot hand the chooser a folder ("Is directory"): it gets
// `firefoxFiles` (default: every file under the folder), which arrive without their folders.
export async function pickFolder(page, folder, firefoxFiles) {
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 10000 }), clickViewerButton(page, "openFolder")]);
  const firefox = (await page.browser().version()).toLowerCase().includes("firefox");
  await chooser.accept(firefox ? firefoxFiles || filesUnder(folder) : [folder]);
}

// Folders dragged from another window onto the viewer by the X server's own mouse events
// (xdotool), as a hand drags them from a file manager: Firefox under Xvfb only (the drag source
// is tests/browser/drag_source.py; Firefox's WebDriver cannot drop files itself).
export async function dropFoldersByHand(page, folders) {
  const source = spawn("/usr/bin/python3", [join(dirname(fileURLToPath(import.meta.url)), "drag_source.py"), ...folders], { stdio: "ignore" });
  const xdotool = (...args) => execFileSync("xdotool", args.map(String), { encoding: "utf8" });
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  try {
    let window = "";
    for (let i = 0; i < 100 && !window; i++) {
      await pause(100);
      try { window = xdotool("search", "--onlyvisible", "--name", "ssmix-drag-source").trim().split("\n")[0]; } catch { /* not yet mapped */ }
    }
    if (!window) throw new Error("the drag source window did not appear");
    const geometry = xdotool("getwindowgeometry", "--shell", window);
    const from = { x: Number(/X=(\d+)/.exec(geometry)[1]) + 60, y: Number(/Y=(\d+)/.exec(geometry)[1]) + 40 };
    const page0 = await page.evaluate(() => ({ x: window.mozInnerScreenX, y: window.mozInnerScreenY }));
    const to = { x: Math.round(page0.x + 800), y: Math.round(page0.y + 400) };
    xdotool("mousemove", from.x, from.y);
    await pause(200);
    xdotool("mousedown", 1);
    for (let i = 1; i <= 20; i++) {   // XDND needs the pointer to travel, a step at a time
      xdotool("mousemove", Math.round(from.x + (to.x - from.x) * i / 20), Math.round(from.y + (to.y - from.y) * i / 20));
      await pause(50);
    }
    await pause(300);
    xdotool("mouseup", 1);
    await pause(500);
  } finally {
    source.kill();
  }
}

// Files dropped on the viewer by the browser's own drag and drop (Chromium's DevTools; a drop
// made so carries the files without their folders).
export async function dropFiles(page, files) {
  const client = await page.target().createCDPSession();
  const data = { items: [], files, dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"]) await client.send("Input.dispatchDragEvent", { type, x: 700, y: 400, data });
  await animationFrames(page, 2);
}

// The viewer's state once `done(state)` holds (polled for up to 30 s); the last state seen else.
export async function stateWhen(page, done) {
  let state;
  for (let i = 0; i < 300; i++) {
    state = await page.evaluate(() => window.ssmixViewer.state());
    if (done(state)) return { state, met: true };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { state, met: false };
}
