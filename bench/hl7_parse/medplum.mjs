// bench/hl7_parse/medplum.mjs — parses the corpus with Medplum's HL7 v2 parser (Hl7Message.parse,
// @medplum/core, the parser behind @medplum/hl7) in
// Node, after decoding each message from ISO-2022-JP with TextDecoder. Prints messages and
// seconds (parse only).
import { readFileSync } from "node:fs";
import { Hl7Message } from "@medplum/core";

const data = readFileSync(process.argv[2]);
const decoder = new TextDecoder("iso-2022-jp");
const messages = [];
let start = 0;
for (let i = 0; i < data.length; i++) {
  if (data[i] === 0x1c) {
    const bytes = data.subarray(start, i);
    if (bytes.length > 2) messages.push(bytes);
    start = i + 2;
  }
}
const begin = process.hrtime.bigint();
let segments = 0;
for (const bytes of messages) {
  const message = Hl7Message.parse(decoder.decode(bytes).replace(/\r+$/, ""));
  segments += message.segments.length;
}
const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
console.log(`${messages.length} ${seconds.toFixed(6)}`);
