"""Bytes a script run sends to the browser: every ForwardMsg the run enqueues, serialized as on the websocket."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from streamlit.runtime.forward_msg_queue import ForwardMsgQueue


class WireCounter:
    """Sums the serialized size of the ForwardMsgs enqueued while it is installed."""

    def __init__(self) -> None:
        self.bytes = 0
        self.messages = 0

    def reset(self) -> None:
        """Start counting a new run."""
        self.bytes = 0
        self.messages = 0


@contextmanager
def counting_forward_msgs() -> Iterator[WireCounter]:
    """Count what AppTest's script runner enqueues (the same queue the server flushes to the websocket).

    Counted before the queue coalesces repeated deltas, so it is an upper bound of what a browser receives.
    """
    counter = WireCounter()
    original = ForwardMsgQueue.enqueue

    def enqueue(self: ForwardMsgQueue, msg) -> None:  # type: ignore[no-untyped-def]
        counter.bytes += msg.ByteSize()
        counter.messages += 1
        original(self, msg)

    ForwardMsgQueue.enqueue = enqueue  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        ForwardMsgQueue.enqueue = original  # type: ignore[method-assign]
