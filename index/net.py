"""The network layer under the loader's article and feed fetches.

Fetches refuse loopback, private, link-local, multicast, reserved and unspecified
addresses (anything not globally routable) unless private URLs are allowed: the check is
made on every connection, so on every redirect hop and feed entry, and on the address
actually connected to (the host is resolved here once, each address checked, and the
socket opened to the checked address: a DNS answer that changes between a check and the
connect cannot slip through). TLS still verifies the certificate for the host name.

httpx bounds each socket read, not a request: a server sending one header byte every
1.5 s never trips a 15 s read timeout. Here every connect, TLS handshake, read and write
of a fetch is bounded by what is left of the deadline set with `request_deadline`, so
the deadline covers the whole request (redirects, headers and body). Fetches ignore
proxies set in the environment (the loader's client has `trust_env=False`): a proxy would
make the connections itself, out of reach of this layer.
"""

from __future__ import annotations

import contextvars
import ipaddress
import socket
import ssl
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
import httpx

__all__ = ["AddressRefused", "checked_addresses", "fetch_transport", "refusal", "request_deadline"]

ALLOW_HINT = "set KUTIP_ALLOW_PRIVATE_URLS=true for intranet sources"
# The first that applies names the refusal; anything else not globally routable is "non-public".
_KINDS = ("loopback", "link_local", "multicast", "unspecified", "reserved", "private")

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "kutip_fetch_deadline", default=None)


@contextmanager
def request_deadline(seconds: float) -> Iterator[None]:
    """Bound every network operation inside the block to `seconds` from now, in all."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """`timeout`, shortened to what is left of the deadline; `expired` once it has passed."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every operation ends by the current request's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class AddressRefused(httpcore.ConnectError):
    """A fetch would connect to an address that is not public (and that is not allowed)."""


def refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why fetching from `ip` is refused ("a loopback address"), or None if it is public."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    kind = next((k for k in _KINDS if getattr(ip, f"is_{k}")), None)
    if kind is None and not ip.is_global:
        kind = "non-public"
    if kind is None:
        return None
    article = "an" if kind[0] in "aeiou" else "a"
    return f"{article} {kind.replace('_', '-')} address"


def _resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host} ({exc})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def checked_addresses(host: str, port: int) -> list[str]:
    """The addresses of `host`, each public; `AddressRefused` if any one is not."""
    addresses = _resolve(host, port)
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        why = refusal(ip)
        if why:
            what = f"{ip} is" if address == host else f"{host} resolves to {ip},"
            raise AddressRefused(f"refused: {what} {why} ({ALLOW_HINT})")
    return addresses


class _FetchBackend(httpcore.NetworkBackend):
    """TCP connections for fetches: to public addresses only (unless `allow_private`),
    bounded by the request's deadline."""

    def __init__(self, *, allow_private: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None,
                    ) -> httpcore.NetworkStream:
        if self._allow_private:
            addresses = [host]
        else:
            addresses = checked_addresses(host, port)
        for n, address in enumerate(addresses, start=1):
            try:
                stream = self._inner.connect_tcp(
                    address, port, _bounded(timeout, httpcore.ConnectTimeout),
                    local_address, socket_options)
            except httpcore.ConnectError:
                if n == len(addresses):
                    raise
                continue
            return _DeadlineStream(stream)
        raise httpcore.ConnectError(f"no address for {host}")


def fetch_transport(*, allow_private_urls: bool = False) -> httpx.HTTPTransport:
    """An httpx transport whose connections come from `_FetchBackend`.

    httpx 0.28 takes no network backend, so its connection pool is replaced by an equal
    one that has it (the same defaults `HTTPTransport` gives its own pool).
    """
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
    transport = httpx.HTTPTransport(limits=limits)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_FetchBackend(allow_private=allow_private_urls),
    )
    return transport
