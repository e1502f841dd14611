"""A server on this machine that misbehaves as a real nginx or mail server might, for tests
of what the site does then."""

import socket
import threading
from contextlib import contextmanager


@contextmanager
def listening(answer):
    """A server on a free port that calls `answer(connection)` for each connection it
    accepts; its port. A connection `answer` leaves open is closed at the end."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def serve():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:  # closed: the test is over
                return
            accepted.append(connection)
            answer(connection)

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()
        for connection in accepted:
            connection.close()
