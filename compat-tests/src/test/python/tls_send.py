#!/usr/bin/python3
"""Sends one message over TLS (amqps) with proton.utils.BlockingConnection, trusting the CA file
and checking the server's certificate (not its name); prints "sent".

Usage: tls_send.py HOST:PORT ADDRESS CA-FILE
"""
import sys

from proton import Message, SSLDomain
from proton.utils import BlockingConnection


def main(host_port, address, ca):
    domain = SSLDomain(SSLDomain.MODE_CLIENT)
    domain.set_trusted_ca_db(ca)
    domain.set_peer_authentication(SSLDomain.VERIFY_PEER)
    conn = BlockingConnection("amqps://" + host_port, timeout=20, ssl_domain=domain)
    try:
        sender = conn.create_sender(address)
        sender.send(Message(body="over TLS from Python"))
        print("sent", flush=True)
    finally:
        conn.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
