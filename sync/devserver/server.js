#!/usr/bin/env node
// PouchDB Server (express-pouchdb 4.2.0 on PouchDB 9): Caseworker's development central service
// (`caseworker central dev-server`) and the server of its sync tests and benchmarks.
//
// Usage:
//   node server.js [--port N] [--dir DIR] [--adapter leveldb|memory] [--no-compression]
//                  [--exit-with-stdin]
//
// Every option can also come from the environment (an argument wins):
//   CW_PORT            port on 127.0.0.1; 0 (the default) lets the OS choose one
//   CW_DATA_DIR        data folder: leveldb databases and config.json (default ./pouchdb-data)
//   CW_ADAPTER         leveldb (default) or memory (databases vanish with the process)
//   CW_ADMIN_USER      server admin written into config.json (hashed by the server on start)
//   CW_ADMIN_PASSWORD  that admin's password
//   CW_SERVER_LOG      a file for express-pouchdb's CouchDB-style request log (default: none)
//   CW_COMPRESSION     0: never gzip responses (CouchDB 3 does not either). By default
//                      express-pouchdb gzips to clients that accept it, which holds back
//                      continuous _changes lines and heartbeats in the gzip buffer.
//   CW_EXIT_WITH_STDIN 1: exit when standard input closes (the parent process went away)
//
// Once it accepts connections it prints exactly one line on stdout:
//   READY http://127.0.0.1:PORT
// Anything else (warnings, caught crashes) goes to stderr. Exit status 3: the port is taken.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const express = require('express');

// Fixes to express-pouchdb 4.2.0 / PouchDB 9, installed before they load, so that one refused
// or odd request does not wedge the server (or a database) for every test after it (1-3), and
// replicated edits reach a database with validation rules (4):
//
// 1. lib/create-or-delete-dbs.js runs database opens and deletes on one global promise chain
//    with no catch: after one rejection (e.g. DELETE /db by a non-admin, answered 401) every
//    later request that opens a database hangs forever. The replacement keeps the chain alive
//    and only forgets a cached database once it has really been destroyed.
function installDbLifecycleFix() {
  const target = require.resolve('express-pouchdb/lib/create-or-delete-dbs');
  let chain = Promise.resolve();
  function sequentially(fun) {
    const result = chain.then(fun);
    chain = result.catch(() => {});
    return result;
  }
  function cacheOf(PouchDB) {
    if (!PouchDB.__dbCacheMap) PouchDB.__dbCacheMap = new Map();
    return PouchDB.__dbCacheMap;
  }
  function getOrCreateDB(PouchDB, dbName) {
    return sequentially(() => {
      const cache = cacheOf(PouchDB);
      let db = cache.get(dbName);
      if (!db) {
        db = new PouchDB(dbName);
        cache.set(dbName, db);
      }
      return db;
    });
  }
  function deleteDB(PouchDB, dbName, opts) {
    return sequentially(() => {
      const cache = cacheOf(PouchDB);
      const db = cache.get(dbName);
      if (!db) return PouchDB.destroy(dbName, opts);
      return db.destroy(opts).then((result) => {
        if (cache.get(dbName) === db) cache.delete(dbName);
        return result;
      });
    });
  }
  const fixed = new Module(target, module);
  fixed.filename = target;
  fixed.loaded = true;
  fixed.exports = { getOrCreateDB, deleteDB };
  require.cache[target] = fixed;
}
installDbLifecycleFix();

// 2. PUT /db by a non-admin: pouchdb-security makes PouchDB.new() return a rejected promise
//    instead of a database, the route calls db.info() on it and the request never gets an
//    answer. The wrapper turns that into the 401 the refusal carries.
function installCreateDbFix(PouchDB) {
  const securedNew = PouchDB.new;
  PouchDB.new = function (name, options, callback) {
    const result = securedNew.call(this, name, options, callback);
    if (result && typeof result.then === 'function' && typeof result.info !== 'function') {
      return {
        info(cb) {
          result.then(
            () => cb(Object.assign(new Error('database not created'), { status: 500 })),
            (err) => cb(err),
          );
        },
      };
    }
    return result;
  };
}

// 3. GET doc?open_revs=[unknown]&latest=true and _bulk_get?latest=true with a revision the
//    document does not have: pouchdb-merge's latest() throws inside the leveldb adapter's read
//    lock, the lock is never released, and every later read of that database hangs (the
//    uncaughtException handler keeps the process, not the database, alive). CouchDB answers
//    {"missing": rev} there; with the unknown revision passed through, so does this server.
function installLatestRevFix() {
  const merge = require('pouchdb-merge');
  const latest = merge.latest;
  merge.latest = function (rev, metadata) {
    try {
      return latest(rev, metadata);
    } catch (err) {
      return rev;
    }
  };
}
installLatestRevFix();

// 4. pouchdb-validation overwrites every incoming document's `_revisions` with the stored
//    winner's before it validates. For a replicated write (`_bulk_docs` with new_edits:false)
//    that throws away the revision's ancestry: PouchDB then sees a revision it already has and
//    silently stores nothing (201 with []), so no edit of an existing document ever replicates
//    into a database with a validate_doc_update. CouchDB keeps the incoming `_revisions`; with
//    the one line below patched, so does this server (an ordinary edit still gets the old ones).
function installValidationRevisionsFix() {
  const target = require.resolve('pouchdb-validation');
  const source = fs.readFileSync(target, 'utf8');
  const broken = 'newDoc._revisions = (oldDoc || {})._revisions;';
  if (!source.includes(broken)) {
    log('warning: pouchdb-validation changed; its _revisions fix was not applied');
    return;
  }
  const patched = source.replace(
    broken,
    'if (newDoc._revisions === undefined) { newDoc._revisions = (oldDoc || {})._revisions; }',
  );
  const fixed = new Module(target, module);
  fixed.filename = target;
  fixed.paths = Module._nodeModulePaths(path.dirname(target));
  fixed._compile(patched, target);
  fixed.loaded = true;
  require.cache[target] = fixed;
}
installValidationRevisionsFix();

