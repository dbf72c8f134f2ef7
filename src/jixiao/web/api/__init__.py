"""The JSON API under ``/api/``: the same services and permissions as the pages, token
authentication, and one error envelope for every failure."""
