// web/wasm_prelude.js — the start of VIEWER.JS (after web/inflate.js): begins compiling the
// viewer's WebAssembly at once, so the browser compiles it while the rest of the script sets
// up. The wasm travels inside this file, gzip-compressed and base64-encoded (a page opened
// from a disc cannot fetch a side file): 40 % of the bytes of plain base64, decoded natively.
// web/loader.js hands the compiled module to the Emscripten runtime (Module.instantiateWasm).

// Base64 to bytes, natively where the browser can (also used for the data chunks); throws on
// text that is not base64.
function ssmixBase64Bytes(base64) {
  "use strict";
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  var binary = atob(base64), bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

var ssmixWasmModule = (function () {
  "use strict";
  var packed = "@SSMIX_WASM_GZIP_BASE64@";   // replaced by viewer-wasm/make_viewer_script.py

  function compile() {
    var gzip = ssmixBase64Bytes(packed);
    if (typeof DecompressionStream !== "function" || typeof Blob.prototype.stream !== "function") {
      return WebAssembly.compile(ssmixInflate(gzip));
    }
    function inflated() { return new Blob([gzip]).stream().pipeThrough(new DecompressionStream("gzip")); }
    // Compiled as it is decompressed; where streaming compilation is missing or refuses a
    // made-up response, the whole module is decompressed first.
    var streamed = typeof WebAssembly.compileStreaming === "function"
      ? WebAssembly.compileStreaming(new Response(inflated(), { headers: { "Content-Type": "application/wasm" } }))
      : Promise.reject(new Error("no streaming compilation"));
    return streamed.catch(function () {
      return new Response(inflated()).arrayBuffer().then(function (wasm) { return WebAssembly.compile(wasm); });
    });
  }

  try {
    return compile();
  } catch (error) {
    return Promise.reject(error);
  }
})();
