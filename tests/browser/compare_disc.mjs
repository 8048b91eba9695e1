// tests/browser/compare_disc.mjs — the disc of series to compare (make_compare_series.py,
// written with pydicom), packed by `ssmix pack` into `tree`; returns the folder of the DICOM
// files and the generator's facts (series.json). The caller removes `work` when done.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function makeCompareDisc(ssmix, tree) {
  const here = dirname(fileURLToPath(import.meta.url));
  const work = mkdtempSync(join(tmpdir(), "ssmix-compare-"));
  execFileSync("/usr/bin/python3", [join(here, "make_compare_series.py"), work]);
  rmSync(tree, { recursive: true, force: true });
  execFileSync(ssmix, ["pack", "--dicom", join(work, "dicom"), "--media", "dvd", "--tree", tree], { stdio: "ignore" });
  return { work, facts: JSON.parse(readFileSync(join(work, "series.json"), "utf8")) };
}
