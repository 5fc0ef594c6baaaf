"""Throttling of the staff password (``storage.throttle``): hand-computed waits, the lock-out, what resets
a record, the process-wide record, parallel attempts, the log. A fake clock: nothing sleeps."""

from __future__ import annotations

import logging
import threading

import pytest

from storage.throttle import PROCESS_POLICY, SESSION_POLICY, Attempt, PasswordThrottle, Policy, Throttle, Wait
from tests.storage_helpers import FakeClock


def wrong() -> bool:
    return False


def right() -> bool:
    return True


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clock: FakeClock) -> PasswordThrottle:
    return PasswordThrottle(clock=clock)


def test_the_policies_are_the_documented_ones() -> None:
    def fields(p: Policy) -> tuple:
        return p.free, p.first_delay, p.max_delay, p.lockout, p.window

    assert fields(SESSION_POLICY) == (3, 1, 60, 10, 900)
    assert fields(PROCESS_POLICY) == (10, 1, 60, 30, 900)
    # waits after the 1st … 9th wrong attempt of a session: 3 free, then doubling from one second
    assert [SESSION_POLICY.delay(n) for n in range(1, 10)] == [0, 0, 0, 1, 2, 4, 8, 16, 32]
    # the process's waits stop growing at a minute
    assert [PROCESS_POLICY.delay(n) for n in (10, 11, 12, 16, 17, 18, 29)] == [0, 1, 2, 32, 60, 60, 60]


def test_growing_waits_then_a_lock_out_of_fifteen_minutes(store: PasswordThrottle, clock: FakeClock) -> None:
    start = clock.now
    for _ in range(3):  # free
        assert store.attempt("s1", wrong) == Attempt(ok=False, refused=False, wait=Wait())
    # the 4th: 1 s; then each accepted attempt as soon as allowed: 2, 4, 8, 16, 32 s
    expected = [1, 2, 4, 8, 16, 32]
    for seconds in expected:
        attempt = store.attempt("s1", wrong)
        assert (attempt.ok, attempt.refused, attempt.wait) == (False, False, Wait(seconds)), seconds
        clock.advance(seconds)
    assert clock.now - start == sum(expected) == 63
    # the 10th wrong password within 15 minutes: locked for 15 minutes
    attempt = store.attempt("s1", wrong)
    assert attempt.wait == Wait(900.0, locked=True)
    clock.advance(899.5)
    assert store.wait("s1") == Wait(0.5, locked=True)
    clock.advance(0.5)
    assert store.wait("s1") == Wait()
    assert store.attempt("s1", wrong).wait == Wait()  # afresh: the free attempts again


def test_while_waiting_even_the_right_password_is_refused_unchecked(store: PasswordThrottle, clock: FakeClock) -> None:
    for _ in range(4):
        store.attempt("s1", wrong)
    checked = []

    def counting_right() -> bool:
        checked.append(True)
        return True

    clock.advance(0.25)
    refused = store.attempt("s1", counting_right)
    assert (refused.ok, refused.refused, refused.wait) == (False, True, Wait(0.75))
    assert not checked, "a refused attempt does not look at the password"
    clock.advance(0.75)
    assert store.attempt("s1", counting_right).ok
    assert checked == [True]


def test_refused_attempts_do_not_count_as_wrong_ones(store: PasswordThrottle, clock: FakeClock) -> None:
    for _ in range(4):
        store.attempt("s1", wrong)  # wait 1 s
    for _ in range(20):
        assert store.attempt("s1", wrong).refused
    clock.advance(1)
    assert store.attempt("s1", wrong).wait == Wait(2)  # the 5th wrong one, not the 25th


def test_the_right_password_clears_the_sessions_record(store: PasswordThrottle, clock: FakeClock) -> None:
    for _ in range(5):
        store.attempt("s1", wrong)
        clock.advance(2)
    assert store.attempt("s1", right).ok
    for _ in range(3):
        assert store.attempt("s1", wrong).wait == Wait()  # free again
    assert store.attempt("s1", wrong).wait == Wait(1)


def test_wrong_attempts_older_than_the_window_are_forgotten(store: PasswordThrottle, clock: FakeClock) -> None:
    for _ in range(3):
        store.attempt("s1", wrong)
    clock.advance(500)
    assert store.attempt("s1", wrong).wait == Wait(1)  # the 4th within 15 minutes
    clock.advance(400.5)  # the first three are now older than 900 s
    assert store.sessions.wrong_attempts("s1", clock.now) == 1
    assert store.attempt("s1", wrong).wait == Wait()  # the 2nd within the window: free
    clock.advance(900)
    assert store.sessions.wrong_attempts("s1", clock.now) == 0
    assert not store.sessions._records, "nothing old is kept"


def test_sessions_are_counted_apart_and_together(clock: FakeClock) -> None:
    process = Policy(free=5, first_delay=1.0, max_delay=60.0, lockout=8, window=900.0)
    store = PasswordThrottle(process_policy=process, clock=clock)
    for _ in range(3):
        assert store.attempt("a", wrong).wait == Wait()
    for _ in range(2):
        assert store.attempt("b", wrong).wait == Wait()
    # b's own third is free, but it is the process's 6th: everyone waits, a new session too
    assert store.attempt("b", wrong).wait == Wait(1)
    assert store.sessions.wait("b", clock.now) == Wait()
    assert store.wait("c") == Wait(1)
    assert store.attempt("c", right).refused
    clock.advance(1)
    assert store.attempt("c", right).ok
    assert store.wait("a") == Wait(), "the right password elsewhere does not clear the process's count"
    assert store.process.wrong_attempts("*", clock.now) == 6
    store.attempt("a", wrong)  # 7th in the process: 2 s
    clock.advance(2)
    assert store.attempt("b", wrong).wait == Wait(900.0, locked=True)  # 8th: the whole process locked
    assert store.attempt("fresh", right).refused


def test_parallel_attempts_cannot_slip_past_the_count(store: PasswordThrottle) -> None:
    checked = []
    barrier = threading.Barrier(20)

    def slow_wrong() -> bool:
        checked.append(True)
        return False

    def attempt() -> None:
        barrier.wait()
        store.attempt("s1", slow_wrong)

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(checked) == 4  # 3 free and the 4th, which brings the wait; 16 refused unchecked


def test_each_wrong_or_refused_attempt_is_logged_without_the_password(
    store: PasswordThrottle, caplog: pytest.LogCaptureFixture
) -> None:
    password = "Lielvārde-2019-guess"
    with caplog.at_level(logging.WARNING, logger="storage.throttle"):
        for _ in range(5):
            store.attempt("0123abcd", lambda: password == "the real one")
        store.attempt("0123abcd", right)
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 6
    assert all("0123abcd" in line and password not in line for line in lines)
    assert "4 wrong in the last 15 min in this session, 4 in this process; next attempt in 1 s" in lines[3]
    assert "refused unchecked" in lines[4] and "throttled for 1 s" in lines[4]
    assert "refused unchecked" in lines[5]


def test_a_throttle_forgets_keys_with_nothing_left() -> None:
    throttle = Throttle(SESSION_POLICY)
    for i in range(100):
        throttle.failed(f"s{i}", 0.0)
    throttle.sweep(901.0)
    assert not throttle._records


def test_wait_is_told_in_whole_seconds() -> None:
    assert Wait(0.2).whole_seconds == 1 and Wait(1.0).whole_seconds == 1 and Wait(899.5).whole_seconds == 900
    assert not Wait() and Wait(0.1)

