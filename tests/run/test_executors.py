"""This machine's executor gives every job back: one its pool lost (no result, no worker
running it) goes to a new pool, and a job lost twice comes back failed, saying so."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from crmwb.run import executors, kernels
from crmwb.run.job import JOB_FOLDER_PREFIX, JobInput, JobOutput, JobResult


def pool_threads() -> list[threading.Thread]:
    """The threads of this process's process pools that are still waiting for their jobs."""
    return [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]


def test_a_job_the_pool_loses_runs_again_on_a_new_pool_then_is_said_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pool "loses" a job by running something else in its place, a sleep without a job
    folder (what was seen: a future never finished, every worker idle). Jobs of an analysis
    that does not exist: each fails at once in a worker, with a KeyError, without a kernel."""
    monkeypatch.setenv(kernels.WARM_KERNELS, "0")
    # long enough for a new pool to start its workers and run a job on a loaded machine (at
    # 0.5 s, a run of the suite beside a browser test saw a job lost twice), short for a test
    monkeypatch.setattr(executors, "LOST_AFTER_SECONDS", 3.0)
    monkeypatch.setattr(executors, "CHECK_SECONDS", 0.1)
    losses = {"found-again": 1, "lost-twice": 2}  # how many times the pools lose each client
    jobs = [JobInput(client, "no-such-analysis", "fr", None) for client in ("kept", *losses)]

    executor = executors.LocalExecutor(2, len(jobs))
    pools = 0

    def new_pool() -> Any:
        nonlocal pools
        pools += 1
        pool = executors.LocalExecutor.new_pool(executor)
        submit = pool.submit

        def losing_submit(fn: Any, job: JobInput, **kwargs: Any) -> Future[Any]:
            if losses.get(job.client):
                losses[job.client] -= 1
                return submit(time.sleep, 3600)
            return submit(fn, job, **kwargs)

        pool.submit = losing_submit  # type: ignore[method-assign]
        return pool

    monkeypatch.setattr(executor, "new_pool", new_pool)
    executor.pool = new_pool()
    started = time.monotonic()
    try:
        outputs = {jobs[i].client: output.result for i, output in executor.results(jobs)}
    finally:
        executor.close()
    assert time.monotonic() - started < 30  # not the hour of the sleeps
    assert pools == 3  # the first, then one for each time jobs were lost
    assert outputs["kept"].error_type == outputs["found-again"].error_type == "KeyError"
    lost = outputs["lost-twice"]
    assert lost.error_type == "CrmwbError"
    assert lost.error == (
        "un résultat du processus qui exécutait cette analyse\u202f; trouvé\u00a0: aucun, à "
        "deux reprises\u00a0: la tâche s'est perdue en route (relancez ce client\u202f; ses "
        "autres analyses ne sont pas touchées)"
    )
    # the pools that lost jobs had their workers stopped: none of them waits any more (the
    # runner would wait for them at exit)
    deadline = time.monotonic() + 10
    while pool_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pool_threads() == []


def test_a_job_running_longer_than_that_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """A job whose folder is there (as run_job makes it, for as long as the job runs) is
    running: its pool has not lost it, however long it takes."""
    monkeypatch.setenv(kernels.WARM_KERNELS, "0")
    monkeypatch.setattr(executors, "LOST_AFTER_SECONDS", 0.3)
    monkeypatch.setattr(executors, "CHECK_SECONDS", 0.05)
    executor = executors.LocalExecutor(1, 1)
    try:
        assert executor.running_none()
        (Path(executor.scratch) / f"{JOB_FOLDER_PREFIX}long").mkdir()
        assert not executor.running_none()
        running: Future[JobOutput] = Future()
        output = JobOutput(JobResult("long", "tco"))
        threading.Timer(1.5, running.set_result, args=(output,)).start()
        job = JobInput("long", "tco", "fr", None)
        assert list(executors.as_finished({running: 0}, [job], executor.running_none)) == [
            (0, output)
        ]
    finally:
        executor.close()
