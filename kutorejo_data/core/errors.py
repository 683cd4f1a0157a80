"""Why a write was refused: the errors every write raises, with the i18n key of the message the user sees."""

from __future__ import annotations

from .filters import Scope


class ServiceError(Exception):
    """A write was refused; `key` is the i18n key of the message shown to the user."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


class ValidationError(ServiceError):
    """Some fields are invalid; `fields` maps each field name to its i18n message key."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("error.form_invalid")
        self.fields = fields


def require_writable(scope: Scope) -> None:
    """Refuse any write for a read-only scope (a guest), whatever page or import asked for it."""
    if scope.read_only:
        raise ServiceError("error.read_only")
