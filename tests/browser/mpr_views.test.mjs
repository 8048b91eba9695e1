// tests/browser/mpr_views.test.mjs — MPR (issue 18, item 3) as a physician uses it: the
// 「MPR（3断面）」 button clicked on a CT, the three planes checked pixel for pixel against the
// planes numpy computes from the DICOM files alone (tests/integration/mpr_reference.py), the
// wheel moving a plane, a click moving the crosshair, a thick slab, a window preset clicked,
// distances in mm on a reformatted plane, a series that is no volume (the button disabled with
// the reason beside it), a small memory budget (reduced resolution, with a note), and back.
// usage: node mpr_views.test.mjs --tree DIR --artifacts DIR --ssmix BIN [--browser chromium|firefox]
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { animationFrames, clickDrawn, drawnSoon, openPage, settledViewports, viewsSettled, waitForViewer } from "./browser.mjs";
import { makeCompareDisc } from "./compare_disc.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, check } = run;
const here = dirname(fileURLToPath(import.meta.url));
const reference = join(here, "..", "integration", "mpr_reference.py");

const { work, facts } = makeCompareDisc(run.args.ssmix, tree);
const S = facts.series;

// The plane numpy makes from series A's files at the crosshair, with the slab and window.
function expectedPlane(plane, [x, y, z], slab, window) {
  const out = execFileSync("/usr/bin/python3", [reference, join(work, "dicom", "A"), plane, String(x), String(y), String(z),
    String(slab), String(window.center), String(window.width)]);
  const json = JSON.parse(out);
  return { ...json, pixels: Buffer.from(json.data, "base64"), onInteger: Buffer.from(json.onInteger, "base64") };
}

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
const settle = () => viewsSettled(page);
const views = () => settledViewports(page);
const mprState = (id) => page.evaluate((series) => window.ssmixViewer.mpr(series), id);
const clickText = (word) => clickDrawn(page, word);
// Each plane as drawn against numpy's, exact but for pixels whose linear window value is an
// integer (another order of the same arithmetic may truncate those to one below).
async function comparePlanes(what, slab, window) {
  const m = await mprState(S.A.uid);
  for (const [index, plane] of ["axial", "coronal", "sagittal"].entries()) {
    const drawn = await page.evaluate((i) => window.ssmixViewer.frame(i), index);
    const want = expectedPlane(plane, m.crosshair, slab, window);
    const got = Buffer.from(drawn.data || "", "base64");
    if (drawn.width !== want.width || drawn.height !== want.height) {
      check(false, `${what}, ${plane}: drawn ${drawn.width}x${drawn.height}, numpy ${want.width}x${want.height}`);
      continue;
    }
    let differing = 0, worst = 0;
    for (let i = 0; i < got.length; i++) {
      const d = Math.abs(got[i] - want.pixels[i]);
      worst = Math.max(worst, d);
      if (d && !want.onInteger[i]) differing++;
    }
    check(differing === 0 && worst <= 1, `${what}, ${plane} at ${m.crosshair}: ${differing} pixels differ from numpy's (worst by ${worst})`);
  }
}

