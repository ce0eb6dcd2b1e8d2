"""The help hook over HTTP: the request is POSTed with an HMAC-SHA256 signature of its body,
retried under the same Idempotency-Key after a failure, and the one-time password is in what
is sent but never in the outbox row on disk.

    hook_test.py PASSERELLE
"""
import hashlib
import hmac
import json
import os
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

sys.path.insert(0, os.path.dirname(__file__))
from kiosk_driver import Failure, Kiosk, free_port, wait_for  # noqa: E402
from remote_help_test import check  # noqa: E402

KEY = b"a-test-key-of-the-intercommunalite"

CONFIG = """
[speech]
enabled = false
[idle]
timeout = 600
attract_after = 3600
[help]
hook_url = http://127.0.0.1:{port}/passerelle/help
hook_key_file = $DIR/hook.key
[assist]
listen = 127.0.0.1:{vnc}
"""


class Receiver(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append((dict(self.headers), body))
        # The first attempt fails: the kiosk must try again with the same key.
        self.send_response(503 if len(Receiver.received) == 1 else 200)
        self.end_headers()

    def log_message(self, *args):
        pass


def main(passerelle):
    port, vnc = free_port(), free_port()
    server = HTTPServer(("127.0.0.1", port), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    kiosk = Kiosk(passerelle, CONFIG.replace("{port}", str(port)).replace("{vnc}", str(vnc)))
    with open(os.path.join(kiosk.dir, "hook.key"), "wb") as f:
        f.write(KEY)
    try:
        kiosk.tap("Besoin d'aide ?")
        kiosk.wait_screen("help")
        kiosk.tap(node_id="help-remote")
        kiosk.wait_screen("help-looking")
        wait_for("a second attempt after the failure", lambda: len(Receiver.received) >= 2, timeout=30)
        db = sqlite3.connect(os.path.join(kiosk.data, "passerelle.sqlite"))
        rows = db.execute("SELECT status, attempts, payload FROM outbox").fetchall()
        db.close()
    finally:
        kiosk.stop()
        server.shutdown()
    (h1, b1), (h2, b2) = Receiver.received[:2]
    for headers, body in Receiver.received[:2]:
        expected = "sha256=" + hmac.new(KEY, body, hashlib.sha256).hexdigest()
        check(headers.get("X-Passerelle-Signature") == expected, "the body is signed with HMAC-SHA256")
    check(h1["Idempotency-Key"] == h2["Idempotency-Key"] and b1 == b2, "the retry sends the same body under the same key")
    request = json.loads(b2)
    join = request["join"]
    check(request["kind"] == "remote" and request["language"] == "fr" and join["mode"] == "ssh_tunnel"
          and join["address"] == f"127.0.0.1:{vnc}" and len(join["password"]) == 8 and join["code"] == request["code"],
          f"the request says how to join: {request}")
    check(len(rows) == 1 and rows[0][0] == "sent" and rows[0][1] == 2, f"the outbox row is sent after 2 attempts: {rows[0][:2]}")
    check(join["password"] not in rows[0][2], "the one-time password is not in the outbox row on disk")
    print("all hook checks passed")


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Failure as failure:
        print("FAILED:", failure)
        sys.exit(1)
