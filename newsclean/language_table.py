"""Rebuild the news-prose character table (``newsclean.language``) from a JSONL corpus.

    python -m newsclean.language_table ARTICLES.jsonl newsclean/data/hanzi_pairs.tsv.gz

One article a line, with ``title`` and ``paragraphs`` (``make language-table`` does this for
the benchmark corpus).
"""

from __future__ import annotations

import json
import sys

from .language import build_table, write_table


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(
            "usage: python -m newsclean.language_table ARTICLES.jsonl OUT.tsv.gz", file=sys.stderr
        )
        return 2
    with open(argv[0], encoding="utf-8") as f:
        rows = build_table(json.loads(line) for line in f if line.strip())
    write_table(rows, argv[1])
    print(f"{len(rows)} entries written to {argv[1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
