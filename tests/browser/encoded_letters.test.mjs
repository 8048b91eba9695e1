// tests/browser/encoded_letters.test.mjs — letters in Shift_JIS, CP932 (IBM extension codes)
// and UTF-16, packed byte for byte by tests/integration/cda_encodings_test.sh: the viewer
// decodes each with the core's own tables and draws its Japanese words, both from the disc's
// viewer data and from a picked folder (a disc packed with --no-bundle).
// usage: node encoded_letters.test.mjs --tree DIR --picked DIR --artifacts DIR [--browser chromium|firefox]
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { drawnSoon, filesUnder, openPage, stateWhen, waitForViewer } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, args, browserName, artifacts, check } = run;

// Words every letter holds, and those only the Windows letters (CP932, UTF-16) can hold.
const everyLetter = ["上腹部痛", "ﾊﾝｶｸ ｶﾀｶﾅ", "患者"];
const windowsOnly = ["①②⑳", "㈱㈲"];
// CP932 kanji outside JIS X 0208 (髙 U+9AD9, 﨑 U+FA11), common in names: the viewer's font
// subset holds Windows-31J's extensions too (viewer-wasm/make_font_subset.py), so they are drawn.
const cp932Kanji = [["髙", 0x9AD9], ["﨑", 0xFA11]];

async function checkLetters(page, state, where) {
  check(state.documents.length === 3, `${where}: documents read: ` + JSON.stringify(state.documents));
  check(state.problems.length === 0, `${where}: problems: ` + state.problems.join("; "));
  let windowsLetters = 0;
  for (const [i, doc] of state.documents.entries()) {
    check(doc.title === "診療情報提供書", `${where}: ${doc.id}: title ` + JSON.stringify(doc.title));
    await page.evaluate((id) => window.ssmixViewer.open(id), doc.id);
    for (const word of everyLetter) check(await drawnSoon(page, word), `${where}: ${doc.id}: "${word}" is not drawn`);
    if (await drawnSoon(page, windowsOnly[0])) {
      windowsLetters++;
      check(await drawnSoon(page, windowsOnly[1]), `${where}: ${doc.id}: "${windowsOnly[1]}" is not drawn`);
      const missing = (await page.evaluate(() => window.ssmixViewer.state())).font.missing;
      for (const [kanji, codePoint] of cp932Kanji)
        check(!missing.includes(codePoint) && await drawnSoon(page, kanji), `${where}: ${doc.id}: ${kanji} is not drawn`);
    }
    writeFileSync(join(artifacts, `30-encoded-${where}-${i + 1}.png`), await page.screenshot({ type: "png" }));
  }
  check(windowsLetters === 2, `${where}: the CP932 and UTF-16 letters drew ①②⑳ in ${windowsLetters} letters, not 2`);
  const missing = (await page.evaluate(() => window.ssmixViewer.state())).font.missing;
  check(!missing.includes(0xFFFD), `${where}: U+FFFD was needed: something did not decode`);
}

async function viewerOn(treeDir) {
  const session = await openPage(browserName, pathToFileURL(join(treeDir, "INDEX.HTM")).href);
  const started = await waitForViewer(session.page);
  check(started.state === "ready", `viewer state ${started.state} ${started.error}`);
  return session;
}

let session = await viewerOn(tree);
try {
  await checkLetters(session.page, (await stateWhen(session.page, (s) => s.ready && s.documents.length >= 3)).state, "disc");
  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}

const picked = resolve(args.picked);
session = await viewerOn(picked);
try {
  const files = filesUnder(picked).filter((path) => !relative(picked, path).startsWith("VIEWER"))
    .map((path) => ({ path: "CD/" + relative(picked, path), base64: readFileSync(path).toString("base64") }));
  await session.page.evaluate((list) => window.ssmixViewer.addFiles(list), files);
  await checkLetters(session.page, (await stateWhen(session.page, (s) => s.ready && s.documents.length >= 3)).state, "picked");
} finally {
  await session.close();
}
run.finish("encoded letters");
