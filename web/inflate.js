// web/inflate.js — gzip (RFC 1952 around RFC 1951 deflate) decompression in plain JavaScript.
// VIEWER.JS carries the viewer's WebAssembly gzip-compressed; browsers decompress it natively
// (DecompressionStream), and this is for those without it (Safari before 16.4, Chrome before
// 80, Firefox before 113). Simple rather than fast: it runs once, only on such browsers.
// ssmixInflate(bytes: Uint8Array) -> Uint8Array; throws on damaged data.
var ssmixInflate = (function () {
  "use strict";

  var LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258];
  var LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  // The order in which a dynamic block lists its code-length code lengths.
  var CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  function fail(what) { throw new Error("gzip: " + what); }

  function Reader(data, position) {
    this.data = data;
    this.position = position;
    this.buffer = 0;   // bits read from the data but not yet used, lowest first
    this.count = 0;
  }
  Reader.prototype.bits = function (need) {
    var value = this.buffer;
    while (this.count < need) {
      if (this.position >= this.data.length) fail("the data ends early");
      value |= this.data[this.position++] << this.count;
      this.count += 8;
    }
    this.buffer = value >>> need;
    this.count -= need;
    return value & ((1 << need) - 1);
  };
  Reader.prototype.alignToByte = function () { this.buffer = 0; this.count = 0; };

  // A canonical Huffman code from its code lengths: how many codes of each length, and the
  // symbols in code order.
  function HuffmanCode(lengths) {
    this.counts = new Uint16Array(16);
    this.symbols = new Uint16Array(lengths.length);
    var offsets = new Uint16Array(16), i;
    for (i = 0; i < lengths.length; i++) this.counts[lengths[i]]++;
    this.counts[0] = 0;
    for (i = 1; i < 16; i++) offsets[i] = offsets[i - 1] + this.counts[i - 1];
    for (i = 0; i < lengths.length; i++) if (lengths[i]) this.symbols[offsets[lengths[i]]++] = i;
  }
  HuffmanCode.prototype.decode = function (reader) {
    var code = 0, first = 0, index = 0;
    for (var length = 1; length < 16; length++) {
      code |= reader.bits(1);
      var count = this.counts[length];
      if (code - first < count) return this.symbols[index + code - first];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return fail("a Huffman code that is not in its table");
  };

  var fixedCodes = null;
  function fixedLiteralAndDistanceCodes() {
    if (!fixedCodes) {
      var lengths = new Uint8Array(288), i;
      for (i = 0; i < 144; i++) lengths[i] = 8;
      for (; i < 256; i++) lengths[i] = 9;
      for (; i < 280; i++) lengths[i] = 7;
      for (; i < 288; i++) lengths[i] = 8;
      fixedCodes = [new HuffmanCode(lengths), new HuffmanCode(new Uint8Array(30).fill(5))];
    }
    return fixedCodes;
  }

  function dynamicLiteralAndDistanceCodes(reader) {
    var literals = reader.bits(5) + 257, distances = reader.bits(5) + 1, codeLengthCodes = reader.bits(4) + 4;
    if (literals > 286 || distances > 30) fail("a block with too many codes");
    var codeLengthLengths = new Uint8Array(19), i;
    for (i = 0; i < codeLengthCodes; i++) codeLengthLengths[CODE_LENGTH_ORDER[i]] = reader.bits(3);
    var codeLengthCode = new HuffmanCode(codeLengthLengths);
    var lengths = new Uint8Array(literals + distances);
    for (i = 0; i < lengths.length;) {
      var symbol = codeLengthCode.decode(reader), repeat, value = 0;
      if (symbol < 16) { lengths[i++] = symbol; continue; }
      if (symbol === 16) {
        if (i === 0) fail("a repeated code length with nothing before it");
        value = lengths[i - 1];
        repeat = 3 + reader.bits(2);
      } else {
        repeat = symbol === 17 ? 3 + reader.bits(3) : 11 + reader.bits(7);
      }
      if (i + repeat > lengths.length) fail("code lengths past the end of the block's table");
      while (repeat--) lengths[i++] = value;
    }
    if (!lengths[256]) fail("a block without an end code");
    return [new HuffmanCode(lengths.subarray(0, literals)), new HuffmanCode(lengths.subarray(literals))];
  }

  function inflateBlocks(reader, output) {
    var written = 0, last;
    do {
      last = reader.bits(1);
      var type = reader.bits(2);
      if (type === 0) {
        reader.alignToByte();
        var data = reader.data, at = reader.position;
        if (at + 4 > data.length) fail("the data ends early");
        var length = data[at] | (data[at + 1] << 8), check = data[at + 2] | (data[at + 3] << 8);
        if ((length ^ 0xffff) !== check) fail("a stored block whose length check does not match");
        if (at + 4 + length > data.length || written + length > output.length) fail("a stored block past the end");
        output.set(data.subarray(at + 4, at + 4 + length), written);
        written += length;
        reader.position = at + 4 + length;
        continue;
      }
      if (type === 3) fail("a block of unknown type");
      var codes = type === 1 ? fixedLiteralAndDistanceCodes() : dynamicLiteralAndDistanceCodes(reader);
      for (;;) {
        var symbol = codes[0].decode(reader);
        if (symbol < 256) {
          if (written >= output.length) fail("more data than the trailer says");
          output[written++] = symbol;
          continue;
        }
        if (symbol === 256) break;
        symbol -= 257;
        if (symbol >= 29) fail("a length code out of range");
        var count = LENGTH_BASE[symbol] + reader.bits(LENGTH_EXTRA[symbol]);
        var distanceSymbol = codes[1].decode(reader);
        if (distanceSymbol >= 30) fail("a distance code out of range");
        var distance = DISTANCE_BASE[distanceSymbol] + reader.bits(DISTANCE_EXTRA[distanceSymbol]);
        if (distance > written) fail("a distance before the start");
        if (written + count > output.length) fail("more data than the trailer says");
        for (; count > 0; count--, written++) output[written] = output[written - distance];
      }
    } while (!last);
    if (written !== output.length) fail("less data than the trailer says");
    return reader.position;   // fewer than 8 bits are ever held back: the rest of the last byte read
  }

  var crcTable = null;
  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Int32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c;
      }
    }
    var crc = -1;
    for (var i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ -1) >>> 0;
  }

  function readUint32(bytes, at) {
    return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  }

  // Skips the gzip header (its optional extra field, name, comment and header CRC).
  function afterHeader(bytes) {
    if (bytes.length < 18 || bytes[0] !== 31 || bytes[1] !== 139 || bytes[2] !== 8) fail("not gzip data");
    var flags = bytes[3], at = 10;
    if (flags & 4) at += 2 + (bytes[at] | (bytes[at + 1] << 8));
    for (var field = 8; field <= 16; field <<= 1) {
      if (!(flags & field)) continue;
      while (at < bytes.length && bytes[at] !== 0) at++;
      at++;
    }
    if (flags & 2) at += 2;
    if (at >= bytes.length - 8) fail("the header runs past the data");
    return at;
  }

  return function inflate(bytes) {
    var size = readUint32(bytes, bytes.length - 4);   // the trailer: CRC-32, then the size mod 2^32
    var output = new Uint8Array(size);
    var end = inflateBlocks(new Reader(bytes, afterHeader(bytes)), output);
    if (end + 8 !== bytes.length) fail("data after the end of the stream");
    if (crc32(output) !== readUint32(bytes, bytes.length - 8)) fail("the CRC-32 does not match (damaged data)");
    return output;
  };
})();
