"""A fetched feed body is parsed as data, never opened as a path or URL (issue 13, item 5).

`feedparser.parse(bytes)` first tries `open(body)`: a body reading `/dev/zero` ate memory
until the kernel killed the process (24 GB), and a body naming a local feed file made kutip
parse that file. The memory probe runs in a child process under an address-space cap.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import httpx

from index.loaders import Loader
from kutip.errors import LoadError

MEMORY_CAP = 1 << 30  # 1 GiB of address space for the child: plenty to parse a tiny feed

CHILD = """
import httpx
from index.loaders import Loader

def feed(request):
    return httpx.Response(200, stream=httpx.ByteStream(b"/dev/zero"),
                          headers={"Content-Type": "application/rss+xml"})

loader = Loader(http_client=httpx.Client(transport=httpx.MockTransport(feed)))
for item in loader.load("https://feeds.example.org/rss"):
    print(type(item).__name__, getattr(item, "reason", ""))
"""


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def test_a_feed_body_naming_dev_zero_is_not_read_from_disk() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], preexec_fn=_cap_memory,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["LoadError feed has no entries"]


def test_a_feed_body_naming_a_local_feed_file_is_not_parsed_as_that_file(
    tmp_path: Path,
) -> None:
    local = tmp_path / "secret.xml"
    local.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                     "<item><title>Secret</title><link>https://intranet.example/secret</link>"
                     "</item></channel></rss>")
    requested: list[str] = []

    def serve(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(200, stream=httpx.ByteStream(str(local).encode()),
                              headers={"Content-Type": "application/rss+xml"})

    loader = Loader(http_client=httpx.Client(transport=httpx.MockTransport(serve)))
    items = list(loader.load("https://feeds.example.org/rss"))
    assert [(type(i), i.reason) for i in items] == [(LoadError, "feed has no entries")]
    assert requested == ["https://feeds.example.org/rss"]  # the file's entry was never fetched
