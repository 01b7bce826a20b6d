#!/usr/bin/env node
// PouchDB 9's own replicator and client, driven from node: the yardstick for Caseworker's sync
// benchmarks and the "made by someone else" side of its interop tests.
//
//   node replicate.js pull SOURCE_URL [--target-dir DIR | --memory]
//                          [--batch-size N] [--batches-limit N]
//       Replicates SOURCE_URL into a fresh local database (leveldb in DIR, or a temporary
//       folder that is removed afterwards; or in memory) and prints one JSON line:
//       {"docs_written": N, "seconds": S, "cpu_seconds": C}
//       (S: the replication alone, not node's start-up; C: this process's CPU time meanwhile)
//
//   node replicate.js write URL DOCS_JSON_FILE [--put] [--chunk-size N]
//       Writes the documents of DOCS_JSON_FILE (a JSON array, or {"docs": [...]}) to the
//       database at URL with PouchDB's HTTP client, so revisions are made by PouchDB:
//       bulkDocs in chunks (default), or one put() per document with --put. Prints one line:
//       {"docs_written": N, "results": [{"id": ..., "rev": ...} | {"id": ..., "error": ...}]}
//
// Credentials: in the URL (http://user:password@127.0.0.1:PORT/db) or from the environment,
// CW_REMOTE_USER and CW_REMOTE_PASSWORD.
// Exit status: 0 all done; 1 a document was refused or the replication failed; 2 bad usage.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-leveldb'))
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));

const USAGE =
  'usage:\n' +
  '  node replicate.js pull SOURCE_URL [--target-dir DIR | --memory] ' +
  '[--batch-size N] [--batches-limit N]\n' +
  '  node replicate.js write URL DOCS_JSON_FILE [--put] [--chunk-size N]\n';

function usage(error) {
  process.stderr.write(`replicate.js: ${error}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const positional = [];
  const flags = {};
  const valued = new Set(['--target-dir', '--batch-size', '--batches-limit', '--chunk-size']);
  const boolean = new Set(['--memory', '--put']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (valued.has(arg)) {
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      flags[arg.slice(2)] = argv[++i];
    } else if (boolean.has(arg)) {
      flags[arg.slice(2)] = true;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) {
      usage(`unknown option: ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function positiveInt(flags, name, fallback) {
  if (flags[name] === undefined) return fallback;
  const n = Number(flags[name]);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer`);
  return n;
}

// Credentials are taken out of the URL and given to PouchDB as `auth`, so they never appear in
// an error message that quotes the URL.
function remote(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch (err) {
    usage(`not a URL: ${url}`);
  }
  let username = decodeURIComponent(parsed.username);
  let password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  if (!username && process.env.CW_REMOTE_USER) {
    username = process.env.CW_REMOTE_USER;
    password = process.env.CW_REMOTE_PASSWORD || '';
  }
  const opts = { skip_setup: true };
  if (username) opts.auth = { username, password };
  return new PouchDB(parsed.toString().replace(/\/$/, ''), opts);
}

async function pull(positional, flags) {
  if (positional.length !== 1) usage('pull needs exactly one SOURCE_URL');
  if (flags.memory && flags['target-dir']) usage('--memory and --target-dir exclude each other');
  const batchSize = positiveInt(flags, 'batch-size', 100);
  const batchesLimit = positiveInt(flags, 'batches-limit', 10);
  const source = remote(positional[0]);
  const name = `pull-${crypto.randomBytes(6).toString('hex')}`;

  let tempDir = null;
  let target;
  if (flags.memory) {
    target = new PouchDB(name, { adapter: 'memory' });
  } else {
    let dir = flags['target-dir'];
    if (!dir) {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-replicate-'));
      dir = tempDir;
    }
    fs.mkdirSync(dir, { recursive: true });
    target = new PouchDB(name, { adapter: 'leveldb', prefix: path.resolve(dir) + path.sep });
  }

  try {
    await target.info(); // open the local store before the clock starts
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const result = await PouchDB.replicate(source, target, {
      batch_size: batchSize,
      batches_limit: batchesLimit,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore); // this process's threads, user + system
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (result.doc_write_failures > 0 || (result.errors && result.errors.length > 0)) {
      process.stderr.write(`replicate.js: ${result.doc_write_failures} write failures\n`);
      process.exitCode = 1;
    }
    process.stdout.write(
      JSON.stringify({
        docs_written: result.docs_written,
        seconds: round(seconds),
        cpu_seconds: round(cpuSeconds),
      }) + '\n',
    );
  } finally {
    await target.close().catch(() => {});
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

function round(seconds) {
  return Math.round(seconds * 1e6) / 1e6;
}

async function write(positional, flags) {
  if (positional.length !== 2) usage('write needs URL and DOCS_JSON_FILE');
  const [url, file] = positional;
  const chunkSize = positiveInt(flags, 'chunk-size', 1000);
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    usage(`cannot read ${file}: ${err.message}`);
  }
  const docs = Array.isArray(parsed) ? parsed : parsed && parsed.docs;
  if (!Array.isArray(docs)) usage(`${file} holds neither a JSON array nor {"docs": [...]}`);

  const db = remote(url);
  const results = [];
  if (flags.put) {
    for (const doc of docs) {
      try {
        const r = await db.put(doc);
        results.push({ id: r.id, rev: r.rev });
      } catch (err) {
        results.push(failure(doc._id, err));
      }
    }
  } else {
    for (let i = 0; i < docs.length; i += chunkSize) {
      const chunk = docs.slice(i, i + chunkSize);
      const answer = await db.bulkDocs(chunk);
      // PouchDB Server does not answer in request order: report what it says, by id.
      for (const r of answer) {
        results.push(r.error ? failure(r.id, r) : { id: r.id, rev: r.rev });
      }
    }
  }
  const written = results.filter((r) => !r.error).length;
  if (written !== docs.length) process.exitCode = 1;
  process.stdout.write(JSON.stringify({ docs_written: written, results }) + '\n');
}

function failure(id, err) {
  return {
    id: id === undefined ? null : id,
    error: err.name || err.error || 'error',
    reason: err.reason || err.message || String(err),
    status: err.status,
  };
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { positional, flags } = parseArgs(rest);
  if (command === 'pull') return pull(positional, flags);
  if (command === 'write') return write(positional, flags);
  if (command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return undefined;
  }
  return usage(command ? `unknown command: ${command}` : 'no command');
}

main().catch((err) => {
  const status = err && err.status ? ` (HTTP ${err.status})` : '';
  process.stderr.write(`replicate.js: ${err && err.message ? err.message : err}${status}\n`);
  process.exitCode = 1;
});
