// tests/browser/high_dpi.test.mjs — the viewer on a high-DPI screen (two device pixels per CSS
// pixel, as most laptops and 4K monitors at 200%): the canvas holds device pixels, the text is
// rasterized at twice the size (sharp, not magnified), the layout is the same as at 1x, and the
// mouse still lands where the physician points.
// usage: node high_dpi.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { clickViewerButton, drawnRun, drawnSoon, openPage, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";
import { decodePng } from "./png.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href, { deviceScaleFactor: 2 });
const { page } = session;
try {
  const started = await waitForViewer(page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  const state = await page.evaluate(() => window.ssmixViewer.state());
  const canvas = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, ratio: window.devicePixelRatio };
  });
  check(canvas.ratio === 2 && canvas.width === 2 * canvas.cssWidth && canvas.height === 2 * canvas.cssHeight,
    "the canvas does not hold device pixels: " + JSON.stringify(canvas));
  check(state.displayScale === 2 && state.font.scale === 2, `display scale ${state.displayScale}, font scale ${state.font.scale}`);
  for (const word of ["診療情報提供書", "患者", "太郎"])
    check(await drawnSoon(page, word), `"${word}" is not drawn`);

  // The layout is in CSS pixels as at 1x: the print button is where it is at 1x, and a click
  // there (CSS pixels, as the mouse gives them) presses it.
  const print = state.buttons.find((b) => b.id === "print");
  check(print && print.x > 640 && print.x + print.width < 1280 && print.y < 40, "print button at 2x: " + JSON.stringify(print));
  // Its label is drawn inside it, in the same CSS pixels (glyphs rasterized at 2x, drawn at 1x).
  const label = await drawnRun(page, "印刷用ページ");
  check(label && print && label.x >= print.x && label.x + label.width <= print.x + print.width + 1 &&
    label.y >= print.y - 1 && label.y + label.height <= print.y + print.height + 1 && label.height > 8 && label.height < 30,
    "the print button's label at 2x: " + JSON.stringify({ label, print }));
  await page.evaluate(() => { window.ssmixOpened = []; window.open = (url) => { window.ssmixOpened.push(url); return null; }; });
  check(await clickViewerButton(page, "print"), "no print button");
  let opened = [];
  for (let i = 0; i < 20 && opened.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    opened = await page.evaluate(() => window.ssmixOpened);
  }
  check(opened.length === 1 && opened[0] === "IHE_PDI/DOC00001.HTM", "the print button at 2x opened " + JSON.stringify(opened));

  // The screenshot has every device pixel (kept to look at: the text must be sharp).
  const png = await page.screenshot({ type: "png" });
  writeFileSync(join(artifacts, "30-high-dpi.png"), png);
  const shot = decodePng(png);
  check(shot.width === 2560 && shot.height === 1600, `screenshot ${shot.width} x ${shot.height}`);
  run.checkStayedOnDisc(session);
} finally {
  writeFileSync(join(artifacts, "high-dpi-console.txt"), session.consoleLines.join("\n") + "\n");
  await session.close();
}
run.finish("high DPI");
