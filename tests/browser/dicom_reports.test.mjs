// tests/browser/dicom_reports.test.mjs — what a PACS keeps beside the images, on our disc and
// from a picked folder: a Japanese Comprehensive SR (pydicom), an Encapsulated PDF and CDA
// (DCMTK's pdf2dcm, cda2dcm) and a Key Object Selection, all for the sample CT's patient
// (tests/integration/make_dicom_reports.py; facts.json says which slices they name).
// - the reports are in the document list; the SR shows its finding, measurement and the note
//   that it is unverified; a click (real mouse) on its image link opens that very slice;
// - the key images are a series of their own, two frames, which are the slices the selection
//   names; the CT series carries the count; a star marks both;
// - 「ファイルを保存」 on the PDF hands the PDF's exact bytes to the browser;
// - the encapsulated CDA reads as a letter;
// - (Chromium) the objects folder picked beside the disc: nothing is listed twice, another
//   patient's report (python3-pydicom's test-SR.dcm) is marked 別の患者 in red, and opening it
//   warns in the header; its image links, which name images not here, open nothing.
// usage: node dicom_reports.test.mjs --tree DIR --objects DIR --facts FILE --artifacts DIR [--browser chromium|firefox]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { animationFrames, drawnSoon, openPage, pickFolder, savedBody, stateWhen, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;
const facts = JSON.parse(readFileSync(run.args.facts, "utf8"));
const objects = run.args.objects;

const state = (page) => page.evaluate(() => window.ssmixViewer.state());
const sopOfShownImage = async (page) =>
  ((await page.evaluate(() => window.ssmixViewer.tags())).find((row) => row.tag === "(0008,0018)") || {}).value;

async function waitFor(page, predicate, what) {
  const { state: s, met } = await stateWhen(page, predicate);
  check(met, "timed out waiting for " + what);
  return s;
}

async function screenshot(page, name) {
  writeFileSync(join(artifacts, `dicom-reports-${name}.png`), await page.screenshot({ type: "png" }));
}

async function checkSr(page, sr) {
  await page.evaluate((id) => window.ssmixViewer.open(id), sr.id);
  for (const word of ["画像診断報告書", "右肺上葉に結節を認めます。", "12.5 mm", "この報告は未承認です"])
    check(await drawnSoon(page, word), `SR: ${word} is not drawn`);
  let s = await waitFor(page, (x) => x.view.letter.links.length > 0, "the SR's image link");
  const link = s.view.letter.links.find((l) => l.target === "dicom:" + facts.sr_image.uid);
  check(link, "SR: no link to the slice it measured: " + JSON.stringify(s.view.letter.links));
  await screenshot(page, `sr-${browserName}`);
  if (!link) return;
  await page.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
  s = await waitFor(page, (x) => x.view.panel === "images" && x.view.status === "shown", "the linked image to be shown");
  check(s.view.frame === facts.sr_image.position, `SR link: frame ${s.view.frame}, expected ${facts.sr_image.position}`);
  check(await sopOfShownImage(page) === facts.sr_image.uid, "SR link: the image shown is not the one the report names");
  check(!s.view.otherPatientShown, "SR link: the disc's own image is flagged as another patient's");
}

async function checkKeyImages(page) {
  const s = await state(page);
  const study = s.studies.find((st) => st.id === facts.study_uid);
  const keys = study && study.series.find((x) => x.keySeries);
  check(keys && keys.frames === facts.key_images.length && keys.description === "結節の見える断面",
    "key images: " + JSON.stringify(study && study.series.map((x) => [x.description, x.frames, x.keySeries, x.keyImages])));
  const marked = study && study.series.filter((x) => !x.keySeries && x.keyImages > 0);
  check(marked && marked.length === 1 && marked[0].keyImages === facts.key_images.length, "the CT series does not carry its key image count");
  check(await drawnSoon(page, "★キー画像") && await drawnSoon(page, "★ キー画像（結節の見える断面）"), "the key image marks are not drawn");
  if (!keys) return;
  for (let i = 0; i < facts.key_images.length; i++) {
    await page.evaluate((id) => window.ssmixViewer.open(id), keys.id);
    const view = await page.evaluate((n) => window.ssmixViewer.setFrame(n), i);
    check(view.status === "shown" && await sopOfShownImage(page) === facts.key_images[i].uid,
      `key image ${i + 1}: not the slice the selection names (${view.status})`);
  }
  await screenshot(page, `key-images-${browserName}`);
}

