"""Vendor the Data Docs front-end files from the npm registry: `make data-docs-assets`.

GX's Data Docs templates load Bootstrap, jQuery, bootstrap-table, Font Awesome... from CDNs,
so the pages an on-call engineer opens render broken (or phone home) offline. The files live
in `expectations/data_docs_assets/` (listed, with their npm package and the CDN addresses
they replace, in `manifest.json`) and `expectations.datadocs.localize_site` copies them into
every built site. This tool fetches each package with `npm pack` (the registry's own client,
which checks the tarball's integrity), takes the listed file out of it and writes it next to
the manifest with its sha256; `--check` only compares the fetched files with the kept ones.
It needs the npm registry; the build and the tests never run it (the files are committed).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parents[1] / "expectations" / "data_docs_assets"
MANIFEST = ASSETS_DIR / "manifest.json"


def _pack(spec: str, into: Path) -> Path:
    """`npm pack <spec>` into `into`; the tarball's path."""
    out = subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(into), spec],
                         check=True, capture_output=True, text=True).stdout.split()
    return into / out[-1]


def fetch(check: bool = False) -> list[str]:
    """Fetch every manifest file; write it (or, with `check`, compare it). Differences found."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsetl-npm-") as tmp:
        tarballs: dict[str, Path] = {}
        for entry in manifest["files"]:
            spec = entry["npm"]
            if spec not in tarballs:
                tarballs[spec] = _pack(spec, Path(tmp))
            with tarfile.open(tarballs[spec]) as tar:
                member = tar.extractfile(f"package/{entry['file']}")
                if member is None:
                    raise FileNotFoundError(f"{spec} has no {entry['file']}")
                data = member.read()
            digest = hashlib.sha256(data).hexdigest()
            target = ASSETS_DIR / entry["path"]
            if check:
                if entry.get("sha256") != digest or not target.is_file() or target.read_bytes() != data:
                    problems.append(f"{entry['path']}: differs from {spec} {entry['file']}")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            entry["sha256"] = digest
            print(f"{entry['path']:<80} {len(data):>8} bytes  {spec}")
    if not check:
        MANIFEST.write_text(_dump(manifest), encoding="utf-8")
    return problems


def _dump(manifest: dict) -> str:
    """The manifest with one line per file entry (diffs stay readable)."""
    head = {k: v for k, v in manifest.items() if k != "files"}
    body = json.dumps(head, indent=2, ensure_ascii=False)[:-2]
    rows = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in manifest["files"])
    return f'{body},\n  "files": [\n{rows}\n  ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the registry, write nothing")
    args = parser.parse_args(argv)
    problems = fetch(check=args.check)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
