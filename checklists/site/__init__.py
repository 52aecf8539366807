"""What was seen on a site, as data: one record per fetched URL (``records``), the finished
crawl indexed for judging (``snapshot``), which URLs belong to the site (``scope``), whether
the site could be audited at all (``health``), which parts robots.txt kept the crawler out
of (``coverage``) and the words for failed or unrendered pages (``crawlnotes``).  Pure: no Scrapy; the crawler fills it, the engine reads it."""
