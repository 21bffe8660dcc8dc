"""Helpers for server-mode tests: the deploy fixtures and a `kutip` environment in server mode.

The server is `chroma run` from the chromadb 1.5.9 wheel (`tests.auxil.processes.ChromaServer`):
the Rust server built from the same release as the `chromadb/chroma:1.5.9` image that
docker-compose.yml runs.
"""

from __future__ import annotations

from pathlib import Path

from tests.auxil.processes import ChromaServer, child_env

DEPLOY = Path(__file__).parent
ARTICLES = DEPLOY / "articles"


def server_env(server: ChromaServer, data_dir: Path) -> dict[str, str]:
    """The environment of a `kutip` process in server mode (nothing from the developer's)."""
    return child_env(CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(server.port),
                     KUTIP_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
