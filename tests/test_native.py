"""The native build of the metric rules (`make native`: devtools/build_native.py, transforms/native.py).

`make test` builds it first, so the suite runs the compiled rules, as `make demo` does. Here: the
build is what runs where the machine can build it; it finds the same metrics as the Python source on
every page of the evaluation; and a source edited since the build, a partial build, an unreadable
manifest or NEWSETL_PURE_PYTHON=1 all run the Python source instead (never a stale build)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import transforms
from devtools import PROJECT_ROOT, build_native, realgold
from devtools.extraction_dump import HELD_OUT_SETS
from transforms import native

BUILD_MISSING = build_native.missing_prerequisite()
needs_build = pytest.mark.skipif(BUILD_MISSING is not None, reason=f"no native build here: {BUILD_MISSING}")


def test_the_rules_run_compiled_where_the_machine_can_build_them():
    """`make test` and `make demo` run `make native` first: with a C compiler, Python's headers and
    mypyc here, every rule module was imported from its compiled extension (a stale or missing build
    would have fallen back to the source, and this fails)."""
    import importlib

    if BUILD_MISSING is not None:
        assert transforms.CODE.startswith(native.PURE)
        return
    assert transforms.CODE.startswith(native.COMPILED), transforms.CODE
    for module in build_native.MODULES:
        assert native.is_compiled(importlib.import_module(module)), module
    assert native.MANIFEST == build_native.MANIFEST and native.compiled_on_disk() == sorted(build_native.MODULES)


def _dump(path: Path, **env: str) -> str:
    done = subprocess.run([sys.executable, "-m", "devtools.extraction_dump", str(path)], cwd=PROJECT_ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


@needs_build
def test_compiled_and_pure_rules_find_the_same_metrics_on_every_page(tmp_path):
    """Every record of devtools.extraction_dump (the real pages of every set, the gold set, the seeds'
    pages: title, date, body and every metric field with its rule ids), byte for byte."""
    compiled, pure = tmp_path / "compiled.json", tmp_path / "pure.json"
    compiled_said = _dump(compiled)
    pure_said = _dump(pure, NEWSETL_PURE_PYTHON="1")
    assert compiled.read_bytes() == pure.read_bytes()
    # the held-out sets, never written out, are compared by their hashes: one a set, every set named
    hashes = compiled_said.strip().splitlines()[-1].partition("; ")[2]
    assert hashes and hashes == pure_said.strip().splitlines()[-1].partition("; ")[2]
    assert [f"{name} " in hashes for _, name in HELD_OUT_SETS] == [True] * len(HELD_OUT_SETS)
    assert len(HELD_OUT_SETS) == len(realgold.HELD_OUT_DIRS)
    assert len(json.loads(compiled.read_text(encoding="utf-8"))) > 500  # (the dump is not empty)


def _copy_checkout(tmp_path: Path) -> Path:
    """The packages the rules import, with the build, in a directory of their own."""
    root = tmp_path / "checkout"
    for package in ("core", "transforms", "seeds"):
        shutil.copytree(PROJECT_ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    return root


_PROBE = r'''
import json, transforms
from transforms import boilerplate
from transforms.metrics import engine, extract_metrics
from transforms.native import is_compiled
from transforms.page import parse_page
from transforms.templates import htmlutil
metrics = extract_metrics("Exports rose by 5% to 300 million yuan in 2020.", "2021-01-05")
from pathlib import Path
pages = [parse_page(path.read_bytes()) for path in sorted(Path("seeds/pages").rglob("*.html"))
         if "/art/" in path.as_posix() or "/business-news/" in path.as_posix()][::8]  # (both templates)
print(json.dumps({"code": transforms.CODE, "compiled": is_compiled(engine),
                  "html_compiled": [is_compiled(htmlutil), is_compiled(boilerplate)],
                  "metrics": [[m.value, m.unit, m.kind, m.subject] for m in metrics],
                  "page": [[p.title, p.published, p.body, [[m.value, m.unit, m.subject] for m in p.metrics]]
                           for p in pages]}))
'''


def _probe(root: Path, **env: str) -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root), **env}, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


@needs_build
def test_a_stale_or_partial_build_never_runs(tmp_path):
    root = _copy_checkout(tmp_path)
    fresh, warned = _probe(root)
    assert fresh["compiled"] and fresh["html_compiled"] == [True, True]
    assert fresh["code"].startswith(native.COMPILED) and not warned
    expected, page = fresh["metrics"], fresh["page"]
    assert expected == [[5.0, "percent", "change", "exports"], [300000000.0, "CNY", "level", "exports"]]
    assert len(page) >= 4 and all(title and body for title, _, body, _ in page) and any(m for *_, m in page)

    asked, warned = _probe(root, NEWSETL_PURE_PYTHON="1")  # on purpose: no warning
    assert not asked["compiled"] and asked["code"] == "pure Python (NEWSETL_PURE_PYTHON=1)" and not warned
    assert asked["html_compiled"] == [False, False]
    assert asked["metrics"] == expected and asked["page"] == page

    # a module of the HTML side edited: every module runs from its source (all or none), the same output
    htmlutil = root / "transforms" / "templates" / "htmlutil.py"
    htmlutil.write_text(htmlutil.read_text(encoding="utf-8") + "# edited after the build\n", encoding="utf-8")
    edited, warned = _probe(root)
    assert not edited["compiled"] and edited["html_compiled"] == [False, False]
    assert "transforms/templates/htmlutil.py changed since the native build" in edited["code"]
    assert ("(metric rules, HTML helpers) run from their Python source, not the native build: "
            "transforms/templates/htmlutil.py changed") in warned
    assert edited["metrics"] == expected and edited["page"] == page
    shutil.copy(PROJECT_ROOT / "transforms" / "templates" / "htmlutil.py", htmlutil)

    spacing = root / "transforms" / "spacing.py"
    spacing.write_text(spacing.read_text(encoding="utf-8") + "# edited after the build\n", encoding="utf-8")
    edited, warned = _probe(root)
    assert not edited["compiled"] and "transforms/spacing.py changed since the native build" in edited["code"]
    assert ("(metric rules, HTML helpers) run from their Python source, not the native build: "
            "transforms/spacing.py changed") in warned
    assert edited["metrics"] == expected and edited["page"] == page and edited["html_compiled"] == [False, False]

    shutil.copy(PROJECT_ROOT / "transforms" / "spacing.py", spacing)  # the source as built: compiled again
    assert _probe(root)[0]["compiled"]
    next((root / "transforms" / "metrics").glob("engine.*.so")).unlink()  # a partial build
    partial, warned = _probe(root)
    assert not partial["compiled"] and "not those _native.json lists" in partial["code"] and warned
    assert partial["metrics"] == expected

    (root / "transforms" / "_native.json").write_text("{not json", encoding="utf-8")
    unreadable, warned = _probe(root)
    assert not unreadable["compiled"] and "_native.json is missing or unreadable" in unreadable["code"]


@needs_build
def test_make_native_rebuilds_a_build_with_a_module_missing(monkeypatch, tmp_path):
    """A manifest whose sources still match is not enough: a deleted extension makes the build not current
    (else `make native` would say "up to date" while every import falls back to the source)."""
    assert build_native.is_current()  # (make test built it)
    root = _copy_checkout(tmp_path)
    monkeypatch.setattr(build_native, "PROJECT_ROOT", root)
    monkeypatch.setattr(build_native, "PACKAGE_DIR", root / "transforms")
    monkeypatch.setattr(build_native, "MANIFEST", root / "transforms" / "_native.json")
    assert build_native.is_current()
    next((root / "transforms" / "metrics").glob("engine.*.so")).unlink()
    assert not build_native.is_current()


@needs_build
def test_removing_a_build_removes_every_extension_and_the_manifest_once(monkeypatch, tmp_path):
    """What a rebuild (or a machine without a compiler) removes first: each extension file once, though its
    name ends with two of Python's extension suffixes (".cpython-311-...so" and ".so"; listed twice, the
    second unlink failed and a rebuild over an old build crashed)."""
    root = _copy_checkout(tmp_path)
    monkeypatch.setattr(build_native, "PACKAGE_DIR", root / "transforms")
    monkeypatch.setattr(build_native, "MANIFEST", root / "transforms" / "_native.json")
    built = build_native.built_files()
    assert len(built) == len(set(built)) == len(build_native.MODULES) + 2  # (mypyc's shared library, the manifest)
    build_native.remove_build()
    assert build_native.built_files() == [] and native.compiled_on_disk(root / "transforms") == []


def test_no_c_compiler_means_the_rules_run_as_pure_python(monkeypatch):
    """A machine without a C compiler (or Python's headers, or mypyc) skips the build with one line
    that says what is missing; the product still works (exit 0, the source runs)."""
    monkeypatch.setenv("CC", "/nonexistent/cc")
    assert build_native.missing_prerequisite() == (
        "no C compiler (/nonexistent/cc not found; Debian: apt-get install gcc)")
