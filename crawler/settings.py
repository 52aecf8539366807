"""Scrapy settings of the oit-audit crawler.

Scrapy's own settings come first, then the project's ``OIT_*`` settings; both alphabetical.
Every value can be overridden per run (``-s NAME=VALUE`` or the ``oit-audit`` options), and
the report states the limits that were in force.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    _VERSION = version("oit-audit")
except PackageNotFoundError:  # running from a source tree
    _VERSION = "0.1.0"

BOT_NAME = "oit-audit"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DEPTH_PRIORITY = 1  # breadth-first: pages near home first
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
FEED_EXPORT_ENCODING = "utf-8"
ITEM_PIPELINES = {"crawler.pipelines.AuditPipeline": 300}
LOG_LEVEL = "WARNING"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
RETRY_ENABLED = True
RETRY_TIMES = 2
ROBOTSTXT_OBEY = True
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
TELNETCONSOLE_ENABLED = False
USER_AGENT = (
    f"oit-audit/{_VERSION} (+https://pypi.org/project/oit-audit/; ITA OIT self-check crawler)"
)

OIT_AS_OF = ""  # YYYY-MM-DD; empty: today (read once by the CLI, never inside the rules)
OIT_CHECK_EXTERNAL = True  # one request per external evidence link (Drive, Facebook...)
OIT_CHECKLIST = "nacc-oit-2565"  # a built-in checklist id or a path to a YAML file
OIT_DOCUMENT_MAX_BYTES = 30 * 1024 * 1024
OIT_EXTERNAL_MAX_BYTES = 2 * 1024 * 1024
OIT_FISCAL_YEAR = 0  # B.E.; 0: the fiscal year of the as-of date
OIT_LANG = "th"
OIT_MAX_DEPTH = 5
OIT_MAX_DOCUMENTS = 600
OIT_MAX_EXTERNAL = 300
OIT_MAX_PAGES = 1500
OIT_OUTPUT_DIR = ""  # where report.json/md/html go; empty: no reports (crawl only)
OIT_PRIORITY_WORDS = ["ita", "oit", "เปิดเผยข้อมูล", "คุณธรรม", "โปร่งใส", "ตัวชี้วัด"]
