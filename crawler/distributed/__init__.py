"""Batches shared by several machines through Redis (scrapy-redis): see ``worker``."""
