"""Run queued background tasks inside a test, as a `db_worker` would.

The worker's own loop closes database connections between tasks, which would
end a test's transaction, so this claims and runs each ready task with the
worker's `run_task` directly. Tasks that are not due yet (a later `run_after`)
wait, as they would in production: travel in time to run them.
"""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

WORKER_ID = "test-worker"


def run_ready_tasks(*, limit: int = 100) -> int:
    """Run every task that is due now, including those they queue. Returns
    how many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=WORKER_ID,
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().first()
        if result is None:
            break
        result.claim(WORKER_ID)
        worker.run_task(result)
        ran += 1
    return ran


def waiting_tasks(task_name: str | None = None):
    """Tasks still waiting to run, due or not."""
    waiting = DBTaskResult.objects.filter(status="READY")
    if task_name:
        waiting = waiting.filter(task_path__endswith=f".{task_name}")
    return waiting
