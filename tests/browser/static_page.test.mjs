// tests/browser/static_page.test.mjs — the disc without JavaScript: INDEX.HTM links to
// IHE_PDI/INDEX.HTM, which a browser with JavaScript switched off shows with every section
// and every key image loaded from the disc.
// usage: node static_page.test.mjs --tree DIR --artifacts DIR [--browser chromium|firefox]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage } from "./browser.mjs";
import { testRun } from "./test_run.mjs";

const run = testRun();
const { tree, browserName, artifacts, check } = run;

// Chromium runs with JavaScript switched off and follows the link from INDEX.HTM. Firefox's
// WebDriver BiDi cannot inspect a page when JavaScript is off, so there the static page
// (which has no script anyway) is opened directly.
const scriptsOff = browserName !== "firefox";
const start = scriptsOff ? "INDEX.HTM" : "IHE_PDI/INDEX.HTM";
const session = await openPage(browserName, pathToFileURL(join(tree, start)).href, { javaScript: !scriptsOff });
const { page } = session;
try {
  if (scriptsOff) {
    const links = await page.$$eval("#plain a", (as) => as.map((a) => a.getAttribute("href")));
    check(links.includes("IHE_PDI/INDEX.HTM"), "INDEX.HTM does not link the static page: " + links);
    const visible = await page.$eval("#plain", (nav) => !nav.hidden && nav.getBoundingClientRect().height > 0);
    check(visible, "without JavaScript the links to the static page are not visible");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#plain a[href='IHE_PDI/INDEX.HTM']")]);
  }
  check(page.url().endsWith("/IHE_PDI/INDEX.HTM"), "the link led to " + page.url());
  const content = await page.evaluate(() => ({
    title: document.title,
    sections: [...document.querySelectorAll("h2[id]")].map((h) => h.id),
    text: document.body.innerText,
    images: [...document.images].map((img) => ({ src: img.getAttribute("src"), complete: img.complete,
      natural: img.naturalWidth, width: Number(img.getAttribute("width")) })),
    scripts: document.scripts.length,
  }));
  check(content.title.includes("患者 太郎"), "title: " + content.title);
  for (const id of ["documents", "problems", "allergies", "prescriptions", "labs", "orders", "images"])
    check(content.sections.includes(id), `section ${id} missing (have ${content.sections})`);
  for (const word of ["胃炎", "ペニシリン", "ダーゼン錠", "アルブミン", "胃潰瘍の疑い", "胸部CT", "嚥下造影検査"])
    check(content.text.includes(word), `"${word}" is not on the page`);
  check(content.scripts === 0, `${content.scripts} scripts on the static page`);
  check(content.images.length === 3, `${content.images.length} key images, expected one per series (3)`);
  for (const image of content.images)
    check(image.complete && image.natural === image.width && image.natural > 0, "key image not shown: " + JSON.stringify(image));
  writeFileSync(join(artifacts, "03-static-page.png"), await page.screenshot({ type: "png", fullPage: true }));

  // The referral letter, on its own page: sections, the inline image, struck-through deletion.
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("a[href='DOC00001.HTM']")]);
  const letter = await page.evaluate(() => ({
    title: document.title,
    headings: [...document.querySelectorAll("h2")].map((h) => h.textContent),
    deleted: [...document.querySelectorAll("del")].map((d) => d.textContent),
    images: [...document.images].map((img) => ({ complete: img.complete, natural: img.naturalWidth })),
    scripts: document.scripts.length,
  }));
  check(letter.title === "診療情報提供書", "letter title: " + letter.title);
  check(letter.headings.includes("紹介目的") && letter.headings.includes("検査結果"), "letter sections: " + letter.headings);
  check(letter.deleted.length === 1, "struck-through text: " + letter.deleted);
  check(letter.images.length === 1 && letter.images[0].complete && letter.images[0].natural === 16, "letter image: " + JSON.stringify(letter.images));
  check(letter.scripts === 0, "scripts on the letter page");
  writeFileSync(join(artifacts, "04-letter.png"), await page.screenshot({ type: "png", fullPage: true }));

  run.checkStayedOnDisc(session);
} finally {
  await session.close();
}
run.finish("static page");
