// tests/web/wasm_packing.test.mjs --viewer-js VIEWER.JS --wasm viewer-runtime.wasm
// How VIEWER.JS carries the viewer's WebAssembly: web/inflate.js (the plain-JS gunzip for
// browsers without DecompressionStream) against Node's zlib on streams of every block type and
// on damaged streams, and web/wasm_prelude.js with the wasm the build packed into VIEWER.JS
// (viewer-wasm/make_viewer_script.py): it gives back the linker's wasm byte for byte, and
// compiles into a module both by streaming decompression and by the fallback.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) =>
  (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ""), all[i + 1]]] : pairs), []));
const web = join(dirname(fileURLToPath(import.meta.url)), "../../web");
const inflateSource = readFileSync(join(web, "inflate.js"), "utf8");
const preludeSource = readFileSync(join(web, "wasm_prelude.js"), "utf8");
let failures = 0;
function check(condition, message) {
  if (!condition) { failures++; console.error("FAIL: " + message); }
}

// A fresh global scope with the browser APIs the prelude uses, minus those in `without`.
function scope(without = []) {
  const globals = { Uint8Array, Blob, Response, DecompressionStream, WebAssembly, atob, Promise, Error };
  for (const name of without) delete globals[name];
  return vm.createContext(globals);
}
const inflate = vm.runInContext(inflateSource + ";ssmixInflate", scope());
const same = (a, b) => a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
function throws(f) { try { f(); return false; } catch (error) { return error instanceof Error && /^gzip: /.test(error.message); } }

// --- inflate.js on every kind of deflate block --------------------------------------------------
let seed = 7;
const random = (n) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
const text = Buffer.from("診療情報提供書 SS-MIX2 OBX|1|NM|3D046000001906202^HbA1c^JC10||7.1|%|4.6-6.2|H\r".repeat(4000));
const samples = {
  empty: new Uint8Array(0),
  "one byte": Uint8Array.of(42),
  random: random(200000),   // mostly stored blocks
  text,                     // dynamic Huffman blocks, long matches
  "text and random": Buffer.concat([text.subarray(0, 70000), random(70000), text.subarray(0, 70000)]),
};
for (const [name, data] of Object.entries(samples)) {
  for (const level of [0, 1, 6, 9]) {
    const gzip = zlib.gzipSync(data, { level });
    check(same(inflate(gzip), data), `inflate.js gives back ${name} gzip level ${level}`);
  }
  const fixed = zlib.gzipSync(data, { strategy: zlib.constants.Z_FIXED });
  check(same(inflate(fixed), data), `inflate.js gives back ${name} in fixed-Huffman blocks`);
}
// Optional header fields (extra, name, comment, header CRC) are skipped.
const plain = zlib.gzipSync(text.subarray(0, 5000));
const header = Buffer.from([31, 139, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 3, 0, 1, 2, 3, ...Buffer.from("NAME\0"),
  ...Buffer.from("comment\0"), 0xab, 0xcd]);
check(same(inflate(Buffer.concat([header, plain.subarray(10)])), text.subarray(0, 5000)), "inflate.js skips the optional header fields");
// Damaged streams are refused with a reason, never returned.
const good = zlib.gzipSync(text.subarray(0, 20000), { level: 9 });
const flipped = Buffer.from(good); flipped[good.length >> 1] ^= 0x55;
const badCrc = Buffer.from(good); badCrc[good.length - 6] ^= 1;
const badSize = Buffer.from(good); badSize[good.length - 4] ^= 1;
check(throws(() => inflate(flipped)), "inflate.js refuses a stream with a changed byte");
check(throws(() => inflate(badCrc)), "inflate.js refuses a stream whose CRC-32 does not match");
check(throws(() => inflate(badSize)), "inflate.js refuses a stream whose size does not match");
check(throws(() => inflate(good.subarray(0, good.length - 100))), "inflate.js refuses a cut stream");
check(throws(() => inflate(Buffer.from("not gzip at all, not gzip at all"))), "inflate.js refuses what is not gzip");

// --- the wasm inside the built VIEWER.JS ---------------------------------------------------------
const viewerScript = readFileSync(args["viewer-js"], "utf8");
const packed = (viewerScript.match(/var packed = "([A-Za-z0-9+/=]+)";/) || [])[1];
check(Boolean(packed), "VIEWER.JS carries the packed wasm");
const wasm = readFileSync(args.wasm);
check(viewerScript.length < wasm.length * 0.75, `VIEWER.JS (${viewerScript.length} bytes) is smaller than the wasm would be in plain base64`);
check(same(inflate(Buffer.from(packed || "", "base64")), wasm), "the packed wasm is the linker's wasm, byte for byte");

async function compiledIn(context) {
  const module = await vm.runInContext(inflateSource + preludeSource.replace("@SSMIX_WASM_GZIP_BASE64@", packed) +
    ";ssmixWasmModule", context);
  return WebAssembly.Module.exports(module).map((e) => e.name);
}
for (const [how, without] of [["streaming decompression", []], ["the plain-JS fallback", ["DecompressionStream"]]]) {
  try {
    const exports = await compiledIn(scope(without));
    check(exports.includes("main") || exports.includes("_main"), `compiled by ${how}: the module exports main (${exports.length} exports)`);
  } catch (error) {
    check(false, `compiled by ${how}: ${error}`);
  }
}

if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log("wasm packing: all checks passed");
