"""The Redis cache backend keeps one client per connection pool, and skips
memcached's key checks."""

import warnings

import pytest
from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import CacheKeyWarning

from connectapp.lib.cache import RedisCache


def test_it_reuses_one_client_instead_of_building_one_per_call():
    cache = RedisCache("redis://127.0.0.1:6379/0", {})
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    assert cache._cache.get_client("c", write=True) is first  # one server: one pool
    assert first.connection_pool is cache._cache._get_connection_pool(write=False)


def test_separate_servers_keep_separate_clients():
    cache = RedisCache("redis://127.0.0.1:6379/0,redis://127.0.0.1:6379/1", {})
    writer = cache._cache.get_client("a", write=True)
    reader = cache._cache.get_client("a")
    assert writer is not reader
    assert reader.connection_pool.connection_kwargs["db"] == 1


def test_keys_are_not_checked_against_memcacheds_limits():
    long_key = "fragment:" + "x" * 300
    with pytest.warns(CacheKeyWarning):  # what Django's own backend does on every call
        django_redis.RedisCache("redis://127.0.0.1:6379/0", {}).make_and_validate_key(long_key)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        key = RedisCache("redis://127.0.0.1:6379/0", {}).make_and_validate_key(long_key)
    assert key.endswith(long_key)