async function checkPdf(page, pdf) {
  await page.evaluate((id) => window.ssmixViewer.open(id), pdf.id);
  check(await drawnSoon(page, "ファイルを保存"), "PDF: the save button is not drawn");
  const saved = await savedBody(page);
  check(saved.returned === true, "PDF: saveBody()");
  const want = readFileSync(join(objects, "report.pdf")).toString("base64");
  check(saved.list.length === 1 && saved.list[0].name === pdf.id.split("/").pop() + ".PDF" && saved.type === "application/pdf" &&
    saved.base64 === want, "PDF: saved " + JSON.stringify({ ...saved, base64: saved.base64.slice(0, 40) }));
}

async function checkOtherPatientsReport(page, before) {
  await pickFolder(page, objects);
  const s = await waitFor(page, (x) => x.ready && x.documents.some((d) => d.otherPatient), "the picked folder's reports");
  const dicomDocuments = s.documents.filter((d) => d.fromDicom);
  check(dicomDocuments.length === before + 1, `picked folder: ${dicomDocuments.length} DICOM documents, expected ${before + 1} (nothing twice)`);
  const keySeries = s.studies.flatMap((st) => st.series).filter((x) => x.keySeries);
  check(keySeries.length === 1, `picked folder: ${keySeries.length} key image series`);
  const other = s.documents.find((d) => d.otherPatient);
  check(other && other.title === "Diagnosis", "picked folder: another patient's report: " + JSON.stringify(other));
  check(s.documents.filter((d) => d.otherPatient).length === 1, "picked folder: the disc's own reports flagged as another patient's");
  if (!other) return;
  check(await drawnSoon(page, "【別の患者】"), "picked folder: 【別の患者】 is not drawn in the list");
  await page.evaluate((id) => window.ssmixViewer.open(id), other.id);
  const opened = await state(page);
  check(opened.view.otherPatientShown, "another patient's report: the header does not warn");
  check(await drawnSoon(page, "表示中の文書は別の患者のものです"), "another patient's report: the warning is not drawn");
  // Its image links name images that are not here: a click leaves the report open.
  const link = (await waitFor(page, (x) => x.view.letter.links.length > 0, "the other report's links")).view.letter.links[0];
  if (link) {
    await page.mouse.click(link.x + link.width / 2, link.y + link.height / 2);
    await animationFrames(page, 3);
    check((await state(page)).view.panel === "document", "a link to an image that is not here left the report");
  }
  await screenshot(page, `other-patient-report-${browserName}`);
}

const s = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
try {
  const started = await waitForViewer(s.page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const ready = await waitFor(s.page, (x) => x.ready, "ready");
  const reports = ready.documents.filter((d) => d.fromDicom);
  check(reports.length === 3 && reports.every((d) => !d.otherPatient), "reports: " + JSON.stringify(reports));
  const sr = reports.find((d) => d.title === "画像診断報告書");
  const pdf = reports.find((d) => d.body === "application/pdf");
  const cda = reports.find((d) => d.title === "診療情報提供書");
  check(sr && pdf && cda, "the SR, the PDF or the CDA is missing from the documents");
  if (sr) await checkSr(s.page, sr);
  await checkKeyImages(s.page);
  if (pdf) await checkPdf(s.page, pdf);
  if (cda) {
    await s.page.evaluate((id) => window.ssmixViewer.open(id), cda.id);
    check(cda.sections > 0 && await drawnSoon(s.page, "紹介目的"), "the encapsulated CDA does not read as the letter");
  }
  // Firefox's WebDriver BiDi cannot give a folder to the picker.
  if (browserName === "chromium") await checkOtherPatientsReport(s.page, reports.length);
  run.checkStayedOnDisc(s, ["blob:"]);
} finally {
  writeFileSync(join(artifacts, `dicom-reports-${browserName}-console.txt`), s.consoleLines.join("\n") + "\n");
  await s.close();
}
run.finish("dicom reports");
