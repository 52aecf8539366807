"""Scrapy settings of the oit-audit crawler.

Scrapy's own settings come first, then the project's ``OIT_*`` settings; both alphabetical.
Every value can be overridden per run (``-s NAME=VALUE`` or the ``oit-audit`` options), and
the report states the limits that were in force.
"""

from scrapy.settings import default_settings

from checklists import vocabulary
from crawler.rendering import BROWSER_LAUNCH, playwright_download_handlers

BOT_NAME = "oit-audit"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
# Scrapy hands each response's output (a record and the links it follows) to this many
# asyncio tasks; the default 100 made 100 tasks per response, a fifth of a plain crawl's
# CPU (tests/benchmarks/crawl.py). A response yields one record: 4 lose nothing.
CONCURRENT_ITEMS = 4
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DEPTH_PRIORITY = 1  # breadth-first: pages near home first
DOWNLOADER_MIDDLEWARES = {
    # never connect to private/loopback/metadata addresses (every hop; crawler/addresses.py)
    "crawler.middlewares.addressguard.AddressGuardMiddleware": 50,
    "crawler.middlewares.addressguard.PrivateLookupMiddleware": 990,
    # through a proxy, the target's name is resolved and checked here (HttpProxy is 750)
    "crawler.middlewares.addressguard.ProxyTargetMiddleware": 760,
    # redirect loops and over-long chains fail with their chain (crawler/middlewares/redirects)
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.redirects.AuditMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.middlewares.redirects.AuditRedirectMiddleware": 600,
    "crawler.middlewares.secondchance.SecondChanceMiddleware": 540,
    # OIT_HOST_ALIASES (the demo's stable host names), before HttpProxyMiddleware (750)
    "crawler.middlewares.hostalias.HostAliasMiddleware": 740,
    # one short budget per external host; sees failures before the retries (550) do
    "crawler.middlewares.hostbudget.HostBudgetMiddleware": 560,
    # the HTTP cache, revalidating every response (crawler/nightly)
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
    "crawler.httpcache.AuditCacheMiddleware": 900,
    # the spider keeps to its site itself (its scope, crawler/spiders/oit.py) and names no
    # allowed_domains, so Scrapy's offsite filter let every request through, after reading
    # each one twice (its request_scheduled handler and process_request): left out
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
}
# Scrapy's downloader/* stats (each request written out as HTTP to count its bytes, each
# response's status and size): the audit reads none of them; what crossed the network is
# counted by crawler/netstats.py, what the cache answered by crawler/httpcache.py
DOWNLOADER_STATS = False
DOWNLOAD_HANDLERS = playwright_download_handlers()  # browser only for meta['playwright']
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
EXTENSIONS = {"crawler.netstats.NetworkStats": 500,
              "crawler.progress.Progress": 510,
              # focused crawl: stop once every item passes (crawler/focusstop.py)
              "crawler.focusstop.FocusStop": 520,
              # `scrapy crawl oit`: judge and write the reports at close (crawler/judging.py)
              "crawler.judging.JudgeOnClose": 900,
              # AutoThrottle that lets 304 answers speed a revalidating crawl up
              "scrapy.extensions.throttle.AutoThrottle": None,
              "crawler.httpcache.RevalidationThrottle": 0}
# Scrapy 2.19's remote control runs Python code sent to a localhost HTTP port (and imports
# aiohttp, starts a server and writes a job file per site): an unattended audit has no use
# for it, nor for the telnet console.  Scrapy imports every extension named in EXTENSIONS or
# its base, even one set to None, so they leave the base (the rest of it as Scrapy has it)
UNUSED_EXTENSIONS = ("scrapy.extensions.remote_control.RemoteControl",
                     "scrapy.extensions.telnet.TelnetConsole")
# Scrapy's core stats but for the receiver of every scraped item: the records pipeline, the
# last, counts them (crawler/corestats.py)
OWN_EXTENSIONS = {"scrapy.extensions.corestats.CoreStats": "crawler.corestats.AuditCoreStats"}
EXTENSIONS_BASE = {OWN_EXTENSIONS.get(path, path): order
                   for path, order in default_settings.EXTENSIONS_BASE.items()
                   if path not in UNUSED_EXTENSIONS}
