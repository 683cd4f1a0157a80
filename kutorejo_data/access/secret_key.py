"""The key that signs login cookies: from the environment, from Streamlit's secrets, or generated once."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from kutorejo_data.core.config import PROJECT_ROOT

SECRET_KEY_ENV = "KUTOREJO_SECRET_KEY"
SECRET_KEY_FILE = PROJECT_ROOT / "instance" / "secret_key"
MIN_LENGTH = 32


def secret_key(configured: str | None = None, path: Path = SECRET_KEY_FILE) -> str:
    """The signing key: env KUTOREJO_SECRET_KEY, else `configured` (secrets.toml), else a key kept in `path`."""
    for candidate in (os.environ.get(SECRET_KEY_ENV, ""), configured or ""):
        if candidate.strip():
            if len(candidate.strip()) < MIN_LENGTH:
                raise ValueError(f"the secret key must be at least {MIN_LENGTH} characters long")
            return candidate.strip()
    return _generated_key(path)


def _generated_key(path: Path) -> str:
    """Read the key file, creating it (owner-only) on first use; linking a finished file makes the race safe."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48))
        try:
            os.link(draft, path)  # atomic: another process's key, once there, is never overwritten
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text(encoding="ascii").strip()
