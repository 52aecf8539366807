"""A plain Scrapy same-site crawl: the baseline the crawl benchmark compares the audit with.

Follows every same-site ``<a>`` link (documents included: Scrapy's LinkExtractor with no
ignored extensions) and keeps nothing.  Run as a process of its own by
``tests/benchmarks/crawl.py``:

    python -m tests.benchmarks.plaincrawl URL [-s NAME=VALUE ...]
"""

from __future__ import annotations

import json
import sys
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor
from scrapy.settings import default_settings
from scrapy.spiders import CrawlSpider, Rule

# Scrapy's defaults for what the audit changes; crawl.py passes the shared values with -s.
BASE_SETTINGS = {"LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False,
                 "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
                 # the audit runs without Scrapy's remote control and telnet (crawler/settings.py)
                 "EXTENSIONS_BASE": {path: order for path, order
                                     in default_settings.EXTENSIONS_BASE.items()
                                     if not path.endswith((".RemoteControl", ".TelnetConsole"))}}


class PlainSpider(CrawlSpider):
    name = "plain"

    def __init__(self, url: str, *args, **kwargs) -> None:
        self.start_urls = [url]
        self.allowed_domains = [urlsplit(url).hostname]
        self.rules = (Rule(LinkExtractor(deny_extensions=[]), follow=True),)
        super().__init__(*args, **kwargs)


def main(argv: list[str]) -> None:
    url, rest = argv[0], argv[1:]
    settings = dict(BASE_SETTINGS)
    pairs = [rest[i + 1] for i in range(0, len(rest), 2) if rest[i] == "-s"]
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            settings[name] = json.loads(value)
        except ValueError:
            settings[name] = value
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(PlainSpider)
    process.crawl(crawler, url=url)
    process.start()
    stats = crawler.stats.get_stats()
    print(json.dumps({"responses": stats.get("response_received_count", 0)}))


if __name__ == "__main__":
    main(sys.argv[1:])
