// tests/browser/journey.test.mjs — the end of the README's journey: the disc tree that
// scripts/journey.sh made from the sample patient (sample-data/patients/) opened from file://,
// and everything the physician should find compared with what the generator was told
// (expected.json): the patient, the letter, the prescriptions in force (the corrected order's
// days, not the cancelled order), the problems, one test's trend, and every image series with
// its frames rendered as native DCMTK renders them. Screenshots for docs/ are kept.
// usage: node journey.test.mjs --tree DIR --expected FILE --artifacts DIR [--browser chromium|firefox]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { animationFrames, drawnSoon, notDrawn, openPage, viewerThumbnail, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";
import { frameDifferences, nativeFrame, shrinkFrame } from "./frames.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;
const expectedFile = process.argv[process.argv.indexOf("--expected") + 1];
const expected = JSON.parse(readFileSync(expectedFile, "utf8"));

async function screenshot(page, name) {
  await animationFrames(page, 3);   // glyphs met for the first time are in the atlas a frame or two later
  writeFileSync(join(artifacts, name + ".png"), await page.screenshot({ type: "png" }));
}

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
try {
  const started = await waitForViewer(page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const state = await page.evaluate(() => window.ssmixViewer.state());

  // The patient, as the description gives them.
  const want = expected.patient;
  check(state.patient.id === want.id && state.patient.name === want.name && state.patient.birthDate === want.birthDate &&
    state.patient.sex === want.sex, "patient: " + JSON.stringify(state.patient) + " expected " + JSON.stringify(want));
  check(state.problems.length === 0 && state.font.missing.length === 0, "problems: " + state.problems + " missing glyphs: " + state.font.missing);

  // The referral letter, open first, with the purpose the letter file gave; the same letter
  // in its FHIR form (the disc's .JSN) and the data-provision document beside it.
  check(state.documents.length === 3 && state.documents[0].title === "診療情報提供書" && state.view.document === state.documents[0].id,
    "documents: " + JSON.stringify(state.documents) + " open: " + state.view.document);
  const fhirLetter = state.documents.find((d) => d.id.endsWith(".JSN"));
  check(fhirLetter && fhirLetter.title === "診療情報提供書", "the FHIR form of the letter: " + JSON.stringify(state.documents));
  check(await drawnSoon(page, expected.letter.purpose), "the letter's purpose is not drawn: " + expected.letter.purpose);
  await screenshot(page, "01-letter");
  // Its contents list: every section, and a click on one scrolls the letter to it.
  const letter = (await page.evaluate(() => window.ssmixViewer.state())).view.letter;
  check(letter.contents.length === state.documents[0].sections && letter.contents[0].title === "紹介目的" && letter.scrollY === 0,
    "contents: " + JSON.stringify(letter.contents.map((e) => e.title)));
  const entry = letter.contents[3];
  if (entry) {
    await page.mouse.click(entry.x + entry.width / 2, entry.y + entry.height / 2);
    await animationFrames(page, 4);
    const jumped = (await page.evaluate(() => window.ssmixViewer.state())).view.letter;
    check(jumped.jumpedTo === 3 && jumped.topSection === 3 && jumped.scrollY > 0,
      `clicking ${entry.title} in the contents: ${JSON.stringify({ jumpedTo: jumped.jumpedTo, topSection: jumped.topSection, scrollY: jumped.scrollY })}`);
    await screenshot(page, "01-letter-contents-jump");
  }

  // The FHIR form: the letter's purpose and a prescribed drug drawn from its Composition.
  if (fhirLetter) {
    const shown = await page.evaluate((id) => window.ssmixViewer.open(id), fhirLetter.id);
    check(shown.document === fhirLetter.id, "open(FHIR letter): " + JSON.stringify(shown));
    // Another document opens at its top, though the CDA letter was scrolled by the contents.
    const fhirView = (await page.evaluate(() => window.ssmixViewer.state())).view.letter;
    check(fhirView.scrollY === 0, "the FHIR letter opened scrolled to " + fhirView.scrollY);
    check(await drawnSoon(page, expected.letter.purpose), "the FHIR letter's purpose is not drawn");
    // The problems table's last columns are empty in every row: their headings must still be
    // drawn whole, not one character a line.
    check(await drawnSoon(page, "転帰日"), "the heading 転帰日 of an empty column is not drawn whole");
    await screenshot(page, "01-letter-fhir");
    await page.evaluate((id) => window.ssmixViewer.open(id), state.documents[0].id);
  }

  // The data-provision document: its sections (problems, prescriptions, results ...) drawn as a
  // document, with the data of the period in them.
  const provision = state.documents.find((d) => d.title === "診療データ提供書");
  check(provision && provision.sections >= 3, "data-provision document: " + JSON.stringify(state.documents));
  if (provision) {
    const shown = await page.evaluate((id) => window.ssmixViewer.open(id), provision.id);
    check(shown.document === provision.id, "open(provision): " + JSON.stringify(shown));
    check(await drawnSoon(page, expected.prescriptions[0].rps[0][0].name), "the provision document's prescriptions are not drawn");
    await screenshot(page, "06-provision");
    await page.evaluate((id) => window.ssmixViewer.open(id), state.documents[0].id);
  }

  // Prescriptions in force: every order but the cancelled one, with its final days and drugs.
  const record = await page.evaluate(() => window.ssmixViewer.record());
  const current = expected.prescriptions.filter((rx) => !rx.cancelled);
  const shown = (record.prescriptions || []).slice().sort((a, b) => a.date.localeCompare(b.date));
  check(shown.length === current.length, `prescriptions: ${shown.length} shown, ${current.length} expected`);
  current.forEach((rx, i) => {
    const order = shown[i] || { rps: [] };
    const drugs = order.rps.map((rp) => rp.medications.map((m) => m.drug.code));
    const wantDrugs = rx.rps.map((rp) => rp.map((d) => d.hot9));
    check(order.date === rx.date && JSON.stringify(drugs) === JSON.stringify(wantDrugs),
      `prescription ${rx.date}: ${order.date} ${JSON.stringify(drugs)} expected ${JSON.stringify(wantDrugs)}`);
    check(order.rps.every((rp) => rp.days === String(rx.days)), `prescription ${rx.date}: days ${order.rps.map((rp) => rp.days)} expected ${rx.days}`);
    check(order.rps.every((rp, k) => rp.usage && rp.usage.text === rx.rps[k][0].usage), `prescription ${rx.date}: usage`);
  });
  const cancelled = expected.prescriptions.filter((rx) => rx.cancelled).flatMap((rx) => rx.rps.flat().map((d) => d.hot9));
  check(!shown.some((o) => o.rps.some((rp) => rp.medications.some((m) => cancelled.includes(m.drug.code)))),
    "a cancelled order is shown: " + cancelled);
  let view = await page.evaluate(() => window.ssmixViewer.open("prescriptions"));
  check(view.panel === "prescriptions", "open(prescriptions): " + JSON.stringify(view));
  for (const drug of current.at(-1).rps.flat()) check(await drawnSoon(page, drug.name), `prescriptions: "${drug.name}" is not drawn`);
  const currentNames = current.flatMap((rx) => rx.rps.flat().map((d) => d.name));
  for (const rx of expected.prescriptions.filter((p) => p.cancelled))
    for (const drug of rx.rps.flat().filter((d) => !currentNames.includes(d.name)))
      check(await notDrawn(page, drug.name), `prescriptions: the cancelled "${drug.name}" is drawn`);
  await screenshot(page, "03-prescriptions");

  // Problems: names and ICD-10 codes.
  const problems = (record.problems || []).map((p) => [p.diagnosis.text, p.icd10].join(" "));
  check(JSON.stringify(problems.sort()) === JSON.stringify(expected.problems.map((p) => p.name + " " + p.icd10).sort()),
    "problems: " + JSON.stringify(problems));
  view = await page.evaluate(() => window.ssmixViewer.open("problems"));
  for (const p of expected.problems) check(await drawnSoon(page, p.name), `problems: "${p.name}" is not drawn`);
  await screenshot(page, "05-problems");

  // Labs: every test listed, and one test's trend equal to the description's values.
  for (const t of expected.labs) check(state.record.labTests.includes(t.name), `lab test ${t.name} is not listed`);
  const egfr = expected.labs.find((t) => t.name === "eGFR");
  const trend = (await page.evaluate((code) => window.ssmixViewer.showTrend(code), egfr.code)).trend;
  const points = trend ? trend.points.map((p) => [p.at.slice(0, 8), p.value, p.flag]) : [];
  const wantPoints = egfr.dates.map((d, i) => [d, egfr.values[i], egfr.values[i] < egfr.low ? "L" : ""]);
  check(JSON.stringify(points) === JSON.stringify(wantPoints), "eGFR trend: " + JSON.stringify(points) + " expected " + JSON.stringify(wantPoints));
  check(await drawnSoon(page, "経過のグラフ"), "the trend is not drawn");
  await screenshot(page, "04-labs-trend");

  // Every image series: there, with its frames, and its first and middle frames as DCMTK renders them.
  const series = state.studies.flatMap((s) => s.series.map((x) => ({ ...x, study: s })));
  for (const study of expected.studies) {
    const found = state.studies.find((s) => s.id === study.uid);
    check(found && found.series.length === 1 && found.series[0].frames === study.frames && found.series[0].modality === study.modality &&
      found.description === study.description && found.date === study.date, `study ${study.description}: ` + JSON.stringify(found));
  }
  check(series.length === expected.studies.length, `${series.length} series shown, ${expected.studies.length} expected`);
  for (const s of series) {
    const opened = await page.evaluate((id) => window.ssmixViewer.open(id), s.id);
    check(opened.status === "shown" && opened.frames === s.frames, `${s.study.description}: ${JSON.stringify(opened)}`);
    for (const frame of [...new Set([0, Math.floor(s.frames / 2)])]) {
      const at = await page.evaluate((n) => window.ssmixViewer.setFrame(n), frame);
      const viewerFrame = await page.evaluate(() => window.ssmixViewer.frame());
      const fileWindow = s.modality === "US" ? null : viewerFrame.window;   // ultrasound has no window: min-max
      const native = nativeFrame(tree, at.file, at.fileFrame, at.transferSyntax, fileWindow);
      const problems = frameDifferences(viewerFrame, native, `${s.study.description} frame ${frame}`);
      check(problems.length === 0, problems.join("; "));
      if (frame !== Math.floor(s.frames / 2)) continue;
      // Its thumbnail in the list is this middle frame, shrunk.
      const thumbnail = await viewerThumbnail(page, s.id);
      const expectedThumbnail = shrinkFrame(native, 64);
      check(thumbnail.width === expectedThumbnail.width && Buffer.from(thumbnail.data || "", "base64").equals(Buffer.from(expectedThumbnail.pixels)),
        `${s.study.description}: the thumbnail is not the middle frame shrunk (${thumbnail.width}x${thumbnail.height})`);
    }
    if (s.modality === "CT") await page.evaluate((n) => window.ssmixViewer.setFrame(n), Math.round(s.frames * 0.75));
    await screenshot(page, "02-" + s.modality);
  }

  // The letter again, for the first screenshot of docs/ in English too.
  await page.evaluate((id) => window.ssmixViewer.open(id), state.documents[0].id);
  run.checkStayedOnDisc(session);
} finally {
  writeFileSync(join(artifacts, "console.txt"), session.consoleLines.join("\n") + "\n");
  await session.close();
}
run.finish("journey");
