"""Data Docs as on-call opens them: offline, escaped, and cut to what failed.

Two steps around GX's own site build (`expectations.runner._Gx.build_docs`):

- before it, `for_display(result)` rewrites one stored expectation result for the pages:
  a failing regex check (``expect_column_values_to_not_match_regex[_list]``) shows each
  failing value longer than WHOLE_VALUE_CHARS (an article body) as the matched text with
  FRAGMENT_CONTEXT characters either side (ellipsised, whitespace runs shown as one space;
  a shorter value, a title, whole), and its expectation line names only the patterns that
  matched, not the whole list (the suite's own page keeps all of them); every string is
  then HTML-escaped (GX writes failing values into the HTML as they are) and cut to
  DISPLAY_CHARS.
- after it, `localize_site(docs_dir)` makes the site work offline: the CDN files GX's
  templates load (Bootstrap, jQuery, bootstrap-table, Font Awesome...) are copied from
  `data_docs_assets/` (vendored from npm, listed in its manifest.json) into
  ``static/vendor/`` and every page points at the local copy; GX's logo beacon on S3 points
  at the logo in ``static/images/``. Any other external script, stylesheet, image or CSS
  ``url()`` is removed, and named in the return value (the tests require none). A page's
  relative reference into ``static/`` is pointed at that file from where the page is: GX's
  favicon template counts a validation page one directory short of its depth.

Only the rendered copy changes: summary.json, the quarantine and the mail use the results
as GX returned them.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

ASSETS_DIR = Path(__file__).resolve().parent / "data_docs_assets"
VENDOR_DIR = ("static", "vendor")            # in the site: static/vendor/<manifest path>
IMAGES_DIR = ("static", "images")            # GX copies its own images here
LOGO = "logo-long.png"
FRAGMENT_CONTEXT = 40                        # characters of context either side of a match
WHOLE_VALUE_CHARS = 200                      # a value this short (a title) is shown whole: the body gate
                                             # (body_length) wants at least 200 characters, so a body is cut
DISPLAY_CHARS = 240                          # any other displayed string is cut to this
ELLIPSIS = "…"
NOT_MATCH_TYPES = ("expect_column_values_to_not_match_regex", "expect_column_values_to_not_match_regex_list")
VALUE_LISTS = ("partial_unexpected_list", "unexpected_list")
INDEX_LISTS = ("partial_unexpected_index_list", "unexpected_index_list")
COUNT_LISTS = ("partial_unexpected_counts",)

_URL = r"""["'](https?://[^"']+)["']"""
SCRIPT_RE = re.compile(r"<script\b[^>]*?\bsrc\s*=\s*" + _URL + r"[^>]*>\s*</script>", re.I)
LINK_RE = re.compile(r"<link\b[^>]*?\bhref\s*=\s*" + _URL + r"[^>]*>", re.I)
SRC_RE = re.compile(r"\bsrc\s*=\s*" + _URL, re.I)
CSS_URL_RE = re.compile(r"""url\(\s*["']?(https?://[^"')\s]+)["']?\s*\)""", re.I)
IMPORT_RE = re.compile(r"""@import\s+["'](https?://[^"']+)["']\s*;?""", re.I)
# CSS inside a page: only <style> blocks and style="" attributes (page text is left alone)
STYLE_BLOCK_RE = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.I | re.S)
STYLE_ATTR_RE = re.compile(r"""(\bstyle\s*=\s*")([^"]*)(")""", re.I)
# a tag's relative reference into the site's static/ ("../../static/images/favicon.ico"): GX's
# favicon.j2 puts suite-name dots + 3 "../" before it on a validation page, which sits one deeper
# (validations/<suite parts>/<run>/<time>/<batch>.html), so the favicon pointed outside the site
STATIC_REF_RE = re.compile(r"""(\b(?:href|src)\s*=\s*")((?:\.\.?/)*)(static/[^"]*)(")""", re.I)
# what loads something: used by the tests to prove a site has no external asset left
EXTERNAL_ASSET_RES = (SCRIPT_RE, LINK_RE, SRC_RE, CSS_URL_RE, IMPORT_RE)


