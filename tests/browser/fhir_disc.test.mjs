// tests/browser/fhir_disc.test.mjs — FHIR document bundles in the viewer (the trees of
// tests/integration's pack_fhir): the sample patient's disc with the FHIR letter
// (IHE_XDM/SUBSET01/DOC00001.JSN) shows it as a letter with every section title of the bundle
// and its narrative; a FHIR-only disc fills the problems, prescriptions and labs views from the
// bundle's entries, and another patient's bundle picked beside it stays under that patient's
// name; an empty viewer given a folder holding only the IG's example bundle (another vendor's
// FHIR) shows that patient's letter and record; a hostile bundle (script in the narrative,
// javascript: links, event attributes) draws its words and runs nothing.
// usage: node fhir_disc.test.mjs --tree PACK_FHIR_OUT --examples tests/data/fhir/examples --artifacts DIR [--browser chromium|firefox]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { drawnSoon, drawnText, notDrawn, openPage, stateWhen, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;
const letterPath = join(tree, "disc/IHE_XDM/SUBSET01/DOC00001.JSN");
const example = JSON.parse(readFileSync(join(run.args.examples, "Bundle-Bundle-CLINS-Referral-Example-01.json"), "utf8"));
// The same patient's lab results, a JP_Bundle_CLINS collection (no Composition: no letter).
const labs = JSON.parse(readFileSync(join(run.args.examples, "Bundle-Bundle-CLINS-Observations-Example-01.json"), "utf8"));

const compositionOf = (bundle) => bundle.entry.find((e) => e.resource.resourceType === "Composition").resource;
const titlesOf = (sections) => sections.flatMap((s) => [...(s.title ? [s.title] : []), ...titlesOf(s.section || [])]);
const state = (page) => page.evaluate(() => window.ssmixViewer.state());
const asFile = (path, object) => ({ path, base64: Buffer.from(JSON.stringify(object)).toString("base64") });
async function settle(page, done, what) {
  const { state: s, met } = await stateWhen(page, (x) => x.ready && done(x));
  check(met, "timed out: " + what + ": " + JSON.stringify({ documents: s.documents, record: s.record, problems: s.problems }));
  return s;
}

