"""A real S3-compatible server on loopback for the data dir on object storage: moto in server
mode (`moto[server]`, a dev dependency), its own process on 127.0.0.1 and a free port.

`start_s3()` starts it, creates a bucket and yields an `S3Server` whose `env()` is what every
process of the pipeline needs to use it: NEWSETL_DATA_DIR=s3://<bucket>/<prefix>, the
standard AWS_* credentials (moto accepts any) and AWS_ENDPOINT_URL_S3. Used by the object
storage tests, tests/test_celery_stack.py and `make stack`. Everything moto stores is in
its memory: stopping it loses the bucket.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import config
from devtools import LOOPBACK, free_port

ACCESS_KEY = "newsetl-test-key"  # moto accepts any credentials; these exist only in its memory
SECRET_KEY = "newsetl-test-secret"  # noqa: S105 - a throwaway key for a loopback test server
REGION = "us-east-1"


@dataclass
class S3Server:
    """A running moto server with one bucket."""

    port: int
    bucket: str
    process: subprocess.Popen
    log: Path

    @property
    def endpoint(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def data_dir(self, prefix: str = "newsetl") -> str:
        return f"s3://{self.bucket}/{prefix}".rstrip("/")

    def credentials(self) -> dict[str, str]:
        """The AWS_* variables that reach this server (no NEWSETL_DATA_DIR)."""
        return {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
                "AWS_DEFAULT_REGION": REGION, "AWS_ENDPOINT_URL_S3": self.endpoint}

    def env(self, prefix: str = "newsetl") -> dict[str, str]:
        """Everything a pipeline process needs: credentials, endpoint, NEWSETL_DATA_DIR."""
        return {**self.credentials(), config.ENV_DATA_DIR: self.data_dir(prefix)}

    def fs(self) -> Any:
        """An s3fs file system on this server (for tests to look into the bucket)."""
        import s3fs

        return s3fs.S3FileSystem(key=ACCESS_KEY, secret=SECRET_KEY, skip_instance_cache=True,
                                 use_listings_cache=False,
                                 client_kwargs={"endpoint_url": self.endpoint})

    def keys(self, prefix: str = "") -> list[str]:
        """Every object key under `prefix` in the bucket (sorted, without the bucket)."""
        fs = self.fs()
        base = f"{self.bucket}/{prefix}".rstrip("/")
        try:
            found = fs.find(base)
        except FileNotFoundError:
            return []
        return sorted(k[len(self.bucket) + 1:] for k in found)

    def read(self, key: str) -> bytes:
        return bytes(self.fs().cat_file(f"{self.bucket}/{key}"))


@contextmanager
def start_s3(log_dir: Path, bucket: str = "newsetl-data", timeout: float = 60) -> Iterator[S3Server]:
    """Start moto's S3 server on 127.0.0.1 (a free port) with `bucket`; stop it on exit."""
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / "moto-s3.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", LOOPBACK, "-p", str(port)],
                                   stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    server = S3Server(port=port, bucket=bucket, process=process, log=log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"moto's S3 server exited ({process.returncode}): "
                                   f"{log.read_text(errors='replace')[-2000:]}")
            try:
                with socket.create_connection((LOOPBACK, port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"moto's S3 server did not listen on {server.endpoint} "
                                       f"within {timeout:.0f} s") from None
                time.sleep(0.2)
        server.fs().mkdir(bucket)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
