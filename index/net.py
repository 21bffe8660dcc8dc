"""The network layer under the loader's article and feed fetches.

httpx bounds each socket read, not a request: a server sending one header byte every
1.5 s never trips a 15 s read timeout. Here every connect, TLS handshake, read and write
of a fetch is bounded by what is left of the deadline set with `request_deadline`, so
the deadline covers the whole request (redirects, headers and body). Fetches ignore
proxies set in the environment (the loader's client has `trust_env=False`): a proxy would
make the connections itself, out of reach of this layer.
"""

from __future__ import annotations

import contextvars
import ssl
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
import httpx

__all__ = ["fetch_transport", "request_deadline"]

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


class _FetchBackend(httpcore.NetworkBackend):
    """TCP connections for fetches: bounded by the request's deadline."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None,
                    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _bounded(timeout, httpcore.ConnectTimeout),
                                         local_address, socket_options)
        return _DeadlineStream(stream)


def fetch_transport() -> httpx.HTTPTransport:
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
        network_backend=_FetchBackend(),
    )
    return transport
