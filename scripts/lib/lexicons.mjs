#!/usr/bin/env node
// Reads conf/lexicons.yaml (the YAML subset of conf/tokenizers.yaml: see registry.mjs) and prints it for
// scripts/fetch-lexicons.
//
// usage: node lexicons.mjs <lexicons.yaml>
// Output: a first line "#cache_dir_env <VAR>", then one tab-separated line per word list, in file order:
//   name  lang  kind  package  version  path  aff  encoding  tools  tools_version  sha256
// kind is deb (a word list file inside a Debian package) or hunspell (a .dic/.aff pair expanded with
// unmunch from the tools package); unused columns are "-".

import fs from 'node:fs';
import { parseYaml } from './registry.mjs';

class LexiconError extends Error {}

function rows(doc) {
  const lex = doc.lexicons;
  if (!lex || typeof lex !== 'object') throw new LexiconError('no "lexicons:" mapping');
  const out = [];
  for (const [name, e] of Object.entries(lex)) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
      throw new LexiconError(`lexicon name ${JSON.stringify(name)}: use [a-z0-9_-] (no '.' or '/': those mean paths)`);
    }
    if (!e || typeof e !== 'object') throw new LexiconError(`lexicon ${name}: not a mapping`);
    if (!/^[a-z]{3}_[A-Z][a-z]{3}$/.test(e.lang || '')) throw new LexiconError(`lexicon ${name}: lang must be a FLORES code such as tur_Latn`);
    const s = e.source;
    if (!s || typeof s !== 'object') throw new LexiconError(`lexicon ${name}: needs a source`);
    let cells;
    if (s.deb) {
      if (!s.version || !s.path) throw new LexiconError(`lexicon ${name}: a deb source needs version and path`);
      cells = ['deb', s.deb, s.version, s.path, '-', s.encoding || 'UTF-8', '-', '-'];
    } else if (s.hunspell) {
      if (!s.version || !s.dic || !s.aff || !s.tools || !s.tools_version) {
        throw new LexiconError(`lexicon ${name}: a hunspell source needs version, dic, aff, tools and tools_version`);
      }
      cells = ['hunspell', s.hunspell, s.version, s.dic, s.aff, '-', s.tools, s.tools_version];
    } else {
      throw new LexiconError(`lexicon ${name}: source needs deb or hunspell`);
    }
    const sha = String(e.sha256 || '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new LexiconError(`lexicon ${name}: sha256 must be 64 hex digits`);
    const line = [name, e.lang, ...cells.map(String), sha];
    if (line.some((c) => /[\t\n]/.test(c))) throw new LexiconError(`lexicon ${name}: tab or newline in a field`);
    out.push(line.join('\t'));
  }
  return out;
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: lexicons.mjs <lexicons.yaml>\n');
  process.exit(2);
}
try {
  const doc = parseYaml(fs.readFileSync(file, 'utf8'));
  process.stdout.write(`#cache_dir_env\t${doc.cache_dir_env || 'TOKENOMETRY_LEXICON_CACHE'}\n`);
  for (const r of rows(doc)) process.stdout.write(r + '\n');
} catch (e) {
  if (e instanceof LexiconError || e.name === 'Error' || e.code === 'ENOENT') {
    process.stderr.write(`${file}: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
