"""Nightly audits: run history (SQLite), what changed since the last run, items due soon,
incremental re-crawls (HTTP cache, text cache), resume, scheduling, locks and alerts.

The audit itself (crawl, judge, report) is unchanged; these modules record it, compare it
with the previous run and tell people when something got worse.
"""
