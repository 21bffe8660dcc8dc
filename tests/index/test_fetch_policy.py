"""Fetches refuse non-public addresses on every hop (issue 13, item 6).

A local server on 127.0.0.1 stands in for both sides. To let a test have a "public" site
that redirects or links to an internal one, 127.0.0.1 is made to count as public
(`public_loopback`) while 127.0.0.2 (also loopback, where nothing listens) stays internal:
a refusal there is the check at work, not a failed connection.
"""

from __future__ import annotations

import http.server
import ipaddress
import socket
from collections.abc import Iterator
from typing import ClassVar

import pytest

import index.net
from index._article import Article
from index.loaders import Loader
from kutip.errors import LoadError
from kutip.settings import load_settings
from tests.auxil.http import local_site, send_body
from tests.conftest import FIXTURES

ARTICLE_HTML = (FIXTURES / "articles" / "election.html").read_bytes()
HINT = "(set KUTIP_ALLOW_PRIVATE_URLS=true for intranet sources)"


class _Site(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        _Site.requests.append(self.path)
        port = self.server.server_address[1]
        if self.path == "/to-internal":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.2:{port}/internal")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/feed":
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    f"<item><title>In</title><link>http://127.0.0.2:{port}/internal</link></item>"
                    f"<item><title>Out</title><link>http://127.0.0.1:{port}/article</link></item>"
                    "</channel></rss>").encode()
            ctype = "application/rss+xml"
        else:
            body, ctype = ARTICLE_HTML, "text/html; charset=utf-8"
        send_body(self, body, ctype)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with local_site(_Site) as base:
        yield base


@pytest.fixture
def public_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 counts as a public address for the test; every other address as before."""
    real = index.net.refusal
    monkeypatch.setattr(index.net, "refusal",
                        lambda ip: None if ip == ipaddress.ip_address("127.0.0.1") else real(ip))


def _load(url: str, **kwargs: object) -> list[Article | LoadError]:
    loader = Loader(http_timeout=5, **kwargs)
    try:
        return list(loader.load(url))
    finally:
        loader.close()


def test_a_loopback_url_is_refused_before_any_request(site: str) -> None:
    _Site.requests.clear()
    [item] = _load(f"{site}/article")
    assert isinstance(item, LoadError)
    assert item.reason == f"refused: 127.0.0.1 is a loopback address {HINT}"
    assert _Site.requests == []


@pytest.mark.parametrize(("url", "reason"), [
    pytest.param("http://10.0.0.7/news", "10.0.0.7 is a private address", id="private"),
    pytest.param("http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local "
                 "address", id="cloud-metadata"),
    pytest.param("http://224.0.0.1/", "224.0.0.1 is a multicast address", id="multicast"),
    pytest.param("http://0.0.0.0/", "0.0.0.0 is an unspecified address", id="unspecified"),
    pytest.param("http://240.0.0.1/", "240.0.0.1 is a reserved address", id="reserved"),
    pytest.param("http://[::1]/", "::1 is a loopback address", id="ipv6-loopback"),
    pytest.param("http://[fd00::5]/", "fd00::5 is a private address", id="ipv6-private"),
    pytest.param("http://localhost/", "localhost resolves to 127.0.0.1, a loopback address",
                 id="name-for-loopback"),
])
def test_every_kind_of_internal_address_is_refused_with_its_name(url: str, reason: str) -> None:
    [item] = _load(url)
    assert isinstance(item, LoadError) and item.reason == f"refused: {reason} {HINT}"


def test_a_redirect_to_an_internal_address_is_refused(site: str, public_loopback: None) -> None:
    _Site.requests.clear()
    [item] = _load(f"{site}/to-internal")
    assert isinstance(item, LoadError) and item.source == f"{site}/to-internal"
    assert item.reason == f"refused: 127.0.0.2 is a loopback address {HINT}"
    assert _Site.requests == ["/to-internal"]


def test_a_feed_entry_on_an_internal_address_is_refused_and_the_others_load(
    site: str, public_loopback: None
) -> None:
    items = _load(f"{site}/feed")
    assert [type(i) for i in items] == [LoadError, Article]
    assert items[0].reason == f"refused: 127.0.0.2 is a loopback address {HINT}"
    assert items[1].url == f"{site}/article"


def test_the_address_checked_is_the_address_connected_to(
    site: str, public_loopback: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name answers a public address once, an internal one after."""
    port = int(site.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1"])  # then 127.0.0.2: loopback, nothing listens there

    def rebinding(host: object, *args: object, **kwargs: object) -> list:
        if host != "news.rebind.test":
            return real(host, *args, **kwargs)
        address = next(answers, "127.0.0.2")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    [item] = _load(f"http://news.rebind.test:{port}/article")
    assert isinstance(item, Article), item  # connected to the address that was checked
    assert next(answers, None) is None


def test_private_urls_are_fetched_when_allowed(site: str) -> None:
    [item] = _load(f"{site}/article", allow_private_urls=True)
    assert isinstance(item, Article) and "Mayor Lena Hart" in item.text


def test_the_setting_is_off_by_default_and_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KUTIP_ALLOW_PRIVATE_URLS", raising=False)
    assert load_settings().allow_private_urls is False
    monkeypatch.setenv("KUTIP_ALLOW_PRIVATE_URLS", "true")
    assert load_settings().allow_private_urls is True
