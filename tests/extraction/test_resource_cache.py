"""The engine's disk cache of built resources: reused, rebuilt on change, safe with many."""

import gc
import multiprocessing
import shutil

import pytest

from events.extraction import lexicon, resource_cache


@pytest.fixture
def cache_dir(tmp_path):
    previous = resource_cache.directory()
    resource_cache.configure(tmp_path / "cache")
    yield tmp_path / "cache"
    resource_cache.configure(previous)


def test_a_stored_object_is_reused_without_building(cache_dir):
    calls = []

    def build():
        calls.append(1)
        return {"words": ("summit", "talks")}

    first = resource_cache.load_or_build("thing", "k1", build)
    second = resource_cache.load_or_build("thing", "k1", build)
    assert first == second == {"words": ("summit", "talks")}
    assert len(calls) == 1


def test_a_loaded_object_is_left_out_of_the_collector_s_walks(cache_dir):
    # Loaded resources live as long as the worker: frozen, so collections skip them.
    resource_cache.load_or_build("thing", "k3", lambda: {"words": ["summit", "talks"]})
    gc.unfreeze()
    try:
        loaded = resource_cache.load_or_build("thing", "k3", lambda: {})
        walked = {id(item) for item in gc.get_objects()}
        assert gc.get_freeze_count() > 0
        assert id(loaded) not in walked and id(loaded["words"]) not in walked
    finally:
        gc.unfreeze()


def test_a_changed_lexicon_gives_a_new_key(tmp_path, monkeypatch):
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon.LEXICON_DIR, copy)
    monkeypatch.setattr(lexicon, "LEXICON_DIR", copy)
    before = resource_cache.language_key("en")
    assert resource_cache.language_key("en") == before
    path = copy / "en.toml"
    path.write_text(path.read_text() + "\n# an editor's note\n")
    assert resource_cache.language_key("en") != before


def test_an_unreadable_file_is_rebuilt(cache_dir):
    cache_dir.mkdir(parents=True)
    (cache_dir / "thing-k2.pickle").write_bytes(b"not a pickle")
    assert resource_cache.load_or_build("thing", "k2", lambda: [1, 2, 3]) == [1, 2, 3]
    assert resource_cache.load_or_build("thing", "k2", lambda: ["rebuilt"]) == [1, 2, 3]


def _build_in_process(directory: str, seed: int, results) -> None:
    resource_cache.configure(directory)
    value = resource_cache.load_or_build("big", "k3", lambda: list(range(200_000)))
    results.put(len(value) == 200_000 and value[-1] == 199_999)


def test_builders_at_once_leave_one_whole_file(cache_dir):
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [
        context.Process(target=_build_in_process, args=(str(cache_dir), n, results))
        for n in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [results.get(timeout=5) for _ in workers] == [True] * 4
    assert [path.name for path in cache_dir.iterdir()] == ["big-k3.pickle"]


def test_any_lexicon_changes_the_key_of_what_all_of_them_build(tmp_path, monkeypatch):
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon.LEXICON_DIR, copy)
    monkeypatch.setattr(lexicon, "LEXICON_DIR", copy)
    before = resource_cache.lexicons_key()
    path = copy / "ru.places.toml"
    path.write_text(path.read_text() + "\n# an editor's note\n")
    assert resource_cache.lexicons_key() != before


def test_the_city_names_search_uses_are_kept_and_read_back(cache_dir):
    from events.extraction import place_names

    place_names._names_by_city.cache_clear()
    try:
        built = place_names.city_names("Moscow")
        assert len(list(cache_dir.glob("city-names-*.pickle"))) == 1
        place_names._names_by_city.cache_clear()
        assert place_names.city_names("Moscow") == built
        assert "Москва" in built
    finally:
        place_names._names_by_city.cache_clear()


def test_geonames_cities_are_kept_and_read_back(cache_dir):
    from events.extraction import places

    places._cities.cache_clear()
    places._capitals.cache_clear()
    try:
        assert places.capital("FR").name == "Paris"
        assert len(list(cache_dir.glob("cities-*.pickle"))) == 1
        places._cities.cache_clear()
        places._capitals.cache_clear()
        assert places.capital("FR").name == "Paris"
    finally:
        places._cities.cache_clear()
        places._capitals.cache_clear()
