#!/usr/bin/python3
"""Sends COUNT messages to ADDRESS on URL with proton.utils.BlockingConnection, then receives
COUNT messages from the same address and prints each body on a line.

Usage: blocking_client.py URL ADDRESS COUNT
"""
import sys

from proton import Message
from proton.utils import BlockingConnection


def main(url, address, count):
    conn = BlockingConnection(url, timeout=20)
    try:
        sender = conn.create_sender(address)
        for i in range(count):
            sender.send(Message(body={"python": i, "text": "msg-%d" % i}))
        print("sent %d" % count, flush=True)
        receiver = conn.create_receiver(address, credit=count)
        for _ in range(count):
            msg = receiver.receive(timeout=20)
            receiver.accept()
            print("received %s %s" % (msg.body["python"], msg.body["text"]), flush=True)
    finally:
        conn.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
