#!/usr/bin/python3
"""Receives COUNT messages from ADDRESS on URL with proton.utils.BlockingConnection and prints
each body on a line. Usage: blocking_recv.py URL ADDRESS COUNT
"""
import sys

from proton.utils import BlockingConnection


def main(url, address, count):
    conn = BlockingConnection(url, timeout=20)
    try:
        receiver = conn.create_receiver(address, credit=count)
        for _ in range(count):
            msg = receiver.receive(timeout=20)
            receiver.accept()
            print(repr(msg.body), flush=True)
    finally:
        conn.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
