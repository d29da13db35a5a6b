#!/usr/bin/python3
"""Connects with user and password through proton.utils.BlockingConnection (Python proton lets
PLAIN go without TLS by default), prints "connected" and closes, or prints "error: ..." if the
connection fails.

Usage: sasl_connect.py URL USER PASSWORD [CA-FILE]
"""
import sys

from proton import SSLDomain
from proton.utils import BlockingConnection


def main(url, user, password, ca=None):
    domain = None
    if ca:
        domain = SSLDomain(SSLDomain.MODE_CLIENT)
        domain.set_trusted_ca_db(ca)
        domain.set_peer_authentication(SSLDomain.VERIFY_PEER)
    try:
        conn = BlockingConnection(url, timeout=20, ssl_domain=domain, user=user, password=password)
    except Exception as e:
        print("error: %s" % e, flush=True)
        return
    print("connected", flush=True)
    conn.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
