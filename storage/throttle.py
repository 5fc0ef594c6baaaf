"""Throttling of the staff password: a growing wait after wrong passwords, then a lock-out (no Streamlit).

Every attempt counts against two records: the browser session's (a random id the page makes, no personal
data) and the server process's (all sessions together, so a fresh session or a reloaded page resets
nothing). A record follows its :class:`Policy`, over the wrong attempts of the last ``window`` seconds:

* the first ``free`` wrong attempts cost nothing;
* after the k-th wrong attempt beyond those, the next attempt is accepted only ``first_delay × 2^(k−1)``
  seconds (at most ``max_delay``) after it: 1, 2, 4, 8 … s;
* the ``lockout``-th wrong attempt locks the record for ``window`` seconds; after that it starts afresh.

While either record says wait, every attempt is refused without looking at the password, even the
right one. A right password clears the session's record; the process's record only forgets with
time (the right password in one session says nothing about guesses in another). Refused attempts
do not count as wrong ones: the password was not tried.

The check of the password runs under the store's lock, so attempts sent in parallel cannot all pass
before the first of them is counted. Each wrong or refused attempt is logged (``logging``, logger
``storage.throttle``) with the session's random id and the counts; never the password.
The clock is injectable (tests do not sleep); by default ``time.monotonic``.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

#: the process's record: every session together
PROCESS = "*"


@dataclass(frozen=True)
class Policy:
    #: wrong attempts within the window that cost nothing
    free: int
    #: the wait after the first wrong attempt beyond the free ones (s); it doubles with each further one
    first_delay: float
    #: the longest such wait (s)
    max_delay: float
    #: this many wrong attempts within the window lock the record for the window
    lockout: int
    #: seconds over which wrong attempts are counted, and how long a lock-out lasts
    window: float

    def delay(self, wrong: int) -> float:
        """The wait after the ``wrong``-th wrong attempt of the window (0 for the free ones)."""
        beyond = wrong - self.free
        if beyond <= 0:
            return 0.0
        return min(self.first_delay * 2.0 ** (beyond - 1), self.max_delay)


#: one browser session: 3 free, then 1, 2, 4, 8, 16, 32 s; the 10th wrong one within 15 minutes locks for 15 minutes
SESSION_POLICY = Policy(free=3, first_delay=1.0, max_delay=60.0, lockout=10, window=15 * 60.0)
#: the whole server process (every session): 10 free, then 1, 2, 4 … 60 s; 30 within 15 minutes lock for 15 minutes
PROCESS_POLICY = Policy(free=10, first_delay=1.0, max_delay=60.0, lockout=30, window=15 * 60.0)


@dataclass(frozen=True)
class Wait:
    """How long until the next attempt is accepted (0: now), and whether that is a lock-out."""

    seconds: float = 0.0
    locked: bool = False

    def __bool__(self) -> bool:
        return self.seconds > 0

    @property
    def whole_seconds(self) -> int:
        """The wait rounded up to whole seconds, as people are told it."""
        return math.ceil(self.seconds - 1e-9) if self.seconds > 0 else 0


@dataclass
class _Record:
    failures: list[float] = field(default_factory=list)
    locked_until: float = float("-inf")


class Throttle:
    """Wrong attempts per key under one :class:`Policy`. Not thread-safe by itself: see :class:`PasswordThrottle`."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._records: dict[str, _Record] = {}

    def _record(self, key: str, now: float) -> _Record | None:
        record = self._records.get(key)
        if record is None:
            return None
        horizon = now - self.policy.window
        record.failures = [moment for moment in record.failures if moment > horizon]
        if not record.failures and record.locked_until <= now:
            del self._records[key]  # nothing left to remember
            return None
        return record

    def wrong_attempts(self, key: str, now: float) -> int:
        """Wrong attempts of ``key`` within the window (0 after a lock-out started)."""
        record = self._record(key, now)
        return len(record.failures) if record else 0

    def wait(self, key: str, now: float) -> Wait:
        record = self._record(key, now)
        if record is None:
            return Wait()
        if record.locked_until > now:
            return Wait(record.locked_until - now, locked=True)
        if not record.failures:
            return Wait()
        until = record.failures[-1] + self.policy.delay(len(record.failures))
        return Wait(until - now) if until > now else Wait()

    def failed(self, key: str, now: float) -> Wait:
        """Count a wrong attempt; the wait it brings."""
        record = self._record(key, now)
        if record is None:
            record = self._records[key] = _Record()
        record.failures.append(now)
        if len(record.failures) >= self.policy.lockout:
            record.locked_until = now + self.policy.window
            record.failures.clear()
        return self.wait(key, now)

    def forget(self, key: str) -> None:
        self._records.pop(key, None)

    def sweep(self, now: float) -> None:
        """Drop every record with nothing left to remember (the store stays as small as the recent attempts)."""
        for key in list(self._records):
            self._record(key, now)


@dataclass(frozen=True)
class Attempt:
    #: the password was right (and was checked)
    ok: bool
    #: the password was not checked: the session or the process had to wait
    refused: bool = False
    #: the wait in force after this attempt (for a refused one: the wait that refused it)
    wait: Wait = field(default_factory=Wait)


class PasswordThrottle:
    """The staff password's store: one record per session and one for the process; thread-safe."""

    def __init__(self, session_policy: Policy = SESSION_POLICY, process_policy: Policy = PROCESS_POLICY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.sessions = Throttle(session_policy)
        self.process = Throttle(process_policy)
        #: seconds, only ever compared with each other (``time.monotonic`` by default)
        self.clock = clock
        self._lock = threading.Lock()

    def _wait(self, session: str, now: float) -> Wait:
        waits = [w for w in (self.sessions.wait(session, now), self.process.wait(PROCESS, now)) if w]
        if not waits:
            return Wait()
        return Wait(max(w.seconds for w in waits), locked=any(w.locked for w in waits))

    def wait(self, session: str) -> Wait:
        """How long ``session`` must wait before its next attempt is accepted."""
        with self._lock:
            return self._wait(session, self.clock())

    def attempt(self, session: str, check: Callable[[], bool]) -> Attempt:
        """Run ``check`` (is the password right?) unless ``session`` or the process has to wait."""
        with self._lock:
            now = self.clock()
            self.sessions.sweep(now)
            waiting = self._wait(session, now)
            if waiting:
                log.warning("staff password: attempt refused unchecked (session %s): %s %d s more", session,
                            "locked out for" if waiting.locked else "throttled for", waiting.whole_seconds)
                return Attempt(ok=False, refused=True, wait=waiting)
            if check():
                self.sessions.forget(session)
                return Attempt(ok=True)
            self.sessions.failed(session, now)
            self.process.failed(PROCESS, now)
            waiting = self._wait(session, now)
            log.warning(
                "staff password: wrong attempt (session %s): %d wrong in the last %d min in this session, %d in this "
                "process; %s", session, self._recent(self.sessions, session, now),
                round(self.sessions.policy.window / 60), self._recent(self.process, PROCESS, now),
                ("locked out for %d s" if waiting.locked else "next attempt in %d s") % waiting.whole_seconds
                if waiting else "next attempt accepted now",
            )
            return Attempt(ok=False, wait=waiting)

    @staticmethod
    def _recent(throttle: Throttle, key: str, now: float) -> int:
        """Wrong attempts counted in the window; a lock-out that just began counts as the full ``lockout``."""
        count = throttle.wrong_attempts(key, now)
        return throttle.policy.lockout if count == 0 and throttle.wait(key, now).locked else count


#: the store of this server process (every session of the app shares it)
STAFF_PASSWORD = PasswordThrottle()
