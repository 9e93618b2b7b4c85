"""Rendered fragments of the timeline, cached under the data version.

Analysts mostly read the same few views (the first page, common filters) while the data changes
only when extraction or an editor writes. What costs a request its time (counting, fetching and
rendering 50 entries, grouping meetings by month) is rendered once per key and kept in the
`pages` cache (settings.CACHES, PAGE_CACHE_URL) as HTML.

Only fragments that are the same for everyone sharing a key are cached: never a whole page, whose
CSRF token, messages, navigation and user name are the requester's own. The page is rendered
for each request with the cached fragment inserted. A key holds:

- the data version (events.data_version): any committed change makes new keys, so nothing
  stale is served once the version is read again (within DATA_VERSION_CHECK_SECONDS);
- the fragment's kind (results, entries, histogram...);
- the normalized filters and page number;
- the interface language (month names, labels);
- the requester's role, should a fragment ever show editors more than analysts.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from contextvars import ContextVar

from django.core.cache import caches
from django.http import HttpRequest
from django.http.request import QueryDict
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from events.data_version import data_version_current
from events.roles import user_is_editor

CACHE_ALIAS = "pages"

logger = logging.getLogger(__name__)

# The data version a fragment being rendered is keyed by: what it caches inside (its count) is
# keyed by the same one, read once.
_rendering_version: ContextVar[int | None] = ContextVar("rendering_version", default=None)


def viewer_role(request: HttpRequest) -> str:
    """What a fragment may show differently: editors (staff or not) and analysts."""
    user = request.user
    if not user_is_editor(user):
        return "analyst"
    return "editor-staff" if user.is_staff else "editor"


def _filters_hash(query: QueryDict) -> str:
    # The filters as the form reads them (events.views.filter_query), in the form's order;
    # hashed so that a long query makes a key every backend accepts (memcached: 250 bytes).
    return hashlib.sha256(query.urlencode().encode()).hexdigest()[:32]


def fragment_key(
    request: HttpRequest, *, kind: str, query: QueryDict, page: int = 1, version: int | None = None
) -> str:
    filters = _filters_hash(query)
    language = translation.get_language() or ""
    role = viewer_role(request)
    version = data_version_current() if version is None else version
    return f"{kind}:v{version}:{language}:{role}:p{page}:{filters}"


def count_key(query: QueryDict) -> str:
    """A count is the same in every language, for every role and page, in either order."""
    unordered = query.copy()
    unordered.pop("order", None)
    version = _rendering_version.get()
    version = data_version_current() if version is None else version
    return f"count:v{version}:{_filters_hash(unordered)}"


def cached_fragment(
    request: HttpRequest,
    *,
    kind: str,
    query: QueryDict,
    render: Callable[[], str],
    page: int = 1,
) -> SafeString:
    """The fragment for this request's key: from the cache, or rendered by `render` (which
    must not depend on anything but the key's parts) and kept for PAGE_CACHE_SECONDS."""
    version = data_version_current()
    key = fragment_key(request, kind=kind, query=query, page=page, version=version)

    def render_under_version() -> str:
        token = _rendering_version.set(version)
        try:
            return str(render())
        finally:
            _rendering_version.reset(token)

    # It was rendered by our templates, escaped there.
    return mark_safe(_cached(key, render_under_version))


def cached_count[T](*, query: QueryDict, count: Callable[[], T]) -> T:
    """How many meetings the filters in `query` match: from the cache, or counted by `count`.

    The first page and every page after it (`?page=N`) show the same count: counted once per
    data version, it costs a page further on nothing."""
    return _cached(count_key(query), count)


def _cached[T](key: str, make: Callable[[], T]) -> T:
    # A cache that fails (a full disk, a folder it cannot create, a server down) costs the
    # time of making the value, never the page.
    try:
        cache = caches[CACHE_ALIAS]
        value = cache.get(key)
    except Exception:
        logger.warning("The page cache cannot be read; rendering.", exc_info=True)
        return make()
    if value is None:
        value = make()
        try:
            cache.set(key, value)
        except Exception:
            logger.warning("The page cache cannot be written.", exc_info=True)
    return value
