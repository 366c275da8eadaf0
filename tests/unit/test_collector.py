"""Pausing the garbage collector: nested, across threads, and put back as found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from reader import collector


@pytest.fixture(autouse=True)
def collecting() -> Iterator[None]:
    """Each test starts with the collector on and leaves it on."""
    gc.enable()
    yield
    collector.startup_done()
    gc.enable()


def test_a_pause_stops_collection_until_it_ends() -> None:
    with collector.paused_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_pauses_nest_and_the_last_to_end_resumes() -> None:
    collector.pause()
    with collector.paused_collection():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the outer pause still holds
    collector.resume()
    assert gc.isenabled()


def test_a_resume_without_a_pause_changes_nothing() -> None:
    collector.resume()
    assert gc.isenabled()
    with collector.paused_collection():
        collector.resume()  # unmatched: the block's own pause is used up
        assert gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector.paused_collection():
        pass
    assert not gc.isenabled()


def test_a_pause_in_a_thread_overlapping_the_startup_pause() -> None:
    """A worker's parse ends after startup: the collector must come back on
    (restoring "what it was when the worker began" would leave it off)."""
    collector.pause_for_startup()
    began, finish = threading.Event(), threading.Event()

    def parse() -> None:
        with collector.paused_collection():
            began.set()
            finish.wait(5)

    worker = threading.Thread(target=parse)
    worker.start()
    began.wait(5)
    collector.startup_done()
    assert not gc.isenabled()  # the worker is still parsing
    finish.set()
    worker.join(5)
    assert gc.isenabled()


def test_the_startup_pause_is_taken_and_ended_once() -> None:
    collector.pause_for_startup()
    collector.pause_for_startup()
    assert not gc.isenabled()
    collector.startup_done()
    assert gc.isenabled()
    collector.startup_done()
    assert gc.isenabled()