const expressPouchDB = require('express-pouchdb');
const PouchDBCore = require('pouchdb-core');

function parseArgs(argv) {
  const opts = {
    port: process.env.CW_PORT || '0',
    dir: process.env.CW_DATA_DIR || path.resolve('pouchdb-data'),
    adapter: process.env.CW_ADAPTER || 'leveldb',
    exitWithStdin: process.env.CW_EXIT_WITH_STDIN === '1',
    compression: process.env.CW_COMPRESSION !== '0',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--port' || arg === '-p') opts.port = value();
    else if (arg === '--dir' || arg === '-d') opts.dir = value();
    else if (arg === '--adapter') opts.adapter = value();
    else if (arg === '--in-memory') opts.adapter = 'memory';
    else if (arg === '--exit-with-stdin') opts.exitWithStdin = true;
    else if (arg === '--no-compression') opts.compression = false;
    else if (arg === '--help' || arg === '-h') usage(null);
    else usage(`unknown argument: ${arg}`);
  }
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`bad port: ${opts.port}`);
  opts.port = port;
  if (opts.adapter !== 'leveldb' && opts.adapter !== 'memory') {
    usage(`bad adapter: ${opts.adapter}`);
  }
  opts.dir = path.resolve(opts.dir);
  return opts;
}

function usage(error) {
  const text =
    'usage: node server.js [--port N] [--dir DIR] [--adapter leveldb|memory] ' +
    '[--no-compression] [--exit-with-stdin]\n';
  if (error) {
    process.stderr.write(`server.js: ${error}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

function log(message) {
  process.stderr.write(`[server.js ${new Date().toISOString()}] ${message}\n`);
}

// express-pouchdb has promise chains without a catch and callbacks that throw (for example
// GET doc?open_revs=[unknown]&latest=true). Without these handlers one bad request kills the
// server for every test after it. The request that failed may never get an answer: clients
// must use their own timeouts.
process.on('uncaughtException', (err) => {
  log(`uncaughtException (still serving): ${err && err.stack ? err.stack : err}`);
});
process.on('unhandledRejection', (reason) => {
  log(`unhandledRejection (still serving): ${reason && reason.stack ? reason.stack : reason}`);
});

// The admin from the environment goes into config.json before express-pouchdb reads it; a
// plain-text password there is replaced by a PBKDF2 hash when the server loads the file.
function prepareConfig(configPath) {
  let config = {};
  if (fs.existsSync(configPath)) {
    config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  }
  const user = process.env.CW_ADMIN_USER;
  const password = process.env.CW_ADMIN_PASSWORD;
  if (user && password) {
    config.admins = config.admins || {};
    config.admins[user] = password;
  }
  if (!config.admins || Object.keys(config.admins).length === 0) {
    log('warning: no admin configured: the server is in "admin party" mode');
  }
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.dir, { recursive: true });
  const configPath = path.join(opts.dir, 'config.json');
  prepareConfig(configPath);

  const BasePouchDB = PouchDBCore.plugin(require('pouchdb-adapter-leveldb'))
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'));
  const PouchDB =
    opts.adapter === 'memory'
      ? BasePouchDB.defaults({ adapter: 'memory' })
      : BasePouchDB.defaults({ prefix: opts.dir + path.sep });

  // fullCouchDB is the mode with _users, _session, _security and validate_doc_update
  // (minimumForPouchDB has none of them). Fauxton and the log routes are left out; the log
  // itself cannot be (authentication needs the logger), so it goes to /dev/null by default.
  const serverLog = process.env.CW_SERVER_LOG || '';
  const exclude = ['routes/fauxton', 'routes/log'];
  if (!serverLog) exclude.push('routes/http-log');
  if (!opts.compression) exclude.push('compression');
  const pouchApp = expressPouchDB({
    mode: 'fullCouchDB',
    configPath,
    logPath: serverLog || os.devNull,
    overrideMode: { exclude },
  });
  // Start the daemons (_users database, plugins) before accepting connections.
  await pouchApp.setPouchDB(PouchDB);
  installCreateDbFix(PouchDB);

  const app = express();
  app.disable('x-powered-by');
  app.use('/', pouchApp);

  const server = app.listen(opts.port, '127.0.0.1');
  // Node's 5 s default closes idle keep-alive connections that a client's pool (requests,
  // PouchDB) is about to reuse: a request sent at that moment fails with ECONNRESET.
  server.keepAliveTimeout = 65 * 1000;
  server.headersTimeout = 66 * 1000;
  // Long-poll _changes can stay open indefinitely (express-pouchdb ignores `timeout`).
  server.requestTimeout = 0;
  server.on('error', (err) => {
    log(`cannot listen on 127.0.0.1:${opts.port}: ${err.message}`);
    // 3 tells a launcher that picked the port itself to try another one.
    process.exit(err.code === 'EADDRINUSE' ? 3 : 1);
  });
  server.on('listening', () => {
    const port = server.address().port;
    process.stdout.write(`READY http://127.0.0.1:${port}\n`);
  });

  let stopping = false;
  const shutdown = (why) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${why})`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (opts.exitWithStdin) {
    process.stdin.on('end', () => shutdown('stdin closed'));
    process.stdin.on('error', () => shutdown('stdin error'));
    process.stdin.resume();
  }
}

main().catch((err) => {
  log(`failed to start: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
