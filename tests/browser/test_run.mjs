// tests/browser/test_run.mjs — what every browser test shares: its command line
// (--tree DIR --artifacts DIR [--browser chromium|firefox]) and a check() that counts failures
// instead of stopping at the first, so one run reports everything that is wrong.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

export function testRun() {
  const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) =>
    (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ""), all[i + 1]]] : pairs), []));
  const browserName = args.browser || "chromium";
  const artifacts = resolve(args.artifacts, browserName);
  mkdirSync(artifacts, { recursive: true });
  const run = {
    tree: resolve(args.tree),
    browserName,
    args,   // every --name value given (a test's own options)
    artifacts,
    failures: 0,
    check(condition, message) {
      if (!condition) { run.failures++; console.error("FAIL: " + message); }
    },
    // Nothing but the disc was loaded (file:, and data: URLs whose bytes are inline; `also`
    // names other schemes a test allows) and no script failed.
    checkStayedOnDisc(session, also = []) {
      const allowed = ["file://", "data:", ...also];
      const outside = session.requests.filter((url) => !allowed.some((scheme) => url.startsWith(scheme)));
      run.check(outside.length === 0, "requests outside the disc: " + outside.map((url) => url.slice(0, 100)).join(", "));
      run.check(session.pageErrors.length === 0, "page errors: " + session.pageErrors.join("; "));
    },
    // Exits 1 after listing the failures, or prints `passed`.
    finish(passed) {
      if (run.failures) {
        console.error(`${run.failures} check(s) failed; screenshots in ${artifacts}`);
        process.exit(1);
      }
      console.log(`${passed} (${browserName}): all checks passed; screenshots in ${artifacts}`);
    },
  };
  return run;
}
