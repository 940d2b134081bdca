"""Scrapy settings: polite defaults for the live sites, per-source overrides via `settings_for`.

Module-level names are the project defaults (`scrapy.cfg` points here); nothing is read
at import. `settings_for` adds what depends on the resolved source and the run
directory: the registry's user agent and robots.txt rule, politeness from sources.yml
for live hosts, near-zero delay for a loopback mirror, output paths and log file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from core.records import MAX_PAGE_BYTES
from core.sources import FALLBACK_USER_AGENT, CrawlSettings, Source, crawl_settings

BOT_NAME = "newsetl"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

USER_AGENT = FALLBACK_USER_AGENT  # settings_for() applies the registry's `crawl.user_agent`
ROBOTSTXT_OBEY = True

# Politeness defaults (live sites); settings_for() applies sources.yml `politeness`.
DEFAULT_DOWNLOAD_DELAY = 1.5
DOWNLOAD_DELAY = DEFAULT_DOWNLOAD_DELAY
DOWNLOAD_DELAY_JITTER = 0.5  # +-50% around DOWNLOAD_DELAY on live sites
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = DEFAULT_DOWNLOAD_DELAY
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Against a loopback mirror: no politeness wait, a few parallel requests, short backoff.
LOOPBACK_DOWNLOAD_DELAY = 0.0
LOOPBACK_CONCURRENCY_PER_DOMAIN = 4
LOOPBACK_DOWNLOAD_TIMEOUT = 15
LOOPBACK_BACKOFF_BASE = 0.1
LOOPBACK_BACKOFF_MAX = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
# Backoff before retry n: base * 2**(n-1) seconds, or the server's Retry-After, capped.
NEWSETL_RETRY_BACKOFF_BASE = 2.0
NEWSETL_RETRY_BACKOFF_MAX = 60.0
# 304 answers conditional listing requests; 404/410 reach the callbacks so they are
# recorded (as failures) in the crawl report.
HTTPERROR_ALLOWED_CODES = [304, 404, 410]
DOWNLOAD_TIMEOUT = 30
# Size cap: a Hanweb or Joomla page is 20-200 KB; anything over 5 MB is not an article
# (the transform applies the same cap to pages it is handed: core.records.MAX_PAGE_BYTES).
DOWNLOAD_MAXSIZE = MAX_PAGE_BYTES
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
# A body cut short is retried (crawlers.middlewares.DataLossRetryMiddleware), then handed
# to the spider flagged: an article page is counted as failed (never stored as an article,
# so the next run fetches it again), a listing page kept and flagged `truncated` (its links
# are still usable).
DOWNLOAD_FAIL_ON_DATALOSS = False
REDIRECT_MAX_TIMES = 5

DOWNLOADER_MIDDLEWARES = {
    # requests: the off-site guard first, before robots.txt (100) could fetch a foreign host
    "crawlers.middlewares.OffsiteGuardMiddleware": 50,
    # responses: HttpCompression (590) -> these -> RetryMiddleware (550)
    "crawlers.middlewares.CharsetMiddleware": 585,
    "crawlers.middlewares.DataLossRetryMiddleware": 570,
    "crawlers.middlewares.RetryBackoffMiddleware": 560,
}

TELNETCONSOLE_ENABLED = False
HTTPCACHE_ENABLED = False
COOKIES_ENABLED = True

ITEM_PIPELINES = {"crawlers.pipelines.RawPagePipeline": 300}

# Logging: run.py sends INFO to <out>/raw/<source>/crawl.log and WARNING to stderr.
LOG_LEVEL = "INFO"
LOG_INSTALL_ROOT_HANDLER = False
LOG_FILE_NAME = "crawl.log"
STDERR_LOG_LEVEL = "WARNING"

# Names of the newsetl-specific settings read by the pipeline.
SETTING_OUT_DIR = "NEWSETL_OUT_DIR"
SETTING_SOURCE = "NEWSETL_SOURCE"
SETTING_BASE_URL = "NEWSETL_BASE_URL"


def settings_for(source: Source, out: Path, crawl: CrawlSettings | None = None) -> dict[str, Any]:
    """Settings overrides for crawling `source` into run dir `out` (`crawl`: the registry's
    `crawl:` block, read from the registry when not given)."""
    politeness = source.politeness
    crawl = crawl or crawl_settings()
    overrides: dict[str, Any] = {
        SETTING_OUT_DIR: str(out),
        SETTING_SOURCE: source.name,
        SETTING_BASE_URL: source.base_url,
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.robotstxt_obey,
    }
    if source.is_loopback:
        overrides.update(
            DOWNLOAD_DELAY=LOOPBACK_DOWNLOAD_DELAY,
            DOWNLOAD_DELAY_JITTER=0.0,
            AUTOTHROTTLE_ENABLED=False,
            CONCURRENT_REQUESTS_PER_DOMAIN=LOOPBACK_CONCURRENCY_PER_DOMAIN,
            DOWNLOAD_TIMEOUT=LOOPBACK_DOWNLOAD_TIMEOUT,
            NEWSETL_RETRY_BACKOFF_BASE=LOOPBACK_BACKOFF_BASE,
            NEWSETL_RETRY_BACKOFF_MAX=LOOPBACK_BACKOFF_MAX,
        )
    else:
        overrides.update(
            DOWNLOAD_DELAY=politeness.download_delay,
            AUTOTHROTTLE_ENABLED=politeness.autothrottle,
            AUTOTHROTTLE_START_DELAY=politeness.download_delay,
            CONCURRENT_REQUESTS_PER_DOMAIN=politeness.concurrent_requests_per_domain,
        )
    return overrides
