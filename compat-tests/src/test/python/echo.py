#!/usr/bin/python3
"""A test peer for jproton's type round trips: listens on 127.0.0.1 (a free port), prints
"listening on PORT", and sends every message it receives on a link to address "echo" back, as
Python proton decoded it, on its link from "echo". Exits once its connection closes.
"""
import socket

from proton.handlers import MessagingHandler
from proton.reactor import Container


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Echo(MessagingHandler):
    def __init__(self, port):
        super(Echo, self).__init__()
        self.port = port
        self.sender = None
        self.waiting = []

    def on_start(self, event):
        self.acceptor = event.container.listen("127.0.0.1:%d" % self.port)
        print("listening on %d" % self.port, flush=True)

    def on_link_opened(self, event):
        if event.link.is_sender:
            self.sender = event.link

    def on_message(self, event):
        self.waiting.append(event.message)
        self.flush()

    def on_sendable(self, event):
        self.flush()

    def flush(self):
        while self.sender is not None and self.sender.credit > 0 and self.waiting:
            self.sender.send(self.waiting.pop(0))

    def on_connection_closed(self, event):
        self.acceptor.close()


if __name__ == "__main__":
    Container(Echo(free_port())).run()
