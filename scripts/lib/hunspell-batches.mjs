#!/usr/bin/env node
// Rewrites a Hunspell dictionary (.aff + .dic) into batches that Hunspell's own `unmunch` can expand.
//
// usage: node hunspell-batches.mjs <file.aff> <file.dic> <out-dir> [--max-words N]
// Writes <out-dir>/batch-NNN.aff and batch-NNN.dic, and prints one line:
//   <batches> <encoding> <upper bound of the forms unmunch will write>
//
// Why: unmunch (hunspell-tools) reads one-byte flags, at most 256 suffix classes, and dictionary lines of at
// most 197 bytes; modern dictionaries use `FLAG num` / `long` / `UTF-8` with thousands of classes (Turkish
// tr_TR: 6,465) and lines of 1,800 bytes. Each batch holds every prefix class and up to a batch's worth of
// suffix classes, renamed to one-byte flags; a word's line in a batch keeps its prefix flags and that batch's
// suffix flags, split over several lines when long (a suffix form never combines with another suffix, so
// splitting the suffixes changes nothing; prefixes stay on every line for the prefix x suffix cross products).
// Expanding every batch and keeping the distinct lines gives what unmunch would give on the whole dictionary.
//
// Refused, with the reason: continuation classes (twofold affixes, which unmunch does not expand either),
// conditions with non-ASCII characters in a UTF-8 dictionary (unmunch matches conditions byte by byte), and
// an upper bound above --max-words (default 10,000,000).
// Files are handled as bytes (read as latin1), so any 8-bit SET passes through unchanged.

import fs from 'node:fs';
import path from 'node:path';

const MAX_LINE = 190; // unmunch reads dictionary lines with fgets(ts, 199): stay under with room to spare
const FLAG_BYTES = [];
for (let b = 0x21; b <= 0xff; b++) if (b !== 0x2f && b !== 0x7f) FLAG_BYTES.push(b); // never '/', never DEL

