"""What a PouchDB 9 database on disk holds, read with PouchDB itself.

run_replicate_js("pull", url, "--target-dir", str(folder), env=credentials)
pouch_leaves(folder)        # {id: {live leaf revisions}} of the database it made there
"""

import json
import subprocess
from pathlib import Path

from sync.devserver.node import node_executable, node_package

_READ = """
const PouchDB = require('pouchdb-core').plugin(require('pouchdb-adapter-leveldb'));
const [prefix, name] = process.argv.slice(1);
(async () => {
  const db = new PouchDB(name, { adapter: 'leveldb', prefix });
  const all = await db.allDocs({ include_docs: true, conflicts: true });
  const out = {};
  for (const row of all.rows) out[row.id] = [row.doc._rev, ...(row.doc._conflicts || [])];
  await db.close();
  process.stdout.write(JSON.stringify(out) + '\\n');
})().catch((err) => { process.stderr.write(String(err) + '\\n'); process.exit(1); });
"""


def pouch_leaves(folder: Path) -> dict[str, set[str]]:
    """The live documents (and their live leaf revisions) of the one PouchDB database that
    ``replicate.js pull --target-dir folder`` left in ``folder``."""
    (database,) = [p for p in folder.iterdir() if p.is_dir()]
    done = subprocess.run(
        [node_executable(), "-e", _READ, str(folder.resolve()) + "/", database.name],
        cwd=node_package(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return {doc_id: set(revs) for doc_id, revs in found.items()}
