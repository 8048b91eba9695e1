// web/loader.js — prepended to VIEWER.JS (--pre-js). Everything the viewer needs from the page
// on file://, where fetch, XHR, workers and module scripts are blocked: chunk scripts loaded by
// <script> tags, the page's state attribute, and window.ssmixViewer (the test API, README).
/* global Module, UTF8ToString, ccall, HEAPU8, ssmixBase64Bytes, ssmixWasmModule */

var Module = typeof Module !== "undefined" ? Module : {};

(function () {
  "use strict";

  var root = document.documentElement;
  var dataDirectory = (function () {
    var scripts = document.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++) {
      var source = scripts[i].getAttribute("src") || "";
      var at = source.search(/MANIFEST\.JS$/i);
      if (at >= 0) return source.slice(0, at);
    }
    return "VIEWER/DATA/";
  })();

  // Milliseconds from opening the page (performance.now()) to each step, for benchmarks.
  var times = { script: performance.now() };   // VIEWER.JS loaded and parsed, the wasm's compilation started
  function setState(state, message) {
    if (!(state in times)) times[state] = performance.now();
    root.dataset.ssmixState = state;
    if (message) root.dataset.ssmixError = message;
    var status = document.getElementById("status");
    var plain = document.getElementById("plain");   // links to the static pages: kept unless the viewer is up
    if (state === "ready") {
      if (status) status.hidden = true;
      if (plain) plain.hidden = true;
    }
    if (state === "error" && status) {
      status.hidden = false;
      status.textContent = message === "no-webgl"
        ? "このブラウザでは画像ビューアを開けません（WebGL2 が使えません）。下のリンクから診療情報と代表画像を見られます。"
        : "表示中に問題が起きました（" + message + "）。下のリンクから診療情報と代表画像を見られます。";
    }
  }

  root.dataset.ssmixState = "loading";
  Module.canvas = document.getElementById("canvas");
  // Right-drag sets the window (level/width); the browser menu would interrupt it.
  Module.canvas.addEventListener("contextmenu", function (event) { event.preventDefault(); });
  Module.ssmixSetState = setState;
  // Text into the wasm heap as NUL-terminated UTF-8 (native encoder; the caller frees it).
  Module.ssmixHeapText = function (text) {
    var bytes = new TextEncoder().encode(text);
    var pointer = Module._malloc(bytes.length + 1);
    HEAPU8.set(bytes, pointer);
    HEAPU8[pointer + bytes.length] = 0;
    return pointer;
  };
  Module.ssmixMarkTime = function (step) { if (!(step in times)) times[step] = performance.now(); };
  Module.onAbort = function (what) { setState("error", "abort: " + what); };
  // The wasm module is being compiled since the start of VIEWER.JS (web/wasm_prelude.js).
  Module.instantiateWasm = function (imports, receiveInstance) {
    ssmixWasmModule.then(function (module) {
      Module.ssmixMarkTime("compiled");
      return WebAssembly.instantiate(module, imports).then(function (instance) { receiveInstance(instance, module); });
    }).catch(function (error) { setState("error", "wasm: " + error); });
    return {};
  };
  // The WebGL context and its extensions (all but debug and lose_context, as Emscripten
  // enables them), made now while the wasm compiles rather than after: this takes a while
  // without a GPU. The viewer asks for the context again with the same attributes
  // (platform_web.cpp: opaque, no depth, no stencil, no antialiasing) and gets this one.
  try {
    var gl = Module.canvas.getContext("webgl2", { alpha: false, depth: false, stencil: false, antialias: false });
    (gl && gl.getSupportedExtensions() || []).forEach(function (name) {
      if (name.indexOf("lose_context") < 0 && name.indexOf("debug") < 0) gl.getExtension(name);
    });
  } catch (error) { /* the viewer reports a missing WebGL2 itself */ }
  Module.printErr = function (text) { console.warn(text); };
  Module.print = function (text) { console.log(text); };

  // --- data bundle: chunk scripts ---------------------------------------------------------
  // The viewer asks for a chunk (ssmixLoadChunk) and gets it delivered once its script has run.
  // The manifest's start chunks (what the viewer reads first: everything but the images) are
  // loaded at once, while the WebAssembly compiles, and kept here until the viewer asks.
  var ahead = {};     // chunk number -> base64: loaded, not asked for yet
  var asked = {};     // chunk numbers asked for, their scripts on the way
  var inPage = {};    // chunk numbers whose <script> is loading
  function chunkName(number) {
    var digits = String(number);
    while (digits.length < 7) digits = "0" + digits;
    return "D" + digits + ".JS";
  }
  function deliver(number, base64) {
    var payload;
    try { payload = ssmixBase64Bytes(base64); } catch (error) { payload = new Uint8Array(0); }   // reported as damaged
    var pointer = Module._malloc(Math.max(1, payload.length));
    HEAPU8.set(payload, pointer);
    Module._ssmix_chunk_arrived(number, pointer, payload.length);
    Module._free(pointer);
  }
  function insertChunkScript(number) {
    if (inPage[number]) return;
    inPage[number] = true;
    var script = document.createElement("script");
    script.src = dataDirectory + chunkName(number);
    script.onload = function () { script.remove(); delete inPage[number]; };
    script.onerror = function () {
      script.remove();
      delete inPage[number];
      if (asked[number]) { delete asked[number]; Module._ssmix_chunk_failed(number); }
    };
    document.head.appendChild(script);
  }
  window.ssmixChunk = function (number, base64) {
    if (asked[number]) { delete asked[number]; deliver(number, base64); }
    else ahead[number] = base64;
  };
  Module.ssmixLoadChunk = function (number) {
    if (number in ahead) {   // delivered after the viewer's current call, not inside it
      var base64 = ahead[number];
      delete ahead[number];
      setTimeout(function () { deliver(number, base64); }, 0);
      return;
    }
    asked[number] = true;
    insertChunkScript(number);
  };
  Module.onRuntimeInitialized = function () { times.runtime = performance.now(); };
  var startChunks = window.SSMIX_MANIFEST && window.SSMIX_MANIFEST.startChunks;   // checked by the viewer
  for (var chunk = 0; typeof startChunks === "number" && chunk < Math.min(startChunks, 8); chunk++) insertChunkScript(chunk);

  // --- the image index (MANIFEST.JS "images"), read series by series ------------------------
  // The browser has parsed the manifest already; handing all of it to the viewer (text, then
  // JSON parsed again in the wasm) cost about 0.2 ms an image at start. A group (a run of one
  // series' images) whose images all share their identity (patient, study, series, size) goes
  // over as its first image and its count; the rest when the viewer opens it (ssmixIndexGroup).
  // Its files are left out of the file table the viewer starts with and found by path later.
  var identityKeys = ["sopClass", "study", "series", "patientId", "patientName", "birthDate", "sex", "studyDate", "studyTime",
    "studyDescription", "accession", "seriesDescription", "modality", "seriesNumber", "rows", "columns", "frames", "charset"];
  var indexEntriesRead = 0;   // image entries handed to the viewer (the test API shows it)
  var indexPlan = null;
  function deferrable(group) {
    if (window.ssmixEagerIndex === true) return false;   // bench/viewer's baseline: every image read at start, as before
    if (!group || typeof group !== "object" || !Array.isArray(group.images) || group.images.length < 2) return false;
    var shared = group.shared;
    if (!shared || typeof shared !== "object" || typeof shared.series !== "string" || !(shared.frames > 0) ||
      !(shared.rows > 0) || !(shared.columns > 0)) return false;   // images only: reports and key image notes are read whole
    for (var i = 0; i < group.images.length; i++) {
      var image = group.images[i];
      if (!image || typeof image !== "object" || typeof image.path !== "string") return false;
      for (var k = 0; k < identityKeys.length; k++) if (identityKeys[k] in image) return false;
    }
    return true;
  }
  function planIndex() {
    if (indexPlan) return indexPlan;
    var manifest = window.SSMIX_MANIFEST, images = manifest && Array.isArray(manifest.images) ? manifest.images : [];
    indexPlan = { eager: [], deferred: [], deferredPaths: {} };
    images.forEach(function (group, number) {
      if (!deferrable(group)) { indexPlan.eager.push(group); return; }
      indexPlan.deferred.push({ group: number, images: group.images.length, frames: group.images.length * group.shared.frames,
        first: [{ shared: group.shared, images: [group.images[0]] }] });
      group.images.forEach(function (image) { indexPlan.deferredPaths[image.path] = true; });
    });
    return indexPlan;
  }
  // MANIFEST.JS's parts as JSON text: 0 the manifest without the image index and without the
  // deferred groups' files, 1 the groups read at once, 2 the deferred ones ({group, images,
  // frames, first}); null when the page has no manifest (1: no image index).
  Module.ssmixManifestPart = function (part) {
    var manifest = window.SSMIX_MANIFEST;
    if (typeof manifest !== "object" || manifest === null) return null;
    if (part !== 0 && manifest.images === undefined) return null;
    var plan = planIndex();
    if (part === 1) {
      plan.eager.forEach(function (group) { indexEntriesRead += group && Array.isArray(group.images) ? group.images.length : 0; });
      return JSON.stringify(manifest.images === undefined || Array.isArray(manifest.images) ? plan.eager : manifest.images);
    }
    if (part === 2) { indexEntriesRead += plan.deferred.length; return JSON.stringify(plan.deferred); }
    var files = {};
    for (var key in manifest) if (key !== "images") files[key] = manifest[key];
    if (plan.deferred.length && Array.isArray(manifest.files))
      files.files = manifest.files.filter(function (f) { return !(f && plan.deferredPaths[f.path] === true); });
    return JSON.stringify(files);
  };
  // One group of the image index, as part 1 gives them (a list of one group).
  Module.ssmixIndexGroup = function (number) {
    var group = window.SSMIX_MANIFEST.images[number];
    indexEntriesRead += group.images.length;
    return JSON.stringify([group]);
  };
  // A file of the manifest by path (the files are sorted by path: a binary search, else a scan).
  var filesByPath = null;
  Module.ssmixBundledFile = function (path) {
    var files = window.SSMIX_MANIFEST && window.SSMIX_MANIFEST.files;
    if (!Array.isArray(files)) return null;
    var low = 0, high = files.length;
    while (low < high) {
      var middle = (low + high) >> 1, at = files[middle] && files[middle].path;
      if (at === path) return JSON.stringify(files[middle]);
      if (typeof at === "string" && at < path) low = middle + 1; else high = middle;
    }
    if (!filesByPath) {
      filesByPath = {};
      files.forEach(function (f) { if (f && typeof f.path === "string") filesByPath[f.path] = f; });
    }
    return Object.prototype.hasOwnProperty.call(filesByPath, path) ? JSON.stringify(filesByPath[path]) : null;
  };

  // --- picked or dropped files (「フォルダを開く」) ---------------------------------------------
  // The File objects stay here; the viewer gets their listing and asks for bytes when it needs
  // them. A picked folder's own name (the first part of every path) is dropped, so the disc's
  // files keep the paths the disc gives them (DICOM/..., IMAGES/...).
  var picked = {};
  function callString(name, args) { ccall(name, null, args.map(function () { return "string"; }), args); }
  function addFiles(entries) {   // [{path, file}]
    var tops = {};
    entries.forEach(function (e) { tops[e.path.split("/")[0]] = true; });
    var common = Object.keys(tops).length === 1 && entries.every(function (e) { return e.path.indexOf("/") > 0; });
    var listing = entries.map(function (e) {
      var path = common ? e.path.slice(e.path.indexOf("/") + 1) : e.path;
      picked[path] = e.file;
      return { path: path, size: e.file.size };
    });
    callString("ssmix_files_added", [JSON.stringify(listing)]);
  }
  Module.ssmixReadPicked = function (path) {
    var file = picked[path];
    if (!file) { callString("ssmix_picked_failed", [path, "no such file"]); return; }
    file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var pointer = Module._malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, pointer);
      ccall("ssmix_picked_arrived", null, ["string", "number", "number"], [path, pointer, bytes.length]);
      Module._free(pointer);
    }, function (error) { callString("ssmix_picked_failed", [path, String(error)]); });
  };
  // Text to the clipboard: the Clipboard API where the browser offers it on file://, else a
  // selected hidden text area and the copy command (both need the click that asked for it).
  Module.ssmixCopyText = function (text) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
      area.remove();
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
  };
  // An image inside a letter (PNG, JPEG, GIF only): decoded here from a Blob of its bytes, so
  // nothing is fetched and nothing in it can run; its RGBA goes back to the viewer.
  Module.ssmixDecodeImage = function (id, type, bytes) {
    if (typeof createImageBitmap !== "function") { Module._ssmix_image_failed(id); return; }
    createImageBitmap(new Blob([bytes], { type: type })).then(function (bitmap) {
      if (bitmap.width > 4096 || bitmap.height > 4096) { Module._ssmix_image_failed(id); return; }
      var canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      var context = canvas.getContext("2d");
      context.drawImage(bitmap, 0, 0);
      var rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      var pointer = Module._malloc(rgba.length);
      HEAPU8.set(rgba, pointer);
      Module._ssmix_image_decoded(id, bitmap.width, bitmap.height, pointer);
      Module._free(pointer);
    }, function () { Module._ssmix_image_failed(id); });
  };
  // A document's body that is a file (a PDF): saved through the browser's download, from a
  // blob made here, so nothing is fetched and nothing of the document runs in this page.
  Module.ssmixSaveFile = function (name, type, bytes) {
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  };
  // A print-ready page of the disc, in a new tab (the viewer stays open).
  Module.ssmixOpenPage = function (path) { window.open(path, "_blank", "noopener"); };
  var folderInput = document.getElementById("folder");
  Module.ssmixPickFolder = function () { if (folderInput) folderInput.click(); };
  if (folderInput) {
    folderInput.addEventListener("change", function () {
      var entries = [];
      for (var i = 0; i < folderInput.files.length; i++) {
        var file = folderInput.files[i];
        entries.push({ path: file.webkitRelativePath || file.name, file: file });
      }
      if (entries.length) addFiles(entries);
      folderInput.value = "";
    });
  }
  // Dropped folders are walked with the File and Directory Entries API. A dropped file whose
  // entry cannot be read (Chromium refuses entries of drops it did not get from the desktop)
  // is taken as the drop's own File (`dropped`).
  function walk(entry, into, dropped) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        var path = entry.fullPath.replace(/^\//, "");
        entry.file(function (file) { into.push({ path: path, file: file }); resolve(); },
          function () { if (dropped) into.push({ path: path, file: dropped }); resolve(); });
      } else if (entry.isDirectory) {
        var reader = entry.createReader(), children = [];
        var more = function () {
          reader.readEntries(function (batch) {
            if (!batch.length) { Promise.all(children.map(function (c) { return walk(c, into); })).then(resolve); return; }
            children = children.concat(Array.prototype.slice.call(batch));
            more();
          }, function () { resolve(); });
        };
        more();
      } else {
        resolve();
      }
    });
  }
  // The mouse wheel in notches, as ImGui counts it: Emscripten's GLFW hands ImGui the raw
  // deltaY (120 for one notch of a mouse in Chromium), which paged 120 slices at once. One
  // notch is one step whatever the browser reports (100 or 120 pixels, 3 lines); a trackpad's
  // small pixel deltas add up to a step every 100 pixels; a page is 10 steps. Taken before
  // GLFW's own listener on the canvas, which then never sees the event.
  var wheelCarry = { x: 0, y: 0 };
  function wheelSteps(delta, mode, axis) {
    if (delta === 0) return 0;
    if (mode === 2) return delta * 10;
    if (mode === 1) return Math.sign(delta) * Math.max(1, Math.round(Math.abs(delta) / 3));
    if (Math.abs(delta) >= 50) { wheelCarry[axis] = 0; return Math.sign(delta) * Math.max(1, Math.round(Math.abs(delta) / 120)); }
    wheelCarry[axis] += delta;
    var steps = Math.trunc(wheelCarry[axis] / 100);
    wheelCarry[axis] -= steps * 100;
    return steps;
  }
  window.addEventListener("wheel", function (event) {
    if (event.target !== Module.canvas || typeof Module._ssmix_wheel !== "function") return;   // not started yet
    event.preventDefault();   // no page scroll, no browser zoom on Ctrl+wheel
    event.stopImmediatePropagation();
    var x = wheelSteps(event.deltaX, event.deltaMode, "x"), y = wheelSteps(event.deltaY, event.deltaMode, "y");
    // ImGui's sign: positive is the wheel turned away from the user (up), the browser's is the other.
    if (x || y) ccall("ssmix_wheel", null, ["number", "number"], [-x, -y]);
  }, { capture: true, passive: false });

  Module.canvas.addEventListener("dragover", function (event) { event.preventDefault(); });
  Module.canvas.addEventListener("drop", function (event) {
    event.preventDefault();
    var items = event.dataTransfer && event.dataTransfer.items ? Array.prototype.slice.call(event.dataTransfer.items) : [];
    // Both taken now: the drop's data is gone once this handler returns.
    var roots = items.filter(function (item) { return item.kind === "file"; }).map(function (item) {
      return { entry: item.webkitGetAsEntry ? item.webkitGetAsEntry() : null, file: item.getAsFile() };
    });
    var entries = [];
    Promise.all(roots.map(function (root) {
      if (root.entry) return walk(root.entry, entries, root.file);
      if (root.file) entries.push({ path: root.file.name, file: root.file });   // no Entries API
      return Promise.resolve();
    })).then(function () { if (entries.length) addFiles(entries); });
  });

  // The physician's language, kept for the next disc opened in this browser. Storage may be
  // refused (private windows, locked-down browsers): then the viewer starts in Japanese.
  var languageKey = "ssmix-carry.language";
  Module.ssmixStoreLanguage = function (code) { try { window.localStorage.setItem(languageKey, code); } catch (e) { /* not kept */ } };
  Module.ssmixStoredLanguage = function () { try { return window.localStorage.getItem(languageKey) || ""; } catch (e) { return ""; } };

  // --- window.ssmixViewer -----------------------------------------------------------------
  function call(name, returns, types, args) { return ccall(name, returns, types, args); }
  function state() { return JSON.parse(UTF8ToString(call("ssmix_api_state", "number", [], []))); }
  function viewports() { return JSON.parse(UTF8ToString(call("ssmix_api_viewports", "number", [], []))); }
  // Resolves with state().view once the view settles (shown or error); the viewer loads and
  // decodes between animation frames, so every change is asynchronous.
  function settled() {
    return new Promise(function (resolve) {
      function check() {
        var view = state().view;
        if (view.status === "loading" || view.viewsLoading) requestAnimationFrame(check);
        else resolve(view);
      }
      requestAnimationFrame(check);
    });
  }
  window.ssmixViewer = {
    state: state,
    open: function (id) {
      if (!call("ssmix_api_open", "number", ["string"], [String(id)])) {
        return Promise.reject(new Error("no series with id " + id));
      }
      return settled();
    },
    // `index`: the view of the layout (0 when left out, the only one in the 1-view layout).
    setFrame: function (n, index) {
      if (!call("ssmix_api_set_frame", "number", ["number", "number"], [n, index || 0])) return Promise.reject(new Error("no view " + index));
      return settled();
    },
    // Views: setLayout("1x1" | "1x2" | "2x2"), viewports() → [{index, series, frame, position,
    // plane, window, zoom, active, note, rect}], showInViewport(index, seriesId), setLinked(bool).
    setLayout: function (name) {
      if (!call("ssmix_api_set_layout", "number", ["string"], [String(name)])) return Promise.reject(new Error("no layout " + name));
      return settled().then(viewports);
    },
    viewports: viewports,
    showInViewport: function (index, id) {
      if (!call("ssmix_api_show_in_viewport", "number", ["number", "string"], [index, String(id)])) {
        return Promise.reject(new Error("no view " + index + " or no series " + id));
      }
      return settled().then(viewports);
    },
    setLinked: function (linked) { call("ssmix_api_set_linked", null, ["number"], [linked ? 1 : 0]); return settled().then(viewports); },
    // MPR: mpr(seriesId[, {budgetMiB}]) → Promise of {available, reason, planes, volume, crosshair,
    // slabMm} once the volume is built (or refused); setCrosshair(x, y, z) in volume voxels and
    // setSlab(mm) → Promise of viewports(); frame(index) is that plane as drawn.
    mpr: function (id, options) {
      var budget = options && options.budgetMiB ? options.budgetMiB : 0;
      var first = JSON.parse(UTF8ToString(call("ssmix_api_mpr", "number", ["string", "number"], [String(id), budget])));
      if (!first.available || first.status === "not started") return Promise.resolve(first);
      return new Promise(function (resolve) {
        (function wait() {
          var now = JSON.parse(UTF8ToString(call("ssmix_api_mpr_state", "number", ["string"], [String(id)])));
          if (now.status === "building") requestAnimationFrame(wait);
          else settled().then(function () { resolve(JSON.parse(UTF8ToString(call("ssmix_api_mpr_state", "number", ["string"], [String(id)])))); });
        })();
      });
    },
    setCrosshair: function (x, y, z) {
      if (!call("ssmix_api_set_crosshair", "number", ["number", "number", "number"], [x, y, z])) return Promise.reject(new Error("not in MPR"));
      return settled().then(viewports);
    },
    setSlab: function (mm) {
      if (!call("ssmix_api_set_slab", "number", ["number"], [mm])) return Promise.reject(new Error("not in MPR"));
      return settled().then(viewports);
    },
    activate: function (index) { call("ssmix_api_activate", null, ["number"], [index]); return viewports(); },
    setWindow: function (center, width) {
      call("ssmix_api_set_window", null, ["number", "number"], [center, width]);
      return settled();
    },
    setLanguage: function (language) { call("ssmix_api_set_language", null, ["string"], [language]); },
    setPreset: function (id) {
      if (!call("ssmix_api_set_preset", "number", ["string"], [String(id)])) return Promise.reject(new Error("no window preset " + id));
      return settled();
    },
    setInverted: function (inverted) { call("ssmix_api_set_inverted", null, ["number"], [inverted ? 1 : 0]); return settled(); },
    setOverlays: function (shown) { call("ssmix_api_set_overlays", null, ["number"], [shown ? 1 : 0]); return settled(); },
    setZoom: function (zoom) { call("ssmix_api_set_zoom", null, ["number"], [zoom]); return settled(); },
    setPlaying: function (playing) { call("ssmix_api_set_playing", null, ["number"], [playing ? 1 : 0]); return state().view; },
    measure: function (x1, y1, x2, y2) {
      call("ssmix_api_measure", null, ["number", "number", "number", "number"], [x1, y1, x2, y2]);
      return settled();
    },
    // An angle (the second point its vertex) and an elliptical region, in image pixels of the
    // frame shown, once it is shown; `index` is the view of the layout (0 when left out), made the active one. Promises
    // of {degrees} and {mean, sd, min, max, areaMm2, unit, pixels}.
    measureAngle: function (x1, y1, x2, y2, x3, y3, index) {
      return settled().then(function () {
        call("ssmix_api_measure_angle", null, ["number", "number", "number", "number", "number", "number", "number"],
          [x1, y1, x2, y2, x3, y3, index || 0]);
        return state().view.angle;
      });
    },
    measureRegion: function (cx, cy, rx, ry, index) {
      return settled().then(function () {
        call("ssmix_api_measure_region", null, ["number", "number", "number", "number", "number"], [cx, cy, rx, ry, index || 0]);
        return state().view.region;
      });
    },
    frame: function (index) { return JSON.parse(UTF8ToString(call("ssmix_api_frame", "number", ["number"], [index || 0]))); },
    // A series' thumbnail in the list, as frame() gives the frame ({} until it is made).
    thumbnail: function (id) { return JSON.parse(UTF8ToString(call("ssmix_api_thumbnail", "number", ["string"], [String(id)]))); },
    // {script, compiled, runtime, main, fonts, firstFrame, ready}: ms from opening INDEX.HTM to
    // VIEWER.JS running, its wasm compiled, the wasm runtime up, the viewer's start, the font
    // atlas built, the first frame and the viewer ready.
    times: function () { return times; },
    // How many image entries of the manifest's index the viewer has been given so far: at start
    // one a series whose images share their identity, the rest as each series is opened.
    imageIndexEntriesRead: function () { return indexEntriesRead; },
    // The open document's images: [{id, status, width, height, sha256}] (sha256 of the RGBA drawn).
    media: function () { return JSON.parse(UTF8ToString(call("ssmix_api_media", "number", [], []))); },
    saveBody: function () { return call("ssmix_api_save_body", "number", [], []) === 1; },
    setTextMode: function (on) { call("ssmix_api_set_text_mode", null, ["number"], [on ? 1 : 0]); return state().view; },
    record: function () { return JSON.parse(UTF8ToString(call("ssmix_api_record", "number", [], []))); },
    tags: function () { return JSON.parse(UTF8ToString(call("ssmix_api_tags", "number", [], []))); },
    showTags: function (shown) { call("ssmix_api_show_tags", null, ["number"], [shown ? 1 : 0]); },
    showTrend: function (test) { call("ssmix_api_show_trend", null, ["string"], [String(test)]); return state().view; },
    // The text the last frame drew on the canvas: [{text, x, y, width, height}], page CSS pixels.
    drawnText: function () {
      var box = Module.canvas.getBoundingClientRect();
      return JSON.parse(UTF8ToString(call("ssmix_api_drawn_text", "number", [], []))).map(function (run) {
        run.x += box.left; run.y += box.top; return run;
      });
    },
    // The same path as a picked folder, for automated checks: [{path, base64}] (paths as in a picked folder).
    addFiles: function (files) {
      addFiles(files.map(function (f) {
        return { path: f.path, file: new File([ssmixBase64Bytes(f.base64)], f.path.split("/").pop()) };
      }));
    }
  };
})();
