"""Where log lines go: this process's logging, kept as the entry point set it.

Importing Airflow configures logging for an Airflow process: it replaces the root logger's
handlers with one on **stdout**, sets the root to INFO, and points structlog and Python
warnings at stdout. Outside Airflow (the CLI sends alert mail through Airflow's SMTP
connection) that put log lines into `--json` output; `kept()` undoes it. Inside an Airflow
task, Airflow is imported long before, nothing changes, and nothing is undone.
"""
from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def kept() -> Iterator[None]:
    """Run code that may configure logging (`import airflow...`) and put this process's logging back."""
    root = logging.getLogger()
    before = {name: _state(logger) for name, logger in _loggers()}
    root_state = _state(root)
    showwarning, excepthook = warnings.showwarning, sys.excepthook
    structlog_config = _structlog_config()
    try:
        yield
    finally:
        _restore(root, root_state)
        for name, logger in _loggers():
            if name in before:
                _restore(logger, before[name])
            else:  # a logger the import configured: no handler of its own on stdout
                for handler in [h for h in logger.handlers if _on_stdout(h)]:
                    logger.removeHandler(handler)
        warnings.showwarning, sys.excepthook = showwarning, excepthook
        if _structlog_config() != structlog_config:
            _structlog_through_logging()


def _loggers() -> list[tuple[str, logging.Logger]]:
    return [(name, logger) for name, logger in list(logging.root.manager.loggerDict.items())
            if isinstance(logger, logging.Logger)]


def _state(logger: logging.Logger) -> tuple[int, list[logging.Handler], bool, bool]:
    return logger.level, list(logger.handlers), logger.propagate, logger.disabled


def _restore(logger: logging.Logger, state: tuple[int, list[logging.Handler], bool, bool]) -> None:
    level, handlers, propagate, disabled = state
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate, logger.disabled = propagate, disabled


def _on_stdout(handler: logging.Handler) -> bool:
    stream = getattr(handler, "stream", None)
    return stream is not None and stream in (sys.stdout, sys.__stdout__)


def _structlog_config() -> dict[str, Any] | None:
    structlog = sys.modules.get("structlog")
    return dict(structlog.get_config()) if structlog is not None else None


def _structlog_through_logging() -> None:
    """structlog loggers (Airflow's own) log through the standard library: the same handlers, on stderr."""
    import structlog

    structlog.configure(
        processors=[structlog.stdlib.filter_by_level, structlog.stdlib.PositionalArgumentsFormatter(),
                    structlog.stdlib.render_to_log_kwargs],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
