PAGES: dict = {}
ENDPOINTS: list = []


def world(users, ids) -> dict:
    return {}
