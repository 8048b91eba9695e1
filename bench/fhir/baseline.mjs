// bench/fhir/baseline.mjs BUNDLE.json OUT.html — the baseline for `ssmix fhir render`: Node's
// JSON.parse of the same file and a minimal render (each Composition section's title and its
// narrative div as given, each Observation as one escaped table row). No sanitising, no
// resolving of references: the least any renderer must do.
import { readFileSync, writeFileSync } from "node:fs";

const [file, out] = process.argv.slice(2);
const bundle = JSON.parse(readFileSync(file, "utf8"));
const escape = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const parts = ["<!DOCTYPE html><meta charset=utf-8>"];
for (const { resource } of bundle.entry ?? []) {
  if (resource?.resourceType === "Composition") {
    parts.push(`<h1>${escape(resource.title)}</h1>`);
    for (const section of resource.section ?? []) parts.push(`<h2>${escape(section.title)}</h2>`, section.text?.div ?? "");
  } else if (resource?.resourceType === "Observation") {
    const q = resource.valueQuantity ?? {};
    parts.push(`<tr><td>${escape(resource.effectiveDateTime)}</td><td>${escape(resource.code?.text)}</td><td>${escape(q.value)} ${escape(q.unit)}</td></tr>`);
  }
}
writeFileSync(out, parts.join("\n"));