# --------------------------------------------------------------------------- failing values

def fragment(text: str, patterns: Iterable[str], context: int = FRAGMENT_CONTEXT) -> str | None:
    """The earliest match of any of `patterns` in `text` with `context` characters either side,
    "…" where text was cut and whitespace runs as one space; None when nothing matches."""
    best: re.Match[str] | None = None
    for pattern in patterns:
        try:
            match = re.search(pattern, text)
        except re.error:
            continue
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    start, end = max(0, best.start() - context), min(len(text), best.end() + context)
    matched = text[best.start():best.end()]
    if len(matched) > DISPLAY_CHARS:
        matched = matched[:DISPLAY_CHARS] + ELLIPSIS
    shown = _squeeze(text[start:best.start()]) + _squeeze(matched) + _squeeze(text[best.end():end])
    return (ELLIPSIS if start else "") + shown.strip() + (ELLIPSIS if end < len(text) else "")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _patterns(config: Any) -> list[str]:
    kwargs = config.kwargs
    if config.type == NOT_MATCH_TYPES[0] and isinstance(kwargs.get("regex"), str):
        return [kwargs["regex"]]
    if config.type == NOT_MATCH_TYPES[1] and isinstance(kwargs.get("regex_list"), list):
        return [p for p in kwargs["regex_list"] if isinstance(p, str)]
    return []


def for_display(result: Any) -> None:
    """Rewrite one ExpectationValidationResult in place for the Data Docs pages (module doc)."""
    config = result.expectation_config
    patterns = _patterns(config) if config is not None and config.type in NOT_MATCH_TYPES else []
    body = dict(result.result or {})
    if patterns and not result.success:
        column = config.kwargs.get("column")
        matched: set[str] = set()

        def cut(value: Any) -> Any:
            if not isinstance(value, str):
                return value
            hits = [p for p in patterns if _search(p, value)]
            matched.update(hits)
            return value if len(value) <= WHOLE_VALUE_CHARS else fragment(value, hits) or value

        for key in VALUE_LISTS:
            if isinstance(body.get(key), list):
                body[key] = [cut(v) for v in body[key]]
        for key in INDEX_LISTS:
            if isinstance(body.get(key), list):
                body[key] = [{k: cut(v) if k == column else v for k, v in item.items()}
                             if isinstance(item, dict) else item for item in body[key]]
        for key in COUNT_LISTS:
            if isinstance(body.get(key), list):
                body[key] = [{**item, "value": cut(item.get("value"))} if isinstance(item, dict) else item
                             for item in body[key]]
        shown = [p for p in patterns if p in matched]
        if shown and len(shown) < len(patterns):
            # the page names the patterns that matched, not all of them (GATE_PATTERNS is ~4 KB)
            key = "regex_list" if "regex_list" in config.kwargs else "regex"
            kwargs = {**config.kwargs, key: shown if key == "regex_list" else shown[0]}
            result.expectation_config = type(config)(type=config.type, kwargs=kwargs, meta=config.meta,
                                                     id=config.id)
    result.result = escaped(body)


def _search(pattern: str, value: str) -> bool:
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return False


def escaped(value: Any) -> Any:
    """`value` with every string HTML-escaped and cut to DISPLAY_CHARS (GX writes them as they are)."""
    if isinstance(value, str):
        cut = value if len(value) <= DISPLAY_CHARS else value[:DISPLAY_CHARS] + ELLIPSIS
        return html.escape(cut, quote=True)
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escaped(v) for v in value]
    return value


# --------------------------------------------------------------------------- offline assets

@lru_cache(maxsize=1)
def manifest() -> dict[str, Any]:
    """data_docs_assets/manifest.json: the vendored files and the CDN addresses they replace."""
    return json.loads((ASSETS_DIR / "manifest.json").read_text(encoding="utf-8"))


