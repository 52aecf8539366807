"""The oit-audit Scrapy project: spider, items, pipelines, settings, and the CLI."""