try {
  const ready = await waitForViewer(page, 120000);
  check(ready.state === "ready", `viewer: ${ready.state} ${ready.error || ""}`);

  // A series with a slice missing: the button is there but does nothing, and says why.
  await page.evaluate((id) => window.ssmixViewer.open(id), S.E.uid);
  check(await drawnSoon(page, "MPR（3断面）"), "no MPR button on a CT series");
  await clickText("MPR（3断面）");
  let v = await views();
  check(v.length === 1, `the disabled MPR button changed the layout to ${v.length} views`);
  check(await drawnSoon(page, "欠けたスライス"), "the reason MPR is not possible is not drawn beside the button");
  const refused = await mprState(S.E.uid);
  check(!refused.available && refused.reason.includes("10.00 mm"), `mpr() of the series with a gap: ${JSON.stringify(refused)}`);
  // Its missing slice picked from a folder: the series is a volume now, and the button says so.
  const missing = join(work, "missing", "IM0001.dcm");
  await page.evaluate((list) => window.ssmixViewer.addFiles(list), [{ path: "MISSING/IM0001.dcm", base64: readFileSync(missing).toString("base64") }]);
  await page.waitForFunction((id) => window.ssmixViewer.state().studies.some((s) => s.series.some((x) => x.id === id && x.frames === 9)),
    { polling: 100, timeout: 30000 }, S.E.uid).catch(() => {});
  await animationFrames(page, 3);
  const completed = await page.evaluate((id) => window.ssmixViewer.mpr(id), S.E.uid);
  check(completed.available && completed.status === "ready" && completed.volume.depth === 9,
    `mpr() once the missing slice was picked: ${JSON.stringify(completed).slice(0, 200)}`);
  await page.evaluate(() => window.ssmixViewer.setLayout("1x1"));

  // The button on the 40-slice CT: three planes, the volume as the files describe it.
  await page.evaluate((id) => window.ssmixViewer.open(id), S.A.uid);
  check(await clickText("MPR（3断面）"), "no MPR button drawn for series A");
  await page.waitForFunction(() => window.ssmixViewer.state().view.layout === "mpr", { timeout: 10000 }).catch(() => {});
  const m = await mprState(S.A.uid);
  check(m.available && m.status === "ready", `mpr(A): ${JSON.stringify(m).slice(0, 300)}`);
  const vol = m.volume || {};
  check(vol.width === 64 && vol.height === 64 && vol.depth === 40 && vol.reducedBy === 1 &&
    JSON.stringify(vol.spacingMm) === JSON.stringify([0.8, 0.8, 2.5]), `volume: ${JSON.stringify(vol)}`);
  const planes = (m.planes || []).map((p) => `${p.plane} ${p.width}x${p.height} ${p.spacing}`);
  check(JSON.stringify(planes) === JSON.stringify(["axial 64x64 0.8,0.8", "coronal 64x40 2.5,0.8", "sagittal 64x40 2.5,0.8"]),
    `planes: ${JSON.stringify(planes)}`);
  v = await views();
  check(v.map((x) => x.plane).join() === "axial,coronal,sagittal", `views: ${v.map((x) => x.plane)}`);

  const fileWindow = { center: 40, width: 400 };
  await page.evaluate(() => window.ssmixViewer.setCrosshair(20, 40, 10));
  await comparePlanes("crosshair (20, 40, 10)", 0, fileWindow);
  await page.evaluate(() => window.ssmixViewer.setSlab(10));
  await comparePlanes("10 mm MIP", 10, fileWindow);
  await page.evaluate(() => window.ssmixViewer.setSlab(0));

  // The wheel over the coronal plane moves it (and the crosshair) two rows back.
  v = await views();
  const coronal = v[1];
  await page.mouse.move(coronal.rect.x + coronal.rect.width / 2, coronal.rect.y + coronal.rect.height / 2);
  for (let i = 0; i < 2; i++) { await page.mouse.wheel({ deltaY: 120 }); await animationFrames(page, 2); }
  let now = await mprState(S.A.uid);
  check(now.crosshair[1] === 42 && now.crosshair[0] === 20 && now.crosshair[2] === 10, `after 2 wheel notches on the coronal plane: crosshair ${now.crosshair}`);

  // A click on the sagittal plane moves the crosshair there: its columns are the volume's rows
  // (y), its rows the slices with the head at the top (z counts up from the feet here).
  v = await views();
  await page.mouse.click(v[2].rect.x + v[2].rect.width / 2, v[2].rect.y + 40);
  await settle();
  const rect = (await page.evaluate(() => window.ssmixViewer.state().view.drawn)).imageRect;
  const column = 50, row = 30;
  const before = (await mprState(S.A.uid)).crosshair.join();
  await page.mouse.click(rect.x + (column + 0.5) * rect.width / 64, rect.y + (row + 0.5) * rect.height / 40);
  for (let i = 0; i < 40 && (now = await mprState(S.A.uid)).crosshair.join() === before; i++) await animationFrames(page, 2);   // Firefox's input comes late
  check(now.crosshair[1] === column && now.crosshair[2] === 39 - row && now.crosshair[0] === 20,
    `click at column ${column}, row ${row} of the sagittal plane: crosshair ${now.crosshair}, expected [20, ${column}, ${39 - row}]`);
  await comparePlanes("after the click", 0, fileWindow);

  // 「肺野」 clicked: every plane takes the lung window.
  check(await clickText("肺野"), "no lung preset drawn");
  v = await views();
  check(v.every((x) => x.window && x.window.center === -600 && x.window.width === 1500), `lung window: ${JSON.stringify(v.map((x) => x.window))}`);
  await comparePlanes("lung window", 0, { center: -600, width: 1500 });

  // Distances on the coronal plane are in mm: 10 rows are 10 slices, 25 mm.
  await page.evaluate(() => window.ssmixViewer.activate(1));
  await page.evaluate(() => window.ssmixViewer.measure(30, 5, 30, 15));
  const measured = (await page.evaluate(() => window.ssmixViewer.state().view)).measurement;
  check(measured && Math.abs(measured.mm - 25) < 1e-6, `10 rows on the coronal plane measured ${measured && measured.mm} mm (expected 25)`);
  await page.screenshot({ path: join(run.artifacts, "mpr.png") });

  // A budget smaller than the volume: reduced, and the planes say so.
  const small = await page.evaluate((id) => window.ssmixViewer.mpr(id, { budgetMiB: 0.1 }), S.A.uid);
  check(small.status === "ready" && (small.volume.reducedBy > 1 || small.volume.depthReducedBy > 1) && small.volume.bytes <= 0.1 * 1024 * 1024,
    `with a 0.1 MiB budget: ${JSON.stringify(small).slice(0, 400)}`);
  check(await drawnSoon(page, "解像度を下げて"), "the reduced-resolution note is not drawn");

  // 「MPRを終了」: one view, the series again.
  check(await clickText("MPRを終了"), "no 「MPRを終了」 button");
  v = await views();
  check(v.length === 1 && v[0].series === S.A.uid && v[0].plane === "axial", `after leaving MPR: ${JSON.stringify(v)}`);
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
  rmSync(work, { recursive: true, force: true });
}
run.finish("MPR views");
