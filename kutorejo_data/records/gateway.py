"""The optional WhatsApp gateway: when KUTOREJO_WA_GATEWAY_URL is set, the daily job hands queued messages with a
valid number to it (POST JSON `{"target": "62…", "message": "…"}`, the token in the Authorization header).

Unconfigured, this module sends nothing: every message waits on the Pesan page for a person to send it by hand.
A refused message (HTTP 4xx) is marked `gagal` and stays on the page to be sent by hand; a gateway that cannot be
reached stops the run and leaves the rest queued for the next one.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select, update

from kutorejo_data.core.config import gateway
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.models import Pesan

GATEWAY_ACTOR = "gateway"
BATCH = 100  # messages per run: a slow gateway never holds the job for long
TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class GatewayResult:
    """What one run did: sent, refused by the gateway, and whether the gateway could not be reached."""

    sent: int
    refused: int
    unreachable: bool


def _post(url: str, token: str, number: str, text: str) -> int:
    """POST one message; the HTTP status (0 when the gateway cannot be reached)."""
    body = json.dumps({"target": number, "message": text}).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", token)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (the office's URL)
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, TimeoutError, OSError):
        return 0


def send_queued(engine: Engine, *, now: datetime) -> GatewayResult | None:
    """Send queued messages that have a valid number through the gateway; None when no gateway is configured."""
    configured = gateway()
    if configured is None:
        return None
    url, token = configured
    with engine.connect() as conn:
        waiting = conn.execute(
            select(Pesan.id, Pesan.nomor, Pesan.teks)
            .where(Pesan.status == "antre", Pesan.nomor.is_not(None))
            .order_by(Pesan.created_at, Pesan.id)
            .limit(BATCH)
        ).all()
    sent = refused = 0
    for message in waiting:
        status = _post(url, token, message.nomor, message.teks)
        if status == 0 or status >= 500:  # down or failing: try again on the next run
            return GatewayResult(sent, refused, unreachable=True)
        outcome = "terkirim" if 200 <= status < 300 else "gagal"
        with write_transaction(engine) as conn:
            conn.execute(
                update(Pesan)
                .where(Pesan.id == message.id, Pesan.status == "antre")
                .values(status=outcome, sent_at=now, sent_by=GATEWAY_ACTOR)
            )
        sent += outcome == "terkirim"
        refused += outcome == "gagal"
    return GatewayResult(sent, refused, unreachable=False)
