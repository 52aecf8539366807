"""Spiders of the oit-audit Scrapy project."""