FEED_EXPORT_ENCODING = "utf-8"
HTTPCACHE_DIR = ""  # set per site by the CLI (next to the history database)
HTTPCACHE_ENABLED = False  # the CLI turns it on with a history database (--db)
HTTPCACHE_GZIP = False  # documents are compressed already; 304s rewrite entries
HTTPCACHE_POLICY = "crawler.httpcache.RevalidatePolicy"
HTTPCACHE_STORAGE = "crawler.httpcache.SiteCacheStorage"
ITEM_PIPELINES = {"crawler.doctext.DocumentTextPipeline": 200,
                  "crawler.pipelines.RecordsPipeline": 300}
# the per-response and per-item DEBUG lines made only when a handler writes DEBUG
LOG_FORMATTER = "crawler.logformat.AuditLogFormatter"
LOG_LEVEL = "WARNING"
PLAYWRIGHT_ABORT_REQUEST = "crawler.rendering.abort_request"
# service workers fetch past page.route, so the address guard could not see them
PLAYWRIGHT_CONTEXTS = {"default": {"service_workers": "block"}}
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000
# the project's launch options (crawler/rendering.py), under any -s PLAYWRIGHT_LAUNCH_OPTIONS
PLAYWRIGHT_LAUNCH_OPTIONS = BROWSER_LAUNCH
PLAYWRIGHT_MAX_CONTEXTS = 1
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 2
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
RETRY_ENABLED = True
RETRY_TIMES = 2
ROBOTSTXT_OBEY = True
# JOBDIR (--resume): requests wait in memory and go to disk when the crawl stops
# (crawler/scheduler.py), in Scrapy's pickled FIFO without inspect.getmembers per request
SCHEDULER = "crawler.scheduler.AuditScheduler"
SCHEDULER_DISK_QUEUE = "crawler.diskqueue.AuditDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
# Scrapy's in-memory stats without the attribute hook its methods' spider-argument check
# runs on every stats call (crawler/statscollector.py)
STATS_CLASS = "crawler.statscollector.AuditStatsCollector"
REMOTE_CONTROL_ENABLED = False  # should EXTENSIONS name it again
TELNETCONSOLE_ENABLED = False
TWISTED_DNS_RESOLVER = "crawler.resolver.GuardedResolver"  # refuses private answers
USER_AGENT = (
    f"{vocabulary.TOOL}/{vocabulary.TOOL_VERSION} "
    "(+https://pypi.org/project/oit-audit/; ITA OIT self-check crawler)"
)
# Scrapy parses the source of each callback to warn about generators returning a value; its
# cache is keyed by the bound method, new for every response, so it re-parsed the spider's
# source (ast) once per response: milliseconds of CPU per page, for a warning about our code
WARN_ON_GENERATOR_RETURN_VALUE = False

