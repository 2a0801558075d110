PERMISSIONS: dict[str, frozenset[str]] = {}
