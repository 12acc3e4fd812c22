"""Web evidence: safe fetching, security.txt (RFC 9116), disclosure policies and support periods.

The safe fetcher (`psti.evidence.web.fetch.fetch`) is shared with the registry service.
"""

from psti.evidence.web.fetch import FetchedDocument, FetchError, fetch

__all__ = ["FetchError", "FetchedDocument", "fetch"]
