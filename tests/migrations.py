"""Moving one app's migrations back and forth inside a test."""

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(app: str, migration: str) -> Apps:
    """Move `app` to `migration` and every other app to its latest, and
    return the models as they were at that point. Use in a test marked
    `django_db(transaction=True)`."""
    executor = MigrationExecutor(connection)
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != app]
    targets = [*others, (app, migration)]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest() -> None:
    """Put every app back on its latest migration, for the tests that follow."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
