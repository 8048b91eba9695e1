// tests/browser/vendor_discs.test.mjs — other vendors' discs given to a viewer that has nothing
// yet (our disc made with --no-bundle), as a physician gives them: through the real folder
// picker (a click on 「フォルダを開く」, the browser's file chooser) and by a real drop. The
// folders (make_vendor_discs.py, with DCMTK's dcmmkdir): DICOMDIR + IMAGES/IM0001 ...;
// DICOMDIR + DICOM/PAT00001/STU00001/SER00001/IM00001 ...; loose files and no DICOMDIR; a bare
// SS-MIX2 storage tree (its record appears under its patient); and a storage with two
// patients, whose messages are not made anyone's record. Chromium only: Firefox's WebDriver
// BiDi cannot give a folder to the picker; a drop through DevTools carries files without their
// folders (readEntries answers EncodingError), so the storage tree is given by the picker.
// usage: node vendor_discs.test.mjs --tree DIR --dicom DIR --storage DIR --work DIR --artifacts DIR
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dropFiles, filesUnder, openPage, pickFolder, stateWhen, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;
const work = run.args.work;
execFileSync("/usr/bin/python3", [join(dirname(fileURLToPath(import.meta.url)), "make_vendor_discs.py"), work, run.args.dicom, run.args.storage]);

const state = (page) => page.evaluate(() => window.ssmixViewer.state());
async function settle(page, done, what) {
  const { state: s, met } = await stateWhen(page, (x) => x.ready && done(x));
  check(met, "timed out: " + what);
  return s;
}
const framesOf = (s) => Object.fromEntries(s.studies.flatMap((st) => st.series.map((x) => [st.description, x.frames])));
const pick = (page, folder) => pickFolder(page, join(work, folder));
const drop = (page, folders) => dropFiles(page, folders.flatMap((f) => filesUnder(join(work, f))));

async function session(how, give) {
  const s = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
  try {
    const started = await waitForViewer(s.page);
    check(started.state === "ready", `${how}: viewer state ${started.state} ${started.error}`);
    const before = await state(s.page);
    check(before.studies.length === 0 && !before.record, `${how}: the --no-bundle disc shows data before anything is given`);
    await give(s.page);
    writeFileSync(join(artifacts, `vendor-discs-${how}.png`), await s.page.screenshot({ type: "png" }));
    run.checkStayedOnDisc(s, ["blob:"]);
  } finally {
    await s.close();
  }
}

const want = { "胸部CT": 24, "頭部CT": 8, "嚥下造影検査": 12 };
await session("picker", async (page) => {
  await pick(page, "images");
  let s = await settle(page, (x) => framesOf(x)["胸部CT"] === 24, "IMAGES/IM0001 disc");
  await pick(page, "patient");
  s = await settle(page, (x) => framesOf(x)["頭部CT"] === 8, "DICOM/PAT00001 disc");
  await pick(page, "loose");
  s = await settle(page, (x) => framesOf(x)["嚥下造影検査"] === 12, "loose files");
  check(Object.entries(want).every(([k, v]) => framesOf(s)[k] === v), "picker: studies " + JSON.stringify(framesOf(s)));
  await pick(page, "storage");
  s = await settle(page, (x) => x.record && x.record.prescriptions > 0, "a bare SS-MIX2 storage");
  check(s.patient.id === "9999013" && s.record.problems > 0 && s.record.labResults > 0,
    "bare SS-MIX2 storage: " + JSON.stringify({ patient: s.patient, record: s.record }));
  check(s.studies.every((st) => !st.patient.otherPatient), "the storage's patient and the images' are not one");
});

// The NHO sample storage holds two patients: neither becomes the record, and the viewer says why.
await session("two-patients", async (page) => {
  await pick(page, "storages");
  const s = await settle(page, (x) => x.problems.some((p) => p.includes("several patients")), "two patients' storage");
  check(!s.record && !s.patient.id, "a storage of two patients became the record: " + JSON.stringify(s.patient));
});

await session("drop", async (page) => {
  await drop(page, ["images", "patient", "loose"]);
  const s = await settle(page, (x) => Object.entries(want).every(([k, v]) => framesOf(x)[k] === v), "dropped discs");
  check(Object.entries(want).every(([k, v]) => framesOf(s)[k] === v), "drop: studies " + JSON.stringify(framesOf(s)));
});

run.finish("other vendors' discs");
