// tests/browser/long_letter.test.mjs — a long letter (1 MB of result tables, made by
// bench/cda/make_document.py) is laid out once per width and only what is in view is drawn
// again (issue 18, item 5): its height stays the same however it is scrolled (a row or section
// kept at a wrong height would change it), the rows drawn in the middle of a table are
// consecutive rows of the document in its order, a contents entry jumps to the last section,
// and a narrower window lays it out again.
// usage: node long_letter.test.mjs --tree DIR --artifacts DIR --ssmix BIN [--browser chromium|firefox]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { animationFrames, drawnSoon, drawnText, openPage, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, check } = run;
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), "ssmix-long-letter-"));
const letter = join(work, "letter.xml");
execFileSync("/usr/bin/python3", [join(here, "..", "..", "bench", "cda", "make_document.py"), letter, "1"]);
rmSync(tree, { recursive: true, force: true });
execFileSync(run.args.ssmix, ["pack", "--document", letter, "--media", "dvd", "--tree", tree], { stdio: "ignore" });
// Every row's first cell (its date, as the viewer writes it) in document order, and the sections.
const xml = readFileSync(letter, "utf8");
const rowDates = [...xml.matchAll(/<tr ID="r\d+"><td>([^<]+)<\/td>/g)].map((m) => m[1]);
const sections = [...xml.matchAll(/<title>(検査結果 \d+)<\/title>/g)].map((m) => m[1]);
rmSync(work, { recursive: true, force: true });

const session = await openPage(browserName, pathToFileURL(join(tree, "INDEX.HTM")).href);
const { page } = session;
const letterState = async () => { await animationFrames(page, 3); return (await page.evaluate(() => window.ssmixViewer.state().view)).letter; };
// The dates drawn inside the letter's area, top to bottom.
const datesDrawn = async () => (await drawnText(page)).filter((r) => /^\d{4}\/\d{2}\/\d{2}$/.test(r.text.trim()))
  .sort((a, b) => a.y - b.y).map((r) => r.text.trim());
// True when `seen` is a run of consecutive rows somewhere in the document (dates repeat, so any start).
const consecutive = (seen) => seen.length > 0 && rowDates.some((_, start) =>
  seen.every((date, i) => rowDates[start + i] === date));

try {
  const ready = await waitForViewer(page, 120000);
  check(ready.state === "ready", `viewer: ${ready.state} ${ready.error || ""}`);
  check(await drawnSoon(page, "第1群の検査結果です"), "the letter's first section is not drawn");
  const start = await letterState();
  check(start.scrollMaxY > 10000, `the letter is ${start.scrollMaxY} px below the view: not long`);

  // Deep into the first tables by the wheel: the height stays, the rows drawn follow each other.
  const box = await page.evaluate(() => { const r = document.getElementById("canvas").getBoundingClientRect(); return { x: r.x + r.width * 0.65, y: r.y + r.height * 0.6 }; });
  await page.mouse.move(box.x, box.y);
  for (let i = 0; i < 40; i++) { await page.mouse.wheel({ deltaY: 120 }); await animationFrames(page, 1); }
  let now = await letterState();
  check(now.scrollY > 1000, `40 wheel notches scrolled the letter to ${now.scrollY}`);
  check(Math.abs(now.scrollMaxY - start.scrollMaxY) <= 1, `the letter's height changed while scrolling: ${start.scrollMaxY} → ${now.scrollMaxY}`);
  const middle = await datesDrawn();
  check(middle.length > 10 && consecutive(middle), `rows drawn mid-table are not consecutive rows of the letter: ${middle.join(" ")}`);

  // Back to the top, then the last section from the contents, by a click.
  for (let i = 0; i < 60 && now.scrollY > 0; i++) { await page.mouse.wheel({ deltaY: -120 }); now = await letterState(); }
  check(now.scrollY === 0, `the wheel did not bring the letter back to its top: ${now.scrollY}`);
  const last = now.contents[now.contents.length - 1];
  check(last && last.title === sections[sections.length - 1], `last contents entry ${last && last.title}, expected ${sections[sections.length - 1]}`);
  if (last) await page.mouse.click(last.x + last.width / 2, last.y + last.height / 2);
  check(await drawnSoon(page, `第${sections.length}群の検査結果です`), "the last section is not drawn after its contents entry was clicked");
  now = await letterState();
  check(now.jumpedTo === sections.length - 1 && Math.abs(now.scrollMaxY - start.scrollMaxY) <= 1,
    `after the jump: section ${now.jumpedTo}, height ${now.scrollMaxY} (was ${start.scrollMaxY})`);
  for (let i = 0; i < 6; i++) { await page.mouse.wheel({ deltaY: 120 }); await animationFrames(page, 1); }
  const end = await datesDrawn();
  check(end.length > 10 && consecutive(end), `rows of the last table are not consecutive: ${end.join(" ")}`);

  // Narrower: laid out again (taller), and still whole.
  await page.setViewport({ width: 900, height: 800 });
  await animationFrames(page, 6);
  const narrow = await letterState();
  check(narrow.scrollMaxY > start.scrollMaxY, `a narrower window did not lay the letter out again: ${narrow.scrollMaxY} vs ${start.scrollMaxY}`);
  for (let i = 0; i < 10; i++) { await page.mouse.wheel({ deltaY: -120 }); await animationFrames(page, 1); }
  const after = await letterState();
  check(Math.abs(after.scrollMaxY - narrow.scrollMaxY) <= 1, `the narrow letter's height changed while scrolling: ${narrow.scrollMaxY} → ${after.scrollMaxY}`);
  check(consecutive(await datesDrawn()), "rows drawn in the narrow window are not consecutive");
  await page.screenshot({ path: join(run.artifacts, "long-letter.png") });
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}
run.finish("long letter");
