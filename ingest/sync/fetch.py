"""Polite HTTP for syncing: a User-Agent naming minutebook, timeouts, at most one request a second to
a host (by default), and retries with growing waits on 429 and 5xx answers and on dropped connections.
Every failure is a SyncError whose message says what happened and what to do."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from minutebook import __version__

USER_AGENT = f"minutebook/{__version__} (council papers search; +https://pypi.org/project/minutebook/)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class SyncError(RuntimeError):
    """A source that cannot be synced; the message is shown to the user as it is."""


@dataclass
class Fetcher:
    interval: float = 1.0  # seconds between two requests to one host
    retries: int = 3
    backoff: float = 2.0  # first wait before a retry, doubled each time (a Retry-After header wins)
    timeout: float = 30.0
    requests: int = 0  # requests made, retries included
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def get(self, url: str, params: dict | None = None) -> httpx.Response:
        """The response to GET ``url`` (status 200), after waiting its host's turn and retrying
        what may pass; a SyncError otherwise."""
        if self._client is None:
            self._client = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=self.timeout, follow_redirects=True)
        host = urlsplit(url).netloc
        wait = self.backoff
        for attempt in range(self.retries + 1):
            pause = self._last.get(host, 0.0) + self.interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._last[host] = time.monotonic()
            self.requests += 1
            try:
                response = self._client.get(url, params=params)
            except httpx.TimeoutException:
                problem = f"{host} did not answer within {self.timeout:.0f} s"
            except httpx.HTTPError as exc:
                problem = f"cannot reach {host} ({exc.__class__.__name__}: {exc})"
            else:
                if response.status_code == 200:
                    return response
                problem = f"{host} answered {response.status_code} for {response.url}"
                if response.status_code not in RETRY_STATUSES:
                    raise SyncError(f"{problem}; check the address")
                after = response.headers.get("Retry-After", "")
                wait = float(after) if after.isdigit() else wait
            if attempt < self.retries:
                time.sleep(wait)
                wait *= 2
        raise SyncError(f"{problem}, {self.retries + 1} tries; try again later")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
