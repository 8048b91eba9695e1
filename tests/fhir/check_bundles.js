#!/usr/bin/env node
// tests/fhir/check_bundles.js — checks FHIR bundles against the R4 JSON schema (schema.js) and
// the JP-CLINS profile rules (profile_rules.js); prints each file's problems.
//   node check_bundles.js --profiles DIR [--schema-only|--profiles-only] [--expect-invalid] FILE...
// Exit 0 when every file is valid (or, with --expect-invalid, when every file is found invalid).
'use strict';
const fs = require('fs');
const { makeValidator } = require('./schema');
const { loadProfiles, checkBundle } = require('./profile_rules');

const args = process.argv.slice(2);
let profilesDir = null, schema = true, rules = true, expectInvalid = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--profiles') profilesDir = args[++i];
  else if (args[i] === '--schema-only') rules = false;
  else if (args[i] === '--profiles-only') schema = false;
  else if (args[i] === '--expect-invalid') expectInvalid = true;
  else files.push(args[i]);
}
if ((rules && !profilesDir) || !files.length) {
  console.error('usage: check_bundles.js --profiles DIR [--schema-only|--profiles-only] [--expect-invalid] FILE...');
  process.exit(2);
}
const validate = schema ? makeValidator() : null;
const profiles = rules ? loadProfiles(profilesDir) : null;
let unexpected = 0;
for (const file of files) {
  const bytes = fs.readFileSync(file);
  const problems = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push('starts with a UTF-8 BOM');
  let bundle;
  try { bundle = JSON.parse(bytes.toString('utf8')); } catch (e) { problems.push(`not JSON: ${e.message}`); }
  if (bundle && validate) problems.push(...validate(bundle).map((m) => `schema: ${m}`));
  if (bundle && profiles) problems.push(...checkBundle(bundle, profiles).map((m) => `profile: ${m}`));
  const invalid = problems.length > 0;
  if (invalid !== expectInvalid) unexpected++;
  console.log(`${invalid ? 'INVALID' : 'valid'} ${file}${invalid !== expectInvalid ? '   <-- unexpected' : ''}`);
  for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
  if (problems.length > 20) console.log(`  ... ${problems.length - 20} more`);
}
process.exit(unexpected ? 1 : 0);
