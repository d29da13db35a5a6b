#!/usr/bin/python3
"""A well-behaved client for the hostile-client suite: for each line "URL ADDRESS" read from stdin,
connects with proton.utils.BlockingConnection, sends one message to ADDRESS, receives it back, and
prints "ok N" (or "fail <error>") on one line. Runs until stdin ends, so that each check costs a
round trip, not an interpreter start.
"""
import sys

from proton import Message
from proton.utils import BlockingConnection


def round_trip(url, address, n):
    conn = BlockingConnection(url, timeout=20)
    try:
        sender = conn.create_sender(address)
        body = "round trip %d" % n
        sender.send(Message(body=body))
        receiver = conn.create_receiver(address, credit=1)
        msg = receiver.receive(timeout=20)
        receiver.accept()
        if msg.body != body:
            raise Exception("got %r, expected %r" % (msg.body, body))
    finally:
        conn.close()


def main():
    n = 0
    for line in sys.stdin:
        url, address = line.split()
        n += 1
        try:
            round_trip(url, address, n)
            print("ok %d" % n, flush=True)
        except Exception as e:  # the test prints it
            print("fail %s: %s" % (type(e).__name__, e), flush=True)


if __name__ == "__main__":
    main()