async function session(folder, work) {
  const s = await openPage(browserName, pathToFileURL(join(tree, folder, "INDEX.HTM")).href);
  const dialogs = [];
  s.page.on("dialog", async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  try {
    const started = await waitForViewer(s.page);
    check(started.state === "ready", `${folder}: viewer state ${started.state} ${started.error}`);
    await work(s.page);
    check(dialogs.length === 0, `${folder}: dialogs ` + JSON.stringify(dialogs));
    run.checkStayedOnDisc(s, ["blob:"]);
  } finally {
    writeFileSync(join(artifacts, `fhir-${folder}-console.txt`), s.consoleLines.join("\n") + "\n");
    await s.close();
  }
}

// Every section title drawn: the window made tall enough for the whole letter at once.
async function checkLetter(page, bundle, what) {
  await page.setViewport({ width: 1280, height: 5000 });
  for (const title of titlesOf(compositionOf(bundle).section))
    check(await drawnSoon(page, title), `${what}: section title "${title}" is not drawn`);
  await page.setViewport({ width: 1280, height: 800 });
}

// 1. The sample patient's disc: the FHIR letter beside the SS-MIX2 record.
const letter = JSON.parse(readFileSync(letterPath, "utf8"));
await session("disc", async (page) => {
  const s = await settle(page, (x) => x.documents.length === 1, "the FHIR letter");
  const doc = s.documents[0];
  check(doc && doc.id === "IHE_XDM/SUBSET01/DOC00001.JSN" && doc.title === compositionOf(letter).title && !doc.otherPatient,
    "documents: " + JSON.stringify(s.documents));
  const view = await page.evaluate((id) => window.ssmixViewer.open(id), doc.id);
  check(view.panel === "document" && view.document === doc.id && view.printPage === "IHE_PDI/DOC00001.HTM", "open: " + JSON.stringify(view));
  check(await drawnSoon(page, "胃炎の精査と内視鏡検査のお願い"), "the letter's purpose (narrative) is not drawn");
  writeFileSync(join(artifacts, "fhir-letter.png"), await page.screenshot({ type: "png" }));
  await checkLetter(page, letter, "the FHIR letter");
  check(s.patient.id === "9999013" && s.record && s.record.problems > 0, "patient and record: " + JSON.stringify({ p: s.patient, r: s.record }));
});

// 2. The FHIR letter alone: the record comes from the bundle; another patient's bundle stays theirs.
await session("disc-fhir-only", async (page) => {
  let s = await settle(page, (x) => x.documents.length === 1 && x.record, "the FHIR-only disc's record");
  check(s.patient.id === "9999013", "patient: " + JSON.stringify(s.patient));
  check(s.record && s.record.problems > 0 && s.record.prescriptions > 0 && s.record.labResults > 0, "record from the bundle: " + JSON.stringify(s.record));
  for (const [panel, word] of [["problems", "胃炎"], ["prescriptions", "ダーゼン"], ["labs", "総蛋白"]]) {
    const view = await page.evaluate((id) => window.ssmixViewer.open(id), panel);
    check(view.panel === panel, `open(${panel}): ` + JSON.stringify(view));
    check(await drawnSoon(page, word), `${panel}: "${word}" is not drawn`);
    writeFileSync(join(artifacts, `fhir-only-${panel}.png`), await page.screenshot({ type: "png" }));
  }
  const before = s.record;
  await page.evaluate((files) => window.ssmixViewer.addFiles(files), [asFile("OTHER/referral.json", example)]);
  s = await settle(page, (x) => x.documents.length === 2, "another patient's bundle picked");
  const other = s.documents.find((d) => d.id.endsWith("referral.json"));   // the picked folder's own name is not part of the path
  check(other && other.otherPatient, "another patient's letter is not marked as such: " + JSON.stringify(s.documents));
  check(JSON.stringify(s.record) === JSON.stringify(before) && s.patient.id === "9999013", "another patient's entries joined the record: " + JSON.stringify(s.record));
  const view = await page.evaluate((id) => window.ssmixViewer.open(id), other ? other.id : "referral.json");
  check(view.otherPatientShown, "another patient's letter open, not said: " + JSON.stringify(view));
  check(await drawnSoon(page, "▲"), "no warning drawn over another patient's letter");
  check(await drawnSoon(page, "牧野"), "the other patient's name is not drawn");
  writeFileSync(join(artifacts, "fhir-other-patient.png"), await page.screenshot({ type: "png" }));
  // Another patient's 6情報 collection (no letter): its entries stay out, and the viewer says so.
  await page.evaluate((files) => window.ssmixViewer.addFiles(files), [asFile("OTHER2/labs.json", labs)]);
  s = await settle(page, (x) => x.problems.some((p) => p.includes("labs.json")), "another patient's collection picked");
  check(JSON.stringify(s.record) === JSON.stringify(before), "another patient's collection joined the record: " + JSON.stringify(s.record));
  check(s.problems.some((p) => p.includes("000999739") && p.includes("not shown")), "problems: " + JSON.stringify(s.problems));
});

// 3. An empty viewer given another vendor's FHIR: only the IG's example bundle in a folder; then a hostile one.
const hostile = structuredClone(example);
const purpose = titlesOf(compositionOf(hostile).section).includes("紹介目的") &&
  compositionOf(hostile).section.flatMap((s) => [s, ...(s.section || [])]).find((s) => s.title === "紹介目的");
purpose.text.div = '<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="alert(3)">SAFE-WORDS<script>alert(1)</script></p>' +
  '<a href="javascript:alert(2)">CLICK-WORDS</a> <a href="https://phish.example/">OUTSIDE-WORDS</a><img src="https://phish.example/x.png" onerror="alert(4)"/></div>';
compositionOf(hostile).title = "HOSTILE-LETTER";
await session("disc-empty", async (page) => {
  let s = await state(page);
  check(s.documents.length === 0 && !s.record, "the --no-bundle disc shows data before a folder is given");
  await page.evaluate((files) => window.ssmixViewer.addFiles(files), [asFile("VENDOR/bundle.json", example), asFile("VENDOR/labs.json", labs),
    { path: "VENDOR/notes.json", base64: Buffer.from('{"a": 1}').toString("base64") }]);
  s = await settle(page, (x) => x.documents.length === 1 && x.record && x.record.labResults > 0, "a picked folder with FHIR bundles");
  check(s.patient.id === "000999739" && !s.documents[0].otherPatient, "the vendor bundle's patient: " + JSON.stringify({ p: s.patient, d: s.documents }));
  // The letter's 5 Conditions and 3 allergies, and the collection's 4 results: one patient's record.
  check(s.record && s.record.problems === 5 && s.record.allergies === 3 && s.record.labResults === 4, "the vendor bundles' record: " + JSON.stringify(s.record));
  // 尿蛋⽩ as the IG writes it, with the Kangxi radical U+2F69 for 白: drawn, not as "?".
  for (const [panel, word] of [["problems", "狭心症"], ["labs", "カリウム"], ["labs", "尿蛋\u2F69"]]) {
    const view = await page.evaluate((id) => window.ssmixViewer.open(id), panel);
    check(view.panel === panel && await drawnSoon(page, word), `vendor ${panel}: "${word}" is not drawn`);
    writeFileSync(join(artifacts, `fhir-vendor-${panel}.png`), await page.screenshot({ type: "png" }));
  }
  await page.evaluate((id) => window.ssmixViewer.open(id), s.documents[0].id);
  check(await drawnSoon(page, "腹痛精査お願いします。"), "the vendor letter's narrative is not drawn");
  await checkLetter(page, example, "the vendor letter");

  await page.evaluate((files) => window.ssmixViewer.addFiles(files), [asFile("VENDOR2/hostile.json", hostile)]);
  s = await settle(page, (x) => x.documents.length === 2, "a hostile bundle");
  const id = s.documents.find((d) => d.id.endsWith("hostile.json")).id;
  const view = await page.evaluate((x) => window.ssmixViewer.open(x), id);
  check(view.document === id, "open the hostile letter: " + JSON.stringify(view));
  for (const word of ["SAFE-WORDS", "CLICK-WORDS", "OUTSIDE-WORDS"]) check(await drawnSoon(page, word), `hostile: "${word}" is not drawn`);
  const drawn = (await drawnText(page)).map((r) => r.text).join("\n");
  for (const word of ["alert(", "javascript:", "phish.example", "onclick"]) check(!drawn.includes(word), `hostile: "${word}" is drawn`);
  const media = await page.evaluate(() => window.ssmixViewer.media());
  check(media.every((m) => m.status !== "shown"), "hostile: an outside image was shown: " + JSON.stringify(media));
  // A click on the link's words goes nowhere.
  const link = (await drawnText(page)).find((r) => r.text.includes("CLICK-WORDS"));
  if (link) {
    await page.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
    check(await notDrawn(page, "this text is never drawn", 3), "");
  }
  const after = await page.evaluate(() => ({ href: location.href, scripts: document.scripts.length }));
  check(after.href.startsWith("file://") && after.href.endsWith("INDEX.HTM"), "hostile: the page went to " + after.href);
  writeFileSync(join(artifacts, "fhir-hostile.png"), await page.screenshot({ type: "png" }));
});

run.finish("FHIR documents on the disc");
