"""`make native`: compile the metric rules (and two HTML helpers) with mypyc into C extensions beside their sources.

The rules are typed Python (mypy checks them in `make lint`); mypyc compiles the same source to C,
which runs the interpreter's many small calls of the rules natively (about 1.3x fewer instructions
per body; `newsetl eval --speed` shows compiled and pure-Python figures side by side). The HTML side's
block walker (templates/htmlutil.py) and boilerplate tests (boilerplate.py) are compiled too (2.4%
fewer instructions per page; MODULES says why the rest of it is not). The output is
the same: tests/test_native.py compares every real page's metrics from both. The extensions
(transforms/**/*.so) and transforms/_native.json (each module with the sha256 of the source it was
built from) are build products, not in git; transforms/native.py imports the source instead
whenever a source changed since, so a stale build never runs.

Up to date (same sources, same mypy): nothing is done. No C compiler, no Python headers or no mypyc
(a runtime-only install): one line says so, any old build is removed, and the rules run as pure
Python (exit 0: the product works without the build). A compile error is a failure (exit 1).
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from devtools import PROJECT_ROOT
from transforms import native

PACKAGE_DIR = PROJECT_ROOT / "transforms"
MANIFEST = PACKAGE_DIR / native.MANIFEST_NAME
GROUP = "transforms._native"  # mypyc's shared library: transforms/_native__mypyc.*.so, inside the package
# The rule modules and the text helpers they call on every sentence, and of the HTML side the block
# walker and XPath helpers (templates/htmlutil.py) and the boilerplate line tests (boilerplate.py): compiled,
# those two take 2.4% off the transform's instructions per page (callgrind, 8955k -> 8736k). Not the packages'
# __init__.py (transforms/__init__.py decides which code runs), not transforms/native.py, not the rest of
# the HTML side: page.py, the templates, charset.py, pagere.py and xpathfast.py compiled too added about
# 2% back (lxml does their work; likely also their module constants, which compiled code reads from the
# module's dict on every use where the interpreter caches the lookup).
MODULES = (
    "transforms.fastre", "transforms.context", "transforms.spacing", "transforms.textutil",
    "transforms.metrics.vocab", "transforms.metrics.numbers", "transforms.metrics.structure",
    "transforms.metrics.matchers", "transforms.metrics.qualifiers", "transforms.metrics.subjects",
    "transforms.metrics.periods", "transforms.metrics.describe", "transforms.metrics.engine",
    "transforms.templates.htmlutil", "transforms.boilerplate",
)

_SETUP = r'''
import json, sys
from setuptools import setup
from mypyc.build import mypycify
config = json.load(open(sys.argv.pop(1), encoding="utf-8"))
setup(name="newsetl-native", script_args=["build_ext", "--inplace", "--build-temp", config["temp"]],
      ext_modules=mypycify(config["paths"], opt_level="3", target_dir=config["c"], group_name=config["group"]))
'''


def source_hashes() -> dict[str, str]:
    return {module: native.source_hash(module, PACKAGE_DIR) for module in MODULES}


def mypy_version() -> str | None:
    try:
        import mypyc.build  # noqa: F401 - mypyc ships with mypy; its build module needs setuptools
        from mypy.version import __version__
    except ImportError:
        return None
    return __version__


def missing_prerequisite() -> str | None:
    """What the build lacks on this machine (no C compiler, no Python.h, no mypyc), else None."""
    compiler = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler} not found; Debian: apt-get install gcc)"
    include = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not include.exists():
        return f"no Python headers ({include} not found; Debian: apt-get install python3.11-dev)"
    if mypy_version() is None:
        return "no mypyc (it comes with mypy, a dev dependency: pip install -e '.[dev]')"
    return None


def built_files() -> list[Path]:
    """Every compiled extension in the package and the manifest (what a rebuild replaces)."""
    return native.extension_files(PACKAGE_DIR) + ([MANIFEST] if MANIFEST.exists() else [])


def is_current() -> bool:
    """The build on disk is of these sources with this mypy, and every module of it (and no other) is there."""
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (manifest.get("modules") == source_hashes() and manifest.get("mypy") == mypy_version()
            and native.compiled_on_disk(PACKAGE_DIR) == sorted(MODULES))


def remove_build() -> None:
    for path in built_files():
        path.unlink()


def build(force: bool = False) -> int:
    """Compile MODULES in place (see the module docstring); the exit status."""
    missing = missing_prerequisite()
    if missing:
        removed = bool(built_files())
        remove_build()
        print(f"native build skipped: {missing}; the metric rules run as pure Python"
              f"{' (the old build is removed)' if removed else ''}")
        return 0
    if not force and is_current():
        print(f"native build up to date: {len(MODULES)} modules (transforms/_native.json)")
        return 0
    remove_build()
    hashes = source_hashes()  # (before the compile: a source edited meanwhile makes the build stale, not wrong)
    with tempfile.TemporaryDirectory(prefix="newsetl-native-") as tmp:
        config = Path(tmp) / "config.json"
        paths = [str(native.source_path(m, PACKAGE_DIR).relative_to(PROJECT_ROOT)) for m in MODULES]
        config.write_text(json.dumps({"paths": paths,
                                      "temp": str(Path(tmp) / "temp"), "c": str(Path(tmp) / "c"),
                                      "group": GROUP}), encoding="utf-8")
        setup = Path(tmp) / "setup.py"
        setup.write_text(_SETUP, encoding="utf-8")
        print(f"native build: compiling {len(MODULES)} modules with mypyc {mypy_version()} (about a minute)",
              flush=True)
        done = subprocess.run([sys.executable, str(setup), str(config)], cwd=PROJECT_ROOT,
                              capture_output=True, text=True)
    if done.returncode != 0:
        remove_build()
        errors = [line for line in (done.stdout + done.stderr).splitlines() if "error" in line.lower()]
        print("native build failed (the rules would run as pure Python; fix the source mypyc rejects):",
              *(errors[-20:] or (done.stdout + done.stderr).splitlines()[-20:]), sep="\n", file=sys.stderr)
        return 1
    MANIFEST.write_text(json.dumps({"mypy": mypy_version(), "modules": hashes}, indent=1) + "\n", encoding="utf-8")
    print(f"native build: {len(MODULES)} modules compiled (transforms/**/*.so, transforms/_native.json)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.build_native", description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the build is up to date")
    parser.add_argument("--remove", action="store_true", help="remove the build: the rules run as pure Python")
    args = parser.parse_args(argv)
    if args.remove:
        remove_build()
        print("native build removed: the metric rules run as pure Python")
        return 0
    return build(force=args.force)


if __name__ == "__main__":
    sys.exit(main())
