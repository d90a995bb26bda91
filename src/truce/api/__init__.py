"""The REST API (CONTRACTS §6): FastAPI under `/api/v1`, bearer tokens with roles,
durable report intake, every write on the audit trail.

Roles and tokens load at once; the web parts (FastAPI) only when first used, so that
`truce users add` and the other commands do not pay for importing a web framework.
"""

from typing import TYPE_CHECKING, Any

from truce.api.roles import Role, create_user, hash_token

if TYPE_CHECKING:
    from truce.api.access import PREFIX, RULES
    from truce.api.app import Settings, create_app, serve

_LAZY = {
    "PREFIX": "truce.api.access",
    "RULES": "truce.api.access",
    "Settings": "truce.api.app",
    "create_app": "truce.api.app",
    "serve": "truce.api.app",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'truce.api' has no attribute {name!r}")


__all__ = [
    "PREFIX",
    "RULES",
    "Role",
    "Settings",
    "create_app",
    "create_user",
    "hash_token",
    "serve",
]