OIT_ALLOW_PRIVATE = False  # True (--allow-private): intranet sites may use private addresses
OIT_AS_OF = ""  # YYYY-MM-DD; empty: today (read once by the CLI, never inside the rules)
OIT_CHECK_EXTERNAL = True  # one request per external evidence link (Drive, Facebook...)
OIT_CHECKLIST = vocabulary.DEFAULT_CHECKLIST  # a built-in checklist id or a path to a YAML file
OIT_DOCUMENT_MAX_BYTES = 30 * 1024 * 1024
OIT_DOCUMENT_MEMORY_MB = 1024  # address-space limit of each document reader process
OIT_DOCUMENT_TIME_LIMIT = 30.0  # CPU seconds to read one document (not wall: load-proof)
OIT_DOCUMENT_WORKERS = 2  # document reader processes; 0: read in the crawler (unbounded)
# s a document waits for a busy reader (or twice the last reader's start, if longer): one more
# starts (crawler/documents/worker.py START_WAITS)
OIT_DOCUMENT_WORKER_START_AFTER = 0.5
OIT_DOCUMENTS_AUDIT_MB = 1024  # document bytes read per audit; 0: no limit
OIT_DOCUMENTS_AUDIT_OCR_PAGES = 200  # pages rendered for OCR per audit; 0: no limit
OIT_DOCUMENTS_AUDIT_SECONDS = 1800  # seconds spent reading documents per audit; 0: no limit
OIT_DUE_SOON_DAYS = 14  # warn this many days before an item would count against the site
OIT_EIT = None  # last year's EIT points (--eit)
OIT_EXTERNAL_HOST_BUDGET = 20  # seconds of failed waiting per external host, all tries
OIT_EXTERNAL_MAX_BYTES = 2 * 1024 * 1024
OIT_FOCUS_CHECK_FIRST = 20  # focused crawl: records before the first on-the-way judging
OIT_FOCUS_CHECK_MAX = 3000  # focused crawl: records past which it is no longer judged on the way
OIT_FOCUS_CHECK_SHARE = 0.25  # focused crawl: most of its time spent judging on the way
OIT_FOCUS_EXPLORE = 10  # focused crawl: deferred pages fetched once the promising ones are done
OIT_FOCUS_PER_ITEM = 6  # focused crawl: pages followed for one item's wording alone
OIT_FOCUS_STOP = True  # focused crawl: stop once every item passes (and the budget is spent)
OIT_FOCUSED = False  # fetch the links likely to lead to evidence (the CLI's default; --full)
OIT_FETCH_SHARED = True  # follow Drive/Docs/OneDrive links to the file's content
OIT_FISCAL_YEAR = 0  # B.E.; 0: the fiscal year of the as-of date
OIT_HISTORY_DB = ""  # SQLite run history; set: the report gets 'changes' and 'history'
OIT_IIT = None  # last year's IIT points (--iit); with OIT_EIT: the estimated total and band
OIT_JUDGE_ON_CLOSE = True  # judge when the spider closes; the oit-audit runners judge after
OIT_JUDGING_CACHE = ""  # the site's file of per-page gathering results (the CLI sets it with --db)
OIT_LANG = "th"
OIT_MAX_DEPTH = 5
OIT_MAX_DOCUMENTS = 600
OIT_MAX_EXTERNAL = 300
OIT_MAX_FOLDER_FILES = 30
OIT_MAX_PAGES = 1500
OIT_MAX_RENDERED = 30  # pages rendered in Chromium per audit (script-built menus/content)
OIT_NETWORK_STATS = True  # count bytes received from the network (report crawl.network)
OIT_OUTPUT_DIR = ""  # where report.json/md/html go; empty: no reports (crawl only)
OIT_OUTPUT_LOCK = True  # lock OIT_OUTPUT_DIR while writing (the CLI holds the lock itself)
OIT_PRIORITY_WORDS = ["ita", "oit", "เปิดเผยข้อมูล", "คุณธรรม", "โปร่งใส", "ตัวชี้วัด"]
OIT_PROGRESS = "auto"  # auto: live display on a terminal, log lines otherwise; off
OIT_PROGRESS_INTERVAL = 60  # seconds between progress log lines (not on a terminal)
OIT_RENDER_JS = True  # render pages whose navigation is built by JavaScript (needs Chromium)
OIT_RESUME = False  # continue the crawl kept in JOBDIR and OUT/crawl.jsonl (--resume)
OIT_RUN_ID = 0  # the history run being written (the CLI sets it)
OIT_SECOND_CHANCE = True  # after retries, one more try with a longer timeout
OIT_SECOND_CHANCE_TIMEOUT = 90  # seconds for that last try
OIT_SHARING_HOSTS: dict[str, object] = {}  # SharingHosts overrides, e.g. {"drive": "127.0.0.1:8001"}
OIT_SITE_KEY = ""  # the history key of the site; empty: from the start URL
OIT_TEXT_CACHE_DIR = ""  # extracted document text by content digest; empty: no cache
OIT_UNITS_FILE = ""  # the office's units YAML (names, item owners); empty: the checklist's
