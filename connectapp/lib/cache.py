"""Django's Redis cache backend, with one redis-py client per connection pool
and without memcached's key checks.

Django makes a new `redis.Redis` object for every cache call. With redis-py 8
that costs about as much as the call itself: each new client builds its table
of reply parsers. A client is safe to share between threads (it takes a
connection from its pool for each command), so this backend keeps one.
Settings switch to it whenever CACHE_URL names Redis.
"""

from django.core.cache.backends import redis as django_redis


class SharedClientRedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key: str) -> None:
        """Nothing to check. Django's base backend warns about keys that
        memcached would refuse (over 250 characters, spaces, control
        characters), walking each key's characters in Python on every call:
        a page that reads 20 data versions paid for it 20 times. Redis takes
        any key."""
