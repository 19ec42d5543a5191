"""Write an archive's storylines, events, duplicate links and headlines as JSON, for
comparing what two trees built from the same input (`cmp` the two files).

    PYTHONPATH=<tree>/src python benchmarks/dump_archive.py a.db /tmp/a.json
"""

from __future__ import annotations

import sys

from compare_write_path import dump

import newsfuse


def main() -> None:
    db, out = sys.argv[1:3]
    with newsfuse.open(db) as nf:
        dump(nf, out)


if __name__ == "__main__":
    main()
