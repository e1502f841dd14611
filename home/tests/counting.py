class CountingCache:
    """The cache, recording the keys of each round trip that reads it."""

    def __init__(self, cache):
        self.cache = cache
        self.reads = []

    def get(self, key, *args, **kwargs):
        self.reads.append([key])
        return self.cache.get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        self.reads.append(list(keys))
        return self.cache.get_many(keys, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)
