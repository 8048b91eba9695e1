// tests/browser/hostile_letters.test.mjs — a disc whose letters are the hostile corpus
// (tests/data/cda/hostile: scripts, javascript: and outside links, event attributes, SVG,
// external entities, an HTML body) with the patient's ID: the viewer reads and draws every one
// and the disc's static page of every one opens, and in neither does anything run (no dialog,
// no page error, no script element) or reach outside the disc (no request but file: and data:).
// usage: node hostile_letters.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { drawnSoon, drawnText, openPage, savedBody, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
const dialogs = [];
page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
try {
  const started = await waitForViewer(page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const state = await page.evaluate(() => window.ssmixViewer.state());
  check(state.documents.length === 5, "hostile documents read: " + JSON.stringify(state.documents));
  // No images on this disc: the patient in the header comes from the SS-MIX2 messages.
  check(state.patient.id === "9999013" && state.patient.name === "=患者 太郎=カンジャ タロウ", "patient: " + JSON.stringify(state.patient));
  let svgSeen = false;
  const drawn = [];   // every text run the documents' frames drew
  for (const [i, doc] of state.documents.entries()) {
    const view = await page.evaluate((id) => window.ssmixViewer.open(id), doc.id);
    check(view.document === doc.id, `open(${doc.id}): ` + JSON.stringify(view));
    await new Promise((r) => setTimeout(r, 300));   // a few frames drawn
    // Media other than PNG/JPEG/GIF (the SVG with an onload) are named, never decoded or shown.
    const media = await page.evaluate(() => window.ssmixViewer.media());
    check(media.every((m) => m.status === "not shown"), `${doc.id}: media ` + JSON.stringify(media.map((m) => [m.id, m.status])));
    if (media.some((m) => m.id === "m1")) svgSeen = true;   // svg-media.xml's image
    writeFileSync(join(artifacts, `20-hostile-viewer-${i + 1}.png`), await page.screenshot({ type: "png" }));
    drawn.push(...(await drawnText(page)).map((run) => run.text));
  }
  check(svgSeen, "the SVG image of svg-media.xml was never met (so its refusal was not checked)");
  // What reaches the screen: the links' words and the cell as plain text; text escaped in the
  // source as plain text; never a script's body, a link's target, an event attribute or the
  // file an external entity names.
  for (const word of ["click again outside data quote", "events", "cell", "<script>alert(12)</script>", "&secret;"])
    check(drawn.some((text) => text.includes(word)), `"${word}" is not drawn: ` + JSON.stringify(drawn));
  for (const word of ["alert(1)", "alert(2)", "alert(5)", "alert(6)", "alert(7)", "alert(10)", "phish", "root:"])
    check(!drawn.some((text) => text.includes(word)), `"${word}" is drawn: ` + JSON.stringify(drawn));
  // A body that is a PDF is offered for saving: 「ファイルを保存」 hands exactly the document's
  // bytes to the browser's download (a blob made in the page; the anchor's click is caught here).
  const pdf = state.documents.find((d) => d.body === "application/pdf");
  check(pdf, "no document with a PDF body: " + JSON.stringify(state.documents));
  if (pdf) {
    await page.evaluate((id) => window.ssmixViewer.open(id), pdf.id);
    check(await drawnSoon(page, "ファイルを保存"), "the save button is not drawn");
    writeFileSync(join(artifacts, "22-pdf-body.png"), await page.screenshot({ type: "png" }));
    const saved = await savedBody(page);
    check(saved.returned === true, "saveBody() on the PDF document");
    const want = (readFileSync(join(tree, pdf.id), "utf8").match(/representation="B64">([^<]+)</) || [])[1];
    const name = pdf.id.split("/").pop().replace(".XML", ".PDF");
    check(saved.list.length === 1 && saved.list[0].name === name && saved.list[0].href.startsWith("blob:") &&
      saved.type === "application/pdf" && want && saved.base64 === want.replace(/\s/g, ""),
      "saved: " + JSON.stringify({ ...saved, base64: saved.base64.slice(0, 40) }));
    const other = state.documents.find((d) => d.body !== "application/pdf");
    await page.evaluate((id) => window.ssmixViewer.open(id), other.id);
    check(await page.evaluate(() => window.ssmixViewer.saveBody()) === false, "saveBody() on a document without a file body");
  }
  // The static page of each, as the physician's browser would show it from the disc.
  for (let n = 1; n <= state.documents.length; n++) {
    const file = `IHE_PDI/DOC0000${n}.HTM`;
    await page.goto(pathToFileURL(join(tree, file)).href, { waitUntil: "load" });
    await new Promise((r) => setTimeout(r, 200));
    const scripts = await page.evaluate(() => document.scripts.length);
    check(scripts === 0, `${file}: ${scripts} script element(s)`);
    writeFileSync(join(artifacts, `21-hostile-page-${n}.png`), await page.screenshot({ type: "png", fullPage: true }));
  }
  check(dialogs.length === 0, "a document opened a dialog: " + dialogs.join("; "));
  run.checkStayedOnDisc(session);
} finally {
  writeFileSync(join(artifacts, "hostile-console.txt"), session.consoleLines.join("\n") + "\n");
  await session.close();
}
run.finish("hostile letters");