function fail(msg) {
  process.stderr.write(`hunspell-batches: ${msg}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
let maxWords = 10_000_000;
const mi = args.indexOf('--max-words');
if (mi >= 0) {
  maxWords = Number(args[mi + 1]);
  args.splice(mi, 2);
}
const [affFile, dicFile, outDir] = args;
if (!affFile || !dicFile || !outDir || !Number.isFinite(maxWords)) {
  fail('usage: hunspell-batches.mjs <file.aff> <file.dic> <out-dir> [--max-words N]');
}

const affLines = fs.readFileSync(affFile, 'latin1').split(/\r?\n/);
let flagType = 'char';
let encoding = 'ISO8859-1';
const aliases = []; // AF: flag sets numbered from 1
const classes = new Map(); // flag -> {kind, cross, rules: [[strip, add, cond]]}
// flags are compared as the dictionary's characters: UTF-8 flags decoded, others as bytes
const flagName = (s) => (flagType === 'UTF-8' ? Buffer.from(s, 'latin1').toString('utf8') : s);
for (let i = 0; i < affLines.length; i++) {
  const f = affLines[i].trim().split(/\s+/);
  if (f[0] === 'FLAG') flagType = f[1];
  else if (f[0] === 'SET') encoding = f[1];
  else if (f[0] === 'AF' && /^\d+$/.test(f[1] || '') && aliases.length === 0) {
    const n = Number(f[1]);
    for (let j = 1; j <= n; j++) {
      const a = (affLines[i + j] || '').trim().split(/\s+/);
      if (a[0] !== 'AF' || a.length < 2) fail(`${affFile}:${i + j + 1}: expected flag alias ${j} of ${n}`);
      aliases.push(a[1]);
    }
    i += n;
  } else if ((f[0] === 'PFX' || f[0] === 'SFX') && f.length >= 4 && /^[YN]$/.test(f[2])) {
    const n = Number(f[3]);
    const rules = [];
    for (let j = 1; j <= n; j++) {
      const r = (affLines[i + j] || '').trim().split(/\s+/);
      if (r[0] !== f[0] || r[1] !== f[1] || r.length < 4) fail(`${affFile}:${i + j + 1}: expected rule ${j} of ${f[0]} ${f[1]}`);
      if (r[3].includes('/')) fail(`${affFile}:${i + j + 1}: continuation classes (twofold affixes) are not supported by unmunch`);
      const cond = r[4] || '.';
      if (encoding.toUpperCase() === 'UTF-8' && /[^\x00-\x7f]/.test(cond)) {
        fail(`${affFile}:${i + j + 1}: condition "${Buffer.from(cond, 'latin1').toString('utf8')}" has non-ASCII characters; unmunch matches conditions byte by byte`);
      }
      rules.push([r[2], r[3], cond]);
    }
    if (classes.has(flagName(f[1]))) fail(`${affFile}:${i + 1}: affix class ${f[1]} defined twice`);
    classes.set(flagName(f[1]), { kind: f[0], cross: f[2] === 'Y', rules });
    i += n;
  }
}
/** A dictionary entry's flags (after the '/'), resolving an AF alias number. */
function splitFlags(s) {
  if (aliases.length > 0 && /^\d+$/.test(s)) {
    const a = aliases[Number(s) - 1];
    if (a === undefined) fail(`flag alias ${s} is not defined (AF)`);
    s = a;
  }
  if (flagType === 'num') return s.split(',').filter((x) => x !== '');
  if (flagType === 'long') return s.match(/[\s\S]{1,2}/g) || [];
  if (flagType === 'UTF-8') return [...Buffer.from(s, 'latin1').toString('utf8')];
  return [...s];
}

const prefixes = [...classes.entries()].filter(([, c]) => c.kind === 'PFX');
const suffixes = [...classes.entries()].filter(([, c]) => c.kind === 'SFX');
const perBatch = FLAG_BYTES.length - prefixes.length;
if (perBatch < 1) fail(`${prefixes.length} prefix classes leave no room for suffixes in a batch`);
const batches = Math.max(1, Math.ceil(suffixes.length / perBatch));
const byteOf = new Map(); // `${batch}:${flag}` or `P:${flag}` -> one-byte flag (as a latin1 char)
prefixes.forEach(([flag], i) => byteOf.set(`P:${flag}`, String.fromCharCode(FLAG_BYTES[i])));
const batchOf = new Map();
suffixes.forEach(([flag], i) => {
  const b = Math.floor(i / perBatch);
  batchOf.set(flag, b);
  byteOf.set(`${b}:${flag}`, String.fromCharCode(FLAG_BYTES[prefixes.length + (i % perBatch)]));
});

fs.mkdirSync(outDir, { recursive: true });
const pad = (b) => String(b).padStart(3, '0');
const affText = Array.from({ length: batches }, () => []);
for (let b = 0; b < batches; b++) {
  const rulesOf = (kind, name, c) => [
    `${kind} ${name} ${c.cross ? 'Y' : 'N'} ${c.rules.length}`,
    ...c.rules.map(([strip, add, cond]) => `${kind} ${name} ${strip} ${add} ${cond}`),
  ];
  for (const [flag, c] of prefixes) affText[b].push(...rulesOf('PFX', byteOf.get(`P:${flag}`), c));
  for (const [flag, c] of suffixes) {
    if (batchOf.get(flag) === b) affText[b].push(...rulesOf('SFX', byteOf.get(`${b}:${flag}`), c));
  }
  fs.writeFileSync(path.join(outDir, `batch-${pad(b)}.aff`), affText[b].join('\n') + '\n', 'latin1');
}

const dicLines = fs.readFileSync(dicFile, 'latin1').split(/\r?\n/);
const out = Array.from({ length: batches }, () => ['0']); // unmunch skips the first line (the count)
let bound = 0;
let skipped = 0;
for (let i = 1; i < dicLines.length; i++) {
  const line = dicLines[i].split(/[\t ]/)[0]; // morphological fields follow a tab or space
  if (line === '') continue;
  const slash = line.indexOf('/');
  const word = slash < 0 ? line : line.slice(0, slash);
  if (word.length + 2 > MAX_LINE || word.includes('\\')) {
    skipped++;
    continue;
  }
  const flags = slash < 0 ? [] : splitFlags(line.slice(slash + 1));
  let pfx = '';
  let pfxForms = 0;
  const sfx = Array.from({ length: batches }, () => []);
  let sfxForms = 0;
  for (const f of flags) {
    const c = classes.get(f);
    if (!c) continue; // a flag with no affix class (compounding, NOSUGGEST, ...): nothing to expand
    if (c.kind === 'PFX') {
      pfx += byteOf.get(`P:${f}`);
      pfxForms += c.rules.length;
    } else {
      sfx[batchOf.get(f)].push(byteOf.get(`${batchOf.get(f)}:${f}`));
      sfxForms += c.rules.length;
    }
  }
  bound += 1 + pfxForms + sfxForms + pfxForms * sfxForms;
  const room = MAX_LINE - word.length - 1 - pfx.length;
  if (room < 1) fail(`${dicFile}:${i + 1}: too many prefix flags for one unmunch line`);
  out[0].push(pfx === '' ? word : `${word}/${pfx}`); // the root and its prefixed forms, once
  for (let b = 0; b < batches; b++) {
    for (let k = 0; k < sfx[b].length; k += room) {
      out[b].push(`${word}/${pfx}${sfx[b].slice(k, k + room).join('')}`);
    }
  }
  if (bound > maxWords) fail(`more than ${maxWords} word forms (--max-words); refusing to expand ${dicFile}`);
}
for (let b = 0; b < batches; b++) {
  fs.writeFileSync(path.join(outDir, `batch-${pad(b)}.dic`), out[b].join('\n') + '\n', 'latin1');
}
if (skipped > 0) process.stderr.write(`hunspell-batches: skipped ${skipped} entries unmunch cannot read (a backslash, or longer than ${MAX_LINE - 2} bytes)\n`);
process.stdout.write(`${batches} ${encoding} ${bound}\n`);
