#!/usr/bin/env python3
"""Writes VIEWER.JS: web/inflate.js, web/wasm_prelude.js carrying the viewer's WebAssembly
(gzip, base64) and the Emscripten runtime script, in that order, as one self-contained file.

usage: make_viewer_script.py RUNTIME_JS INFLATE_JS PRELUDE_JS OUTPUT
The wasm is RUNTIME_JS with .wasm for .js (emcc writes it there). The same input gives the
same bytes (no time stamp in the gzip header)."""
import base64
import gzip
import os
import sys

PLACEHOLDER = "@SSMIX_WASM_GZIP_BASE64@"


def text_of(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def main(runtime_js, inflate_js, prelude_js, output):
    with open(os.path.splitext(runtime_js)[0] + ".wasm", "rb") as f:
        wasm = f.read()
    packed = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode("ascii")
    prelude = text_of(prelude_js)
    if prelude.count(PLACEHOLDER) != 1:
        sys.exit(f"{prelude_js}: expected {PLACEHOLDER} exactly once")
    script = "\n".join([text_of(inflate_js), prelude.replace(PLACEHOLDER, packed), text_of(runtime_js)])
    partial = output + ".partial"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(script)
    os.replace(partial, output)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
