// tests/browser/viewer_slice.test.mjs — opens the packed disc tree's INDEX.HTM from file:// in
// a real browser and checks, through window.ssmixViewer, that the viewer starts, lists the
// sample patient's studies, draws Japanese text, and renders every transfer syntax exactly as
// native DCMTK (dcmj2pnm / dcml2pnm) does with the same window. Saves screenshots to look at.
// usage: node viewer_slice.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { animationFrames, clickViewerButton, clipboardChange, drawnSoon, openPage, setClipboard, viewerThumbnail, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";
import { frameDifferences, nativeFrame as nativeFrameOf, screenDifferences, shrinkFrame } from "./frames.mjs";
import { decodePng } from "./png.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const run = testRun();
const { tree, browserName, artifacts, check } = run;

function nativeFrame(file, frame, transferSyntax, window) { return nativeFrameOf(tree, file, frame, transferSyntax, window); }

function sameFrame(viewerFrame, native, what) {
  const problems = frameDifferences(viewerFrame, native, what);
  check(problems.length === 0, problems.join("; "));
}

async function screenshot(page, name) {
  const png = await page.screenshot({ type: "png" });
  writeFileSync(join(artifacts, name + ".png"), png);
  return decodePng(png);
}

// A screenshot is "not blank" when it has many colours and the image area is not uniform.
function checkNotBlank(shot, what) {
  const colours = new Set();
  for (let i = 0; i < shot.pixels.length; i += shot.channels * 7)
    colours.add((shot.pixels[i] << 16) | (shot.pixels[i + 1] << 8) | shot.pixels[i + 2]);
  check(colours.size > 40, `${what}: screenshot has only ${colours.size} colours`);
}

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href, { clipboard: true });
const { page } = session;
try {
  const started = await waitForViewer(page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const state = await page.evaluate(() => window.ssmixViewer.state());
  check(state.ready === true, "state().ready");
  // The viewer runs under a strict Content-Security-Policy: no eval, no network, no inline script.
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) => meta.content).catch(() => "");
  const scriptSources = (csp.split(";").find((d) => d.trim().startsWith("script-src")) || "").trim();
  check(csp.includes("default-src 'none'") && scriptSources === "script-src 'self' 'wasm-unsafe-eval'" && !/https?:/.test(csp),
    "Content-Security-Policy: " + csp);
  check(await page.$eval("#plain", (nav) => nav.hidden), "the static-page links still cover the viewer once it is ready");
  check(state.language === "ja", "Japanese is the default language");
  check(state.patient.id === "9999013", `patient id ${state.patient.id}`);
  check(state.patient.name === "Kanja^Taro=患者^太郎=カンジャ^タロウ", `patient name ${state.patient.name}`);
  const now = new Date(), birth = state.patient.birthDate;
  const expectedAge = now.getFullYear() - Number(birth.slice(0, 4)) -
    ((now.getMonth() + 1) * 100 + now.getDate() < Number(birth.slice(4, 8)) ? 1 : 0);
  check(state.patient.age === expectedAge, `patient age ${state.patient.age}, expected ${expectedAge}`);
  check(await drawnSoon(page, "歳"), "the age is not drawn");
  check(state.problems.length === 0, "problems: " + state.problems.join("; "));
  const frames = Object.fromEntries(state.studies.flatMap((s) => s.series.map((x) => [s.description, x.frames])));
  check(frames["胸部CT"] === 24 && frames["頭部CT"] === 8 && frames["嚥下造影検査"] === 12,
    "studies and frame counts: " + JSON.stringify(frames));
  check(state.font.missing.length === 0, "glyphs missing from the font: " + state.font.missing);
  for (const word of ["診療情報提供書", "嚥下", "患者", "太郎"])
    check(await drawnSoon(page, word), `"${word}" is not drawn`);
  // The disc's letter (IHE_XDM) is read in wasm and open at the start: the physician reads it first.
  check(state.documents.length === 1 && state.documents[0].title === "診療情報提供書" && state.documents[0].sections >= 2,
    "documents: " + JSON.stringify(state.documents));
  const letterId = state.documents.length ? state.documents[0].id : "";
  check(letterId === "IHE_XDM/SUBSET01/DOC00001.XML" && state.view.document === letterId, "the letter is not open at the start: " + JSON.stringify(state.view));
  // The link inside the letter (to its first section, #purpose) and the contents list both jump
  // to their section; nothing is navigated.
  const letterView = state.view.letter;
  const link = letterView.links.find((l) => l.target === "purpose");
  check(letterView.contents.map((e) => e.title).join("|") === "紹介目的|検査結果" && link,
    "contents and links: " + JSON.stringify({ contents: letterView.contents, links: letterView.links }));
  for (const [which, expected] of [["contents", 1], ["link", 0]]) {
    // Where it is drawn now (the first jump scrolls the letter, and the layout may still have
    // been settling when `state` was read on a slow machine).
    const now = (await page.evaluate(() => window.ssmixViewer.state())).view.letter;
    const target = which === "contents" ? now.contents[1] : now.links.find((l) => l.target === "purpose");
    const viewport = page.viewport() || { width: 1280, height: 800 };
    check(target && target.y >= 0 && target.y + target.height <= viewport.height, `the ${which} entry is not on screen: ${JSON.stringify(target)}`);
    if (!target || target.y + target.height > viewport.height) continue;
    await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
    await animationFrames(page, 4);
    const jumped = (await page.evaluate(() => window.ssmixViewer.state())).view;
    check(jumped.letter.jumpedTo === expected && jumped.document === letterId, `jump to section ${expected}: ${JSON.stringify(jumped.letter)}`);
  }
  // 印刷用ページ: the letter's print-ready page on the disc (made by the same renderer).
  check(state.view.printPage === "IHE_PDI/DOC00001.HTM" && existsSync(join(tree, state.view.printPage)),
    "print page of the letter: " + state.view.printPage);
  // Clicking the button itself (top right, where state().buttons says it is) opens that page in a new tab.
  await page.evaluate(() => { window.ssmixOpened = []; window.open = (url) => { window.ssmixOpened.push(url); return null; }; });
  check(await clickViewerButton(page, "print"), "no print button: " + JSON.stringify(state.buttons));
  let opened = [];
  for (let i = 0; i < 20 && opened.length === 0; i++) {   // ImGui acts on the release, a frame or two later
    await new Promise((r) => setTimeout(r, 50));
    opened = await page.evaluate(() => window.ssmixOpened);
  }
  check(opened.length === 1 && opened[0] === "IHE_PDI/DOC00001.HTM", "the print button opened " + JSON.stringify(opened));
  // 本文をコピー puts the letter's text on the system clipboard (the browser's Clipboard API,
  // allowed to this page as a user would allow it; read back through the same API).
  await setClipboard(page, "before");
  check(await clickViewerButton(page, "copy"), "no copy button");
  const copied = await clipboardChange(page, "before");
  check(typeof copied === "string" && copied.includes("診療情報提供書") && copied.includes("内視鏡検査をお願いします"),
    "copied text: " + String(copied).slice(0, 200));
  // The letter's image (observationMedia img1, a 16 x 8 grey PNG carried in the letter):
  // decoded by the browser, drawn in the letter, pixel for pixel the file's.
  let media = [];
  for (let i = 0; i < 40 && !(media.length && media[0].status !== "decoding"); i++) {
    await new Promise((r) => setTimeout(r, 50));
    media = await page.evaluate(() => window.ssmixViewer.media());
  }
  const letterXml = readFileSync(join(tree, letterId), "utf8");
  const png = decodePng(Buffer.from((letterXml.match(/mediaType="image\/png" representation="B64">([^<]+)</) || [])[1] || "", "base64"));
  // The RGBA the file's grey values make (each grey in R, G and B, opaque), hashed as the viewer does.
  const expectedRgba = Buffer.alloc(png.width * png.height * 4);
  for (let i = 0; i < png.width * png.height; i++) {
    expectedRgba.fill(png.pixels[i * png.channels], 4 * i, 4 * i + 3);
    expectedRgba[4 * i + 3] = 255;
  }
  check(media.length === 1 && media[0].id === "img1" && media[0].status === "shown" && media[0].width === png.width &&
    media[0].height === png.height && media[0].sha256 === createHash("sha256").update(expectedRgba).digest("hex"),
    "the letter's image: " + JSON.stringify(media));
  check(await drawnSoon(page, "内視鏡像"), "the image's caption is not drawn");
  // 文字を選択: the letter as plain text in a text box; a mouse drag selects part of it and
  // Ctrl+C copies just that part.
  const textMode = await page.evaluate(() => window.ssmixViewer.setTextMode(true));
  check(textMode.textMode === true, "setTextMode(true): " + JSON.stringify(textMode));
  await new Promise((r) => setTimeout(r, 300));
  await setClipboard(page, "before");
  // ImGui reads the mouse once per frame: the drag waits for frames between its steps, so a
  // busy machine cannot fold it into one. Ctrl+C is a quick tap: the viewer latches key presses
  // that begin and end between two frames.
  await page.mouse.move(345, 80);
  await page.mouse.down();
  await animationFrames(page, 2);
  for (const [x, y] of [[450, 95], [560, 115], [700, 150]]) {
    await page.mouse.move(x, y);
    await animationFrames(page, 2);
  }
  await page.mouse.up();
  await animationFrames(page, 2);
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyC");
  await page.keyboard.up("Control");
  const part = await clipboardChange(page, "before");
  check(typeof part === "string" && part.length > 3 && part.length < copied.length / 2 && copied.includes(part),
    "selected text copied: " + JSON.stringify(part && part.slice(0, 100)));
  checkNotBlank(await screenshot(page, "01-letter-text-mode"), "letter as selectable text");
  check((await page.evaluate(() => window.ssmixViewer.setTextMode(false))).textMode === false, "setTextMode(false)");
  for (const word of ["紹介目的", "内視鏡検査", "総蛋白", "駿河クリニック"])
    check(await drawnSoon(page, word), `letter text "${word}" is not drawn`);
  checkNotBlank(await screenshot(page, "01-start"), "start screen");

  for (const study of state.studies) {
    for (const series of study.series) {
      const view = await page.evaluate((id) => window.ssmixViewer.open(id), series.id);
      check(view.status === "shown", `${study.description}: view ${view.status} ${view.error}`);
      check(view.document === "", `${study.description}: the letter still covers the images`);
      for (const frame of [0, Math.floor(series.frames / 2), series.frames - 1]) {
        const shown = await page.evaluate((n) => window.ssmixViewer.setFrame(n), frame);
        check(shown.status === "shown" && shown.frame === frame, `${study.description} frame ${frame}: ${JSON.stringify(shown)}`);
        const viewerFrame = await page.evaluate(() => window.ssmixViewer.frame());
        // Default window: the file's own (CT), or min-max when the file has none (fluoroscopy).
        const fileWindow = study.description === "嚥下造影検査" ? null : viewerFrame.window;
        const native = nativeFrame(shown.file, shown.fileFrame, shown.transferSyntax, fileWindow);
        sameFrame(viewerFrame, native, `${study.description} frame ${frame} (${shown.transferSyntax})`);
        // And the screen shows it: the canvas, read back after WebGL, against frame() scaled.
        for (const problem of await screenDifferences(page, `${study.description} frame ${frame} on screen`)) check(false, problem);
        // The series' thumbnail in the list: this middle frame with the file's own window, shrunk.
        if (frame === Math.floor(series.frames / 2)) {
          const thumbnail = await viewerThumbnail(page, series.id);
          const expected = shrinkFrame(native, 64);
          check(thumbnail.width === expected.width && thumbnail.height === expected.height && thumbnail.channels === 1 &&
            Buffer.from(thumbnail.data || "", "base64").equals(Buffer.from(expected.pixels)),
            `${study.description}: thumbnail ${thumbnail.width}x${thumbnail.height} is not the middle frame shrunk to ${expected.width}x${expected.height}`);
        }
      }
      if (series.modality === "CT") {
        const lung = await page.evaluate(() => window.ssmixViewer.setWindow(-600, 1500));
        check(lung.window && lung.window.center === -600 && lung.window.width === 1500, "setWindow: " + JSON.stringify(lung.window));
        const viewerFrame = await page.evaluate(() => window.ssmixViewer.frame());
        sameFrame(viewerFrame, nativeFrame(lung.file, lung.fileFrame, lung.transferSyntax, { center: -600, width: 1500 }),
          `${study.description} lung window`);
        // The tag browser's rows: names in kanji (ISO_IR 192 decoded), the modality, pixel data by size.
        const tags = await page.evaluate(() => window.ssmixViewer.tags());
        const tag = (key) => tags.find((row) => row.tag === key) || {};
        check(tag("(0010,0010)").value === "Kanja^Taro=患者^太郎=カンジャ^タロウ" && tag("(0010,0010)").name === "PatientName",
          "tags: patient name " + JSON.stringify(tag("(0010,0010)")));
        check(tag("(0008,0060)").value === "CT" && /bytes/.test(tag("(7FE0,0010)").value || ""), "tags: modality / pixel data");
        await page.evaluate(() => window.ssmixViewer.showTags(true));
        checkNotBlank(await screenshot(page, "02-" + series.modality + "-" + study.date + "-tags"), study.description + " tags");
        await page.evaluate(() => window.ssmixViewer.showTags(false));
        // The bone preset, then black and white swapped: still DCMTK's pixels, inverted.
        const bone = await page.evaluate(() => window.ssmixViewer.setPreset("bone"));
        check(bone.window && bone.window.center === 400 && bone.window.width === 1800, "setPreset(bone): " + JSON.stringify(bone.window));
        const inverted = await page.evaluate(() => window.ssmixViewer.setInverted(true));
        check(inverted.inverted === true && inverted.status === "shown", "setInverted: " + JSON.stringify(inverted));
        const native = nativeFrame(inverted.file, inverted.fileFrame, inverted.transferSyntax, { center: 400, width: 1800 });
        sameFrame(await page.evaluate(() => window.ssmixViewer.frame()), { ...native, pixels: native.pixels.map((p) => 255 - p) },
          `${study.description} bone window, inverted`);
        // A 100-pixel horizontal and a 3-4-5 measurement, in mm from the file's Pixel Spacing (row\column).
        const spacing = execFileSync("dcmdump", ["+P", "0028,0030", join(tree, bone.file)]).toString().match(/\[([\d.]+)\\([\d.]+)\]/);
        const [rowSpacing, columnSpacing] = spacing ? [Number(spacing[1]), Number(spacing[2])] : [NaN, NaN];
        const across = (await page.evaluate(() => window.ssmixViewer.measure(10, 20, 110, 20))).measurement;
        check(across && Math.abs(across.mm - 100 * columnSpacing) < 1e-6, `measure across: ${JSON.stringify(across)}, spacing ${spacing}`);
        const diagonal = (await page.evaluate(() => window.ssmixViewer.measure(0, 0, 30, 40))).measurement;
        check(diagonal && Math.abs(diagonal.mm - Math.hypot(30 * columnSpacing, 40 * rowSpacing)) < 1e-6, `measure diagonal: ${JSON.stringify(diagonal)}`);
        // An angle (vertex second) worked out here in mm, and an elliptical region whose HU
        // statistics pydicom and numpy compute from the file (region_oracle.py).
        const angle = await page.evaluate(() => window.ssmixViewer.measureAngle(200, 100, 100, 100, 100 + 30, 100 + 40));
        const wantDegrees = Math.acos((100 * columnSpacing * 30 * columnSpacing) /
          (100 * columnSpacing * Math.hypot(30 * columnSpacing, 40 * rowSpacing))) * 180 / Math.PI;
        check(angle && Math.abs(angle.degrees - wantDegrees) < 1e-6, `measureAngle: ${JSON.stringify(angle)}, expected ${wantDegrees}`);
        const frameSize = await page.evaluate(() => window.ssmixViewer.frame());
        for (const [cx, cy, rx, ry] of [[frameSize.width / 2, frameSize.height / 2, 40, 25], [frameSize.width * 0.3, frameSize.height * 0.55, 12.5, 30]]) {
          const region = await page.evaluate((r) => window.ssmixViewer.measureRegion(...r), [cx, cy, rx, ry]);
          const want = JSON.parse(execFileSync("/usr/bin/python3", [join(here, "region_oracle.py"), join(tree, bone.file),
            String(bone.fileFrame), String(cx), String(cy), String(rx), String(ry)], { encoding: "utf8" }));
          check(region && region.unit === "HU" && region.pixels === want.pixels && Math.abs(region.mean - want.mean) < 1e-6 &&
            Math.abs(region.sd - want.sd) < 1e-6 && region.min === want.min && region.max === want.max &&
            Math.abs(region.areaMm2 - want.areaMm2) < 1e-6,
            `measureRegion(${cx}, ${cy}, ${rx}, ${ry}): ${JSON.stringify(region)}, pydicom + numpy: ${JSON.stringify(want)}`);
        }
        const zoomed = await page.evaluate(() => window.ssmixViewer.setZoom(3));
        check(zoomed.zoom === 3, "setZoom: " + zoomed.zoom);
        checkNotBlank(await screenshot(page, "02-" + series.modality + "-" + study.date + "-zoom-inverted"), study.description + " zoomed");
        await page.evaluate(() => window.ssmixViewer.setZoom(1));
        await page.evaluate(() => window.ssmixViewer.setInverted(false));
        const own = await page.evaluate(() => window.ssmixViewer.setPreset("file"));
        check(own.window && own.window.center !== 400, "setPreset(file) did not return to the file's window: " + JSON.stringify(own.window));
      }
      if (series.frames > 1) {   // cine: frames advance by themselves, and stop when asked
        // Sampled while playing: several different frames (not one number, which a loop may meet again).
        await page.evaluate(() => window.ssmixViewer.setPlaying(true));
        const seen = new Set();
        for (let i = 0; i < 20; i++) {
          seen.add((await page.evaluate(() => window.ssmixViewer.state())).view.frame);
          await new Promise((r) => setTimeout(r, 100));
        }
        const stopped = await page.evaluate(() => window.ssmixViewer.setPlaying(false));
        await new Promise((r) => setTimeout(r, 400));
        const later = (await page.evaluate(() => window.ssmixViewer.state())).view.frame;
        check(seen.size >= 3, `${study.description} cine: frames seen while playing ${[...seen]}`);
        check(stopped.playing === false && later === stopped.frame, `${study.description} cine did not stop: ${stopped.frame} -> ${later}`);
        await page.evaluate(() => window.ssmixViewer.setFrame(0));
      }
      checkNotBlank(await screenshot(page, "02-" + series.modality + "-" + study.date), study.description + " screen");
    }
  }

  // The record from the disc's SS-MIX2 messages: problems, prescriptions, a lab table.
  check(state.record && state.record.problems === 1 && state.record.allergies === 5 && state.record.prescriptions === 2 &&
    state.record.labResults === 3, "record: " + JSON.stringify(state.record));
  check(state.record && ["A/G比", "総蛋白", "アルブミン"].every((t) => state.record.labTests.includes(t)), "lab tests: " + JSON.stringify(state.record));
  for (const [panel, words] of [["problems", ["胃炎", "ペニシリン"]], ["prescriptions", ["ダーゼン錠", "ソリタ"]], ["labs", ["総蛋白", "基準範囲"]]]) {
    const view = await page.evaluate((id) => window.ssmixViewer.open(id), panel);
    check(view.panel === panel && view.document === "", `open("${panel}"): ` + JSON.stringify(view));
    check(view.printPage === "IHE_PDI/INDEX.HTM", `${panel}: print page ${view.printPage}`);
    for (const word of words) check(await drawnSoon(page, word), `${panel}: "${word}" is not drawn`);
    checkNotBlank(await screenshot(page, "04-" + panel), panel + " screen");
  }

  // A test's trend (総蛋白, JLAC10 3A010000002327101: one result in the sample storage, 7.2 g/dl on 2011-12-19).
  const trend = (await page.evaluate(() => window.ssmixViewer.showTrend("3A010000002327101"))).trend;
  check(trend && trend.points.length === 1 && trend.points[0].value === 7.2 && trend.points[0].at.startsWith("20111219"),
    "trend: " + JSON.stringify(trend));
  check(await drawnSoon(page, "経過のグラフ"), "the labs view with the trend is not drawn");
  checkNotBlank(await screenshot(page, "04-labs-trend"), "trend screen");

  // Back to the letter from the images, and the image view is kept behind it.
  const back = await page.evaluate((id) => window.ssmixViewer.open(id), letterId);
  check(back.document === letterId && back.status === "shown", "open(letter) after the images: " + JSON.stringify(back));
  checkNotBlank(await screenshot(page, "03-letter-again"), "letter after images");

  // A narrow window (the browser not maximised): the header's buttons move to their own line
  // rather than over the title, stay inside the window and apart.
  await page.setViewport({ width: 600, height: 700 });
  await animationFrames(page, 4);
  const narrow = (await page.evaluate(() => window.ssmixViewer.state())).buttons;
  const title = narrow.find((b) => b.id === "title");
  const buttons = narrow.filter((b) => b.id !== "title");
  const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  check(buttons.length >= 4 && buttons.every((b) => b.x >= 0 && b.x + b.width <= 600 && b.y >= title.height && !overlaps(b, title)) &&
    buttons.every((a, i) => buttons.every((b, j) => i === j || !overlaps(a, b))),
    "header at 600 px: " + JSON.stringify(narrow));
  await screenshot(page, "06-narrow-window");
  await page.setViewport({ width: 1280, height: 800 });
  await animationFrames(page, 4);

  // The language the physician chose is kept: after a reload the viewer starts in English.
  await page.evaluate(() => window.ssmixViewer.setLanguage("en"));
  await page.reload();
  const reloaded = await waitForViewer(page);
  check(reloaded.state === "ready", "after reload: " + reloaded.state);
  check((await page.evaluate(() => window.ssmixViewer.state())).language === "en", "the chosen language was not kept");
  checkNotBlank(await screenshot(page, "05-english"), "English screen");

  const bad = await page.evaluate(() => window.ssmixViewer.open("1.2.3.no.such.series").then(() => "opened", (e) => String(e)));
  check(bad.includes("no series"), "open() of an unknown id: " + bad);

  run.checkStayedOnDisc(session);
} finally {
  writeFileSync(join(artifacts, "console.txt"), session.consoleLines.join("\n") + "\n");
  await session.close();
}
run.finish("viewer slice");
