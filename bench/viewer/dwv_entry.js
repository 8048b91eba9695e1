// bench/viewer/dwv_entry.js — what the benchmark uses of DWV, bundled by esbuild into one
// classic script (DWV is an ES module with bare imports, which file:// pages cannot load).
export { DicomParser, createImage, createView } from "dwv";
