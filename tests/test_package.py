"""The project installs as a package: a wheel, installed into a fresh venv outside the
checkout, runs `newsetl extract` and `newsetl db upgrade` with what it ships (the site
registry, the suites and the migrations as package data)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from devtools import PROJECT_ROOT, SEEDS_DIR

# What `extract` and `db upgrade` need at run time, pinned by the lock (no Airflow, GX, Scrapy).
RUNTIME_SUBSET = ("lxml", "lxml_html_clean", "trafilatura", "pyyaml", "psycopg2-binary", "w3lib")
PACKAGE_DATA = ("seeds/sources.yml", "warehouse/migrations/001_core.sql", "expectations/articles.critical.json",
                "expectations/data_docs_assets/manifest.json", "expectations/data_docs_assets/jquery/jquery.min.js")


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd[:3]} exit {done.returncode}: {done.stderr[-2000:]}"
    return done.stdout


@pytest.mark.slow
def test_wheel_installs_and_runs_extract_and_db_upgrade_outside_the_checkout(tmp_path: Path, pg_url: str) -> None:
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(PROJECT_ROOT)],
         cwd=tmp_path)
    [wheel] = wheels.glob("newsetl-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(PACKAGE_DATA) <= names, sorted(PACKAGE_DATA - names)
    assert not any(n.startswith(("tests/", "seeds/pages/")) for n in names)  # dev data stays in the checkout

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = str(env_dir / "bin" / "python")
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    _run([*pip, "-c", str(PROJECT_ROOT / "constraints.txt"), *RUNTIME_SUBSET], cwd=tmp_path)
    _run([*pip, "--no-deps", str(wheel)], cwd=tmp_path)

    work = tmp_path / "elsewhere"  # not the checkout: nothing may be read from the repo
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEWSETL_", "AIRFLOW_CONN"))}
    env.update({"NEWSETL_DATABASE_URL": pg_url, "NEWSETL_HOME": str(work / ".newsetl")})
    newsetl = str(env_dir / "bin" / "newsetl")
    where = _run([python, "-c", "import core, transforms, warehouse; print(core.__file__, warehouse.__file__)"],
                 cwd=work, env=env)
    assert str(PROJECT_ROOT) not in where and str(env_dir) in where

    seed = SEEDS_DIR / "text" / "ningbo_gov_innovation-leads-2019-08-18.txt"
    [doc] = [json.loads(line) for line in _run([newsetl, "extract", str(seed)], cwd=work, env=env).splitlines()]
    assert doc["source"] == "ningbo_gov" and doc["published"] == "2019-08-18"
    assert any(m["value"] == 12524 and m["unit"] == "count" for m in doc["metrics"])

    out = _run([newsetl, "db", "upgrade"], cwd=work, env=env)
    assert "applied: 001_core" in out and "schema version:" in out
    again = _run([newsetl, "db", "upgrade"], cwd=work, env=env)
    assert "nothing (up to date)" in again