def _relative(target: Path, page: Path) -> str:
    return Path(os.path.relpath(target, page.parent)).as_posix()


def localize_site(docs_dir: Path) -> list[str]:
    """Copy the vendored assets into `docs_dir` and point every page at them (module doc).

    Returns "<page>: <url>" for each external reference that had no local copy and was
    removed (empty for the pages GX 1.x builds for this project's suites).
    """
    docs_dir = Path(docs_dir)
    spec = manifest()
    vendor = docs_dir.joinpath(*VENDOR_DIR)
    local: dict[str, Path] = {}
    for entry in spec["files"]:
        target = vendor / entry["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS_DIR / entry["path"], target)
        for url in entry.get("urls", []):
            local[url] = target
    dropped = set(spec.get("dropped", {}))
    images = docs_dir.joinpath(*IMAGES_DIR)
    gx_assets = spec["gx_web_assets"]
    removed: list[str] = []
    for page in sorted([*docs_dir.rglob("*.html"), *docs_dir.rglob("*.css")]):
        if vendor in page.parents:
            continue
        text = page.read_text(encoding="utf-8")
        new = _localize(text, page, local, dropped, images, gx_assets, removed, docs_dir)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return removed


def _localize(text: str, page: Path, local: dict[str, Path], dropped: set[str], images: Path,
              gx_assets: str, removed: list[str], docs_dir: Path) -> str:
    name = page.relative_to(docs_dir).as_posix()

    def gone(url: str) -> str:
        if url not in dropped:
            removed.append(f"{name}: {url}")
        return ""

    def image(url: str) -> str | None:
        if not url.startswith(gx_assets):
            return None
        wanted = images / url[len(gx_assets):].split("?")[0].split("#")[0]
        return _relative(wanted if wanted.is_file() else images / LOGO, page)

    def script(m: re.Match[str]) -> str:
        url = m.group(1)
        # integrity/crossorigin dropped: a file:// page cannot load a local script in CORS mode
        return f'<script src="{_relative(local[url], page)}"></script>' if url in local else gone(url)

    def link(m: re.Match[str]) -> str:
        url = m.group(1)
        return f'<link rel="stylesheet" href="{_relative(local[url], page)}">' if url in local else gone(url)

    def src(m: re.Match[str]) -> str:
        path = image(m.group(1))
        return f'src="{path}"' if path else 'src="' + gone(m.group(1)) + '"'

    def css_url(m: re.Match[str]) -> str:
        path = image(m.group(1))
        return f"url('{path}')" if path else (gone(m.group(1)) or "none")

    def css(block: str) -> str:
        return CSS_URL_RE.sub(css_url, IMPORT_RE.sub(lambda m: gone(m.group(1)), block))

    if page.suffix == ".css":
        return css(text)
    text = SCRIPT_RE.sub(script, text)
    text = LINK_RE.sub(link, text)
    text = SRC_RE.sub(src, text)
    text = STATIC_REF_RE.sub(lambda m: m.group(1) + _relative(docs_dir / m.group(3), page) + m.group(4), text)
    text = STYLE_BLOCK_RE.sub(lambda m: m.group(1) + css(m.group(2)) + m.group(3), text)
    return STYLE_ATTR_RE.sub(lambda m: m.group(1) + css(m.group(2)) + m.group(3), text)


def external_assets(docs_dir: Path) -> list[str]:
    """"<page>: <url>" for every external script, stylesheet, image or CSS url() in the site."""
    found = []
    for page in sorted([*Path(docs_dir).rglob("*.html"), *Path(docs_dir).rglob("*.css")]):
        text = page.read_text(encoding="utf-8")
        for pattern in EXTERNAL_ASSET_RES:
            found += [f"{page.relative_to(docs_dir).as_posix()}: {m.group(1)}" for m in pattern.finditer(text)]
    return found
