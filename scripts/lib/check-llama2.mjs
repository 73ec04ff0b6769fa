#!/usr/bin/env node
// Parity check for the converted Llama-2 tokenizer.json (scripts/lib/convert-llama2.mjs).
//
// Every non-empty line of the given text files is encoded twice, with special
// tokens off:
//   A: llama-tokenizer-js itself: encode(line, add_bos_token=false, add_preceding_space=true)
//      (its own SentencePiece-style BPE over the embedded Llama-2 data);
//   B: an independent engine reading only the converted tokenizer.json:
//      @lenml/tokenizers (a dependency-free port of transformers.js' tokenizers),
//      encode(line, {add_special_tokens: false}).
// add_preceding_space=true is what the "Prepend ▁" normalizer of the tokenizer.json
// does, so A and B must agree id for id. A short built-in list of edge cases
// (leading/multiple spaces, tabs, newlines, byte fallback, emoji) is checked too.
//
// usage: node scripts/lib/check-llama2.mjs [--tools DIR] [--max-lines N] [--show N]
//            <converted tokenizer.json> <text file>...
// Both npm packages are installed under <cache>/.tools (see tools.mjs), never in the repo.
// Exit status: 0 when there is no mismatch, 1 otherwise.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packedPackage, installedPackage, toolsDir } from './tools.mjs';

const LLAMA_TOKENIZER_JS = ['llama-tokenizer-js', '1.2.2'];
const LENML_TOKENIZERS = ['@lenml/tokenizers', '3.7.2'];

function usage(msg) {
  if (msg) process.stderr.write(`check-llama2: ${msg}\n`);
  process.stderr.write('usage: check-llama2.mjs [--tools DIR] [--max-lines N] [--show N] <tokenizer.json> <text file>...\n');
  process.exit(2);
}

let tools = toolsDir();
let maxLines = Infinity;
let show = 10;
const positional = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--tools') tools = argv[++i];
  else if (a === '--max-lines') maxLines = Number(argv[++i]);
  else if (a === '--show') show = Number(argv[++i]);
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else positional.push(a);
}
const [tokJson, ...files] = positional;
if (!tokJson || files.length === 0) usage('need a tokenizer.json and at least one text file');
if (!fs.existsSync(tokJson)) usage(`no such file: ${tokJson}`);

const llamaPkg = packedPackage(...LLAMA_TOKENIZER_JS, tools);
const lenmlDir = installedPackage(...LENML_TOKENIZERS, tools);
const llama = (await import(pathToFileURL(path.join(llamaPkg, 'llama-tokenizer.js')).href)).default;
const { TokenizerLoader } = await import(pathToFileURL(path.join(lenmlDir, 'dist', 'main.mjs')).href);
// An empty tokenizerConfig selects the generic PreTrainedTokenizer, which follows
// tokenizer.json as written (no LlamaTokenizer "legacy" special-casing).
const hf = TokenizerLoader.fromPreTrained({
  tokenizerJSON: JSON.parse(fs.readFileSync(tokJson, 'utf8')),
  tokenizerConfig: {},
});

const encA = (s) => llama.encode(s, false, true);
const encB = (s) => Array.from(hf.encode(s, { add_special_tokens: false }), Number);

function firstDiff(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

let shown = 0;
function report(where, text, a, b) {
  if (shown++ >= show) return;
  const d = firstDiff(a, b);
  const around = (x) => JSON.stringify(x.slice(Math.max(0, d - 2), d + 4));
  const pieces = (x) => JSON.stringify(x.slice(Math.max(0, d - 2), d + 4).map((id) => llama.vocabById[id]));
  process.stdout.write(
    `MISMATCH ${where}: ${JSON.stringify(text.length > 120 ? text.slice(0, 120) + '…' : text)}\n` +
      `  at token ${d}: llama-tokenizer-js ${around(a)} ${pieces(a)} (${a.length} tokens)\n` +
      `               tokenizer.json     ${around(b)} ${pieces(b)} (${b.length} tokens)\n`,
  );
}

const EDGE_CASES = [
  'Hello world!',
  ' leading space',
  '   three leading spaces',
  'trailing space ',
  'double  space and\ttab',
  'line one\nline two\r\nline three',
  '\n',
  ' ',
  'emoji 😀🦙 and math ∑∫ and a rare CJK 𠀋',
  'byte fallback: \u0000\u0007 ʬ ꙮ',
  'Straße naïve café Ünïcödé',
  'ℌ𝔢𝔩𝔩𝔬 ﬁ ① ｆｕｌｌ ｗｉｄｔｈ',
  'code: for (int i = 0; i < n; i++) { x += y[i]; }',
  '1234567890 3.14159 -42 1e10',
];

let lines = 0;
let mismatches = 0;
let tokensA = 0;
let tokensB = 0;
const perFile = [];
function check(where, text) {
  const a = encA(text);
  const b = encB(text);
  lines++;
  tokensA += a.length;
  tokensB += b.length;
  if (firstDiff(a, b) !== -1) {
    mismatches++;
    report(where, text, a, b);
    return 1;
  }
  return 0;
}

const t0 = Date.now();
let edgeBad = 0;
EDGE_CASES.forEach((s, i) => { edgeBad += check(`edge#${i}`, s); });
perFile.push(['(built-in edge cases)', EDGE_CASES.length, edgeBad]);
for (const f of files) {
  const all = fs.readFileSync(f, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const take = all.slice(0, maxLines);
  let bad = 0;
  take.forEach((l, i) => { bad += check(`${path.basename(f)}:${i + 1}`, l); });
  perFile.push([path.basename(f), take.length, bad]);
}
const secs = ((Date.now() - t0) / 1000).toFixed(1);

for (const [name, n, bad] of perFile) process.stdout.write(`  ${name.padEnd(28)} lines ${String(n).padStart(6)}  mismatches ${bad}\n`);
process.stdout.write(
  `llama2 parity: ${lines} lines compared, ${mismatches} mismatches; ` +
    `tokens llama-tokenizer-js=${tokensA} tokenizer.json=${tokensB} (${secs}s)\n`,
);
process.exit(mismatches === 0 ? 0 : 1);
