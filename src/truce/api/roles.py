"""Roles and tokens: who may do what, and how a token is made and recognised.

A token is random, shown once, and stored only as its SHA-256: a stolen database gives
no working token. Tokens carry 256 bits of randomness, so an unsalted hash is enough.
"""

from __future__ import annotations

import hashlib
import secrets
from enum import StrEnum

from truce.errors import BadInput
from truce.store import Store, User

TOKEN_PREFIX = "truce_"


class Role(StrEnum):
    """Each role may do everything the roles before it may (CONTRACTS §6)."""

    VIEWER = "viewer"
    MONITOR = "monitor"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_user(store: Store, name: str, role: Role | str, *, actor: str | None = None) -> str:
    """Store a user and return their token: the only time it exists outside its holder."""
    if not name or len(name) > 64 or not name.isprintable() or name.strip() != name:
        raise BadInput(
            f"'{name}' is not a usable name (1 to 64 printable characters)", field="name"
        )
    try:
        role = Role(role)
    except ValueError:
        raise BadInput(
            f"unknown role '{role}' ({', '.join(r.value for r in Role)})", field="role"
        ) from None
    token = new_token()
    store.add_user(name, role.value, hash_token(token), actor=actor)
    return token


def user_role(user: User) -> Role:
    return Role(user.role)
