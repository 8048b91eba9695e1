// tests/browser/other_patients.test.mjs — patient safety when another disc's folder is opened
// beside ours. The sample disc (宮本 美智子) is opened, then python3-pydicom's DICOMDIR test
// file-set (two other patients, Doe^Archibald 77654033 with a 1995 head CT, and Doe^Peter
// 98890234) arrives the way a physician gives it: through the real folder picker (a click on
// 「フォルダを開く」 and the browser's file chooser) and, in a second window, by a real drop on
// the viewer. Each study must be listed under the patient its own files name, the other
// patients' marked 別の患者; the image overlay of their images must name their patient, never
// the disc's; the header must warn whenever they are on screen.
// usage: node other_patients.test.mjs --tree DIR --fileset DIR --artifacts DIR [--browser chromium|firefox]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { drawnSoon, dropFiles, dropFoldersByHand, goneSoon, filesUnder, openPage, pickFolder, stateWhen, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;
const fileset = run.args.fileset;
const OTHERS = { "77654033": "Doe^Archibald", "98890234": "Doe^Peter" };

async function viewerState(page) {
  return page.evaluate(() => window.ssmixViewer.state());
}

// Waits until the studies of both other patients are listed (the folder's files are read on demand).
async function otherPatientsListed(page) {
  return (await stateWhen(page, (state) => state.ready && Object.keys(OTHERS).every((id) => state.studies.some((s) => s.patient.id === id)))).state;
}

async function checkPatients(page, how, discPatient, discStudies) {
  const state = await otherPatientsListed(page);
  const mine = state.studies.filter((s) => !s.patient.otherPatient);
  const others = state.studies.filter((s) => s.patient.otherPatient);
  check(state.patient.id === discPatient.id && state.patient.name === discPatient.name,
    `${how}: the header's patient changed: ${JSON.stringify(state.patient)}`);
  check(mine.length === discStudies && mine.every((s) => s.patient.id === discPatient.id),
    `${how}: the disc patient's studies: ${JSON.stringify(mine.map((s) => [s.description, s.patient]))}`);
  check(others.length > 0 && others.every((s) => OTHERS[s.patient.id] === s.patient.name),
    `${how}: other patients' studies: ${JSON.stringify(others.map((s) => [s.description, s.patient]))}`);
  // Listed after the disc's own, grouped by patient (no study of one patient between another's).
  const order = state.studies.map((s) => s.patient.id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
  check(new Set(order).size === order.length && order[0] === discPatient.id, `${how}: studies are not grouped by patient: ${order}`);
  check(await drawnSoon(page, "別の患者"), `${how}: 「別の患者」 is not drawn`);

  // The 1995 head CT of Doe^Archibald: its overlay names him, the header warns.
  const head = others.find((s) => s.date === "19950903");
  check(head && head.patient.id === "77654033", `${how}: the 1995 head CT: ${JSON.stringify(head)}`);
  if (head) {
    await page.evaluate((id) => window.ssmixViewer.open(id), head.series[0].id);
    const view = await page.evaluate(() => window.ssmixViewer.setFrame(1));
    const shown = (await viewerState(page)).view;
    check(view.status === "shown", `${how}: the head CT is not shown: ${JSON.stringify(view)}`);
    check(shown.overlay.topLeft.includes("77654033") && shown.overlay.topLeft.includes("Doe") && !shown.overlay.topLeft.includes(discPatient.id),
      `${how}: the head CT's overlay reads ${JSON.stringify(shown.overlay.topLeft)}`);
    check(shown.otherPatientShown, `${how}: the header does not say another patient's images are shown`);
    check(await drawnSoon(page, "表示中の画像は別の患者のものです"), `${how}: the header's warning is not drawn`);
    writeFileSync(join(artifacts, `other-patients-${how}-${browserName}.png`), await page.screenshot({ type: "png" }));
  }
  // Back to one of the disc's own series: the overlay names the disc's patient, no warning.
  await page.evaluate((id) => window.ssmixViewer.open(id), mine[0].series[0].id);
  await page.evaluate(() => window.ssmixViewer.setFrame(0));
  const back = (await viewerState(page)).view;
  check(back.overlay.topLeft.includes(discPatient.id) && !back.otherPatientShown,
    `${how}: the disc's own series: overlay ${JSON.stringify(back.overlay.topLeft)}, warning ${back.otherPatientShown}`);
  check(await goneSoon(page, "表示中の画像は別の患者のものです"), `${how}: the disc's own series: the header's warning is still drawn`);
}

async function session(how, give) {
  const s = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
  try {
    const started = await waitForViewer(s.page);
    check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
    const before = await viewerState(s.page);
    check(before.studies.length > 0 && before.studies.every((st) => !st.patient.otherPatient), "the disc alone lists another patient");
    await give(s.page);
    await checkPatients(s.page, how, before.patient, before.studies.length);
    run.checkStayedOnDisc(s, ["blob:"]);
  } finally {
    writeFileSync(join(artifacts, `other-patients-${how}-${browserName}-console.txt`), s.consoleLines.join("\n") + "\n");
    await s.close();
  }
}

// The three patients' folders, as the drop below gives them.
const patientFiles = ["77654033", "98892001", "98892003"].flatMap((folder) => filesUnder(join(fileset, folder)));

// 「フォルダを開く」 clicked where the viewer drew it; the browser's file chooser answers with the
// folder (Chromium) or with the patients' files (Firefox, whose WebDriver cannot give a folder).
await session("picker", (page) => pickFolder(page, fileset, patientFiles));

// The patients' files dropped on the viewer (the browser's own drag and drop, the files as its
// data). Chromium cannot list a folder dropped through DevTools (readEntries answers
// EncodingError), so the images of the three patient folders are dropped as a selection;
// Firefox gets the three folders themselves, dragged from another window by the X server's own
// mouse events (its WebDriver cannot drop files), and walks them.
if (browserName === "chromium") await session("drop", (page) => dropFiles(page, patientFiles));
else await session("drop", (page) => dropFoldersByHand(page, ["77654033", "98892001", "98892003"].map((f) => join(fileset, f))));

run.finish("other patients");
