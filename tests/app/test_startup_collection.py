"""The `reader` command pauses the garbage collector to start up faster; the app
must turn it back on once the first frame is painted, or a long reading session
would never collect."""

from __future__ import annotations

import gc

from reader import collector
from tests.app.helpers import make_app, pane_text


async def test_the_collector_runs_again_after_the_first_frame() -> None:
    collector.pause_for_startup()
    try:
        assert not gc.isenabled()
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert pane_text(app).startswith("Do therapists go to therapy?")
            assert gc.isenabled()
    finally:
        collector.startup_done()
        gc.enable()
