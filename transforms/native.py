"""Which code of the metric rules runs: the mypyc-compiled modules or their Python source.

`make native` (devtools/build_native.py; `make demo` and `make test` run it) compiles the rule
modules with mypyc into C extensions beside their sources (transforms/**/*.so, not in git) and
writes MANIFEST: each compiled module with the sha256 of the source it was compiled from.
Python imports an extension before a .py of the same name, so a compiled module whose source
changed since (an edit, a checkout) would run the old rules. `select_code()`, called once by
transforms/__init__.py before any rule module is imported, prevents that: unless every compiled
module's source still has the hash it was built from, it puts a finder first on sys.meta_path
that imports all of them from their .py files (all or none: the compiled modules call each
other directly inside their one shared library, which would bypass a fresher source). It logs
one warning naming the changed file. NEWSETL_PURE_PYTHON=1 asks for the source on purpose
(the speed comparison's pure-Python row, debugging). No build (no C compiler, a runtime-only
install without mypy): the source runs, and transforms.CODE says so. The build
(devtools/build_native.py) finds its sources, hashes and compiled modules with the functions here.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST_NAME = "_native.json"  # in the package: written by devtools/build_native.py after a build
MANIFEST = PACKAGE_DIR / MANIFEST_NAME
PURE_ENV = "NEWSETL_PURE_PYTHON"  # "1": import the Python source even when a fresh build exists
COMPILED = "compiled"
PURE = "pure Python"

log = logging.getLogger(__name__)


def source_path(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """The .py file of a module of this package ("transforms.metrics.engine" -> transforms/metrics/engine.py;
    package_dir: the package's directory, this one unless a build is asked about another copy)."""
    parts = module.split(".")
    if parts[0] != __package__:
        raise ValueError(f"{module} is not a module of {__package__}")
    return package_dir.joinpath(*parts[1:]).with_suffix(".py")


def source_hash(module: str, package_dir: Path = PACKAGE_DIR) -> str:
    return hashlib.sha256(source_path(module, package_dir).read_bytes()).hexdigest()


class SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the named modules from their .py files, never from a compiled extension beside them."""

    def __init__(self, modules: Sequence[str]) -> None:
        self.modules = frozenset(modules)

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname))


def extension_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Every compiled extension file in the package, each once (one file ends with several of the
    EXTENSION_SUFFIXES: ".cpython-311-x86_64-linux-gnu.so" and ".so")."""
    return sorted({path for suffix in importlib.machinery.EXTENSION_SUFFIXES
                   for path in package_dir.rglob(f"*{suffix}")})


def compiled_on_disk(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The modules of this package with a compiled extension beside their source."""
    names = []
    for extension in extension_files(package_dir):
        suffix = max((s for s in importlib.machinery.EXTENSION_SUFFIXES if extension.name.endswith(s)), key=len)
        name = extension.relative_to(package_dir.parent).as_posix()[:-len(suffix)].replace("/", ".")
        if source_path(name, package_dir).exists():  # (not mypyc's shared library, which has no source)
            names.append(name)
    return sorted(names)


def _unusable(modules: dict[str, str], compiled: list[str]) -> str | None:
    """Why the build cannot be used (a source changed since, or the build is partial), else None."""
    if sorted(modules) != compiled:
        return f"the compiled modules are not those {MANIFEST.name} lists (make native rebuilds them)"
    for module, digest in modules.items():
        if source_hash(module) != digest:
            path = source_path(module).relative_to(PACKAGE_DIR.parent)
            return f"{path} changed since the native build (make native rebuilds it)"
    return None


def select_code() -> str:
    """Decide once, before the rule modules are imported, which code they run; returns the status line."""
    compiled = compiled_on_disk()
    if not compiled:
        return f"{PURE} (no native build: make native compiles the rules with mypyc)"
    modules: dict[str, str] = {}
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        modules = dict(manifest["modules"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reason: str | None = f"{MANIFEST.name} is missing or unreadable ({exc.__class__.__name__})"
    else:
        reason = f"{PURE_ENV}=1" if os.environ.get(PURE_ENV) == "1" else _unusable(modules, compiled)
    if reason is None:
        return f"{COMPILED} (mypyc {manifest.get('mypy', '?')}: {len(modules)} modules)"
    sys.meta_path.insert(0, SourceFinder(sorted({*compiled, *modules})))
    if not reason.startswith(PURE_ENV):
        log.warning("the compiled transforms (metric rules, HTML helpers) run from their Python source, "
                    "not the native build: %s", reason)
    return f"{PURE} ({reason})"


def is_compiled(module: ModuleType) -> bool:
    """Whether a module was imported from a compiled extension."""
    return any((module.__file__ or "").endswith(suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES)
