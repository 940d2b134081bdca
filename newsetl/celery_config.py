"""The Celery configuration of the project's Airflow workers (`[celery] celery_config_options`).

Airflow's defaults plus one change: `worker_disable_prefetch`. With Redis as the broker a
worker of concurrency 1 could still reserve a second task while it ran the first (Celery's
prefetch limit does not hold for Redis), so both mapped crawls of a run could queue on one
worker while another sat idle. With it, a worker takes a message only when it has a free
process (Celery >= 5.6, Redis brokers only).

Set by docker-compose.yml and devtools/stack.py:
  AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS=newsetl.celery_config.CELERY_CONFIG
"""
from __future__ import annotations

from typing import Any

from airflow.providers.celery.executors.default_celery import DEFAULT_CELERY_CONFIG

CELERY_CONFIG: dict[str, Any] = {**DEFAULT_CELERY_CONFIG, "worker_disable_prefetch": True}
