"""Remote help dialling out: kiosks sit behind NAT, so the kiosk connects to the aidant's
listening viewer (as `vncviewer -listen` does). The viewer here is vncdotool's RFB client
listening on loopback; in TLS mode `socat OPENSSL-LISTEN` stands in front of it with a
certificate from a test CA, which the kiosk checks (a certificate from another CA is refused).

    dial_out_test.py PASSERELLE plain|tls
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from kiosk_driver import Failure, Kiosk, free_port, wait_for  # noqa: E402
from remote_help_test import HOOK, _hook_file, check, uniform_share  # noqa: E402

from twisted.internet import reactor  # noqa: E402
from vncdotool import api  # noqa: E402
from vncdotool.client import VNCDoToolFactory  # noqa: E402

CONFIG = """
[speech]
enabled = false
[idle]
timeout = 600
attract_after = 3600
[help]
hook_command = $DIR/hook.sh
[assist]
aidant_name = France Services (test)
{dial}
"""


class ListeningViewer(VNCDoToolFactory):
    """The aidant's viewer in listen mode; it learns the one-time password from the hook."""

    def __init__(self, directory):
        super().__init__()
        self.directory = directory
        self.connections = 0

    def buildProtocol(self, addr):
        self.connections += 1
        return super().buildProtocol(addr)

    @property
    def password(self):
        path = wait_for("the hook's JSON", lambda: _hook_file(self.directory), timeout=10)
        return json.load(open(path))["join"]["password"]

    @password.setter
    def password(self, value):
        pass


def start_reactor():
    api.connect  # the module starts the reactor thread on first use; do the same here
    if not reactor.running:
        import threading
        thread = threading.Thread(target=reactor.run, kwargs={"installSignalHandlers": False}, daemon=True)
        thread.start()
        wait_for("the reactor", lambda: reactor.running, timeout=5)


def make_certificates(directory):
    def openssl(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=directory)
    for ca in ("ca", "other-ca"):
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN=Passerelle test {ca}",
                "-keyout", f"{ca}.key", "-out", f"{ca}.pem")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "viewer.key",
            "-out", "viewer.csr")
    with open(os.path.join(directory, "san.ext"), "w") as f:
        f.write("subjectAltName=DNS:localhost\n")
    openssl("x509", "-req", "-in", "viewer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "san.ext", "-out", "viewer.pem")
    with open(os.path.join(directory, "viewer-bundle.pem"), "w") as f:
        f.write(open(os.path.join(directory, "viewer.pem")).read() + open(os.path.join(directory, "viewer.key")).read())


def main(passerelle, mode):
    start_reactor()
    viewer_port = free_port()
    certificates = os.path.join("/tmp", f"passerelle-tls-{os.getpid()}")
    os.makedirs(certificates, exist_ok=True)
    socat = None
    if mode == "tls":
        make_certificates(certificates)
        tls_port = free_port()
        dial = f"dial_tls = localhost:{tls_port}\ntls_ca = {certificates}/ca.pem"
        wrong = f"dial_tls = localhost:{tls_port}\ntls_ca = {certificates}/other-ca.pem"
        socat = subprocess.Popen([
            "socat", f"OPENSSL-LISTEN:{tls_port},bind=127.0.0.1,reuseaddr,fork,verify=0,"
            f"cert={certificates}/viewer-bundle.pem", f"TCP:127.0.0.1:{viewer_port}"])
    else:
        dial = f"dial = 127.0.0.1:{viewer_port}"
        wrong = None
    try:
        if wrong:
            refused_by_kiosk(passerelle, wrong, viewer_port)
        helped(passerelle, dial, viewer_port, mode)
    finally:
        if socat:
            socat.terminate()
        api.shutdown()
    print(f"all dial-out checks passed ({mode})")


def request_remote_help(kiosk):
    hook = os.path.join(kiosk.dir, "hook.sh")
    with open(hook, "w") as f:
        f.write(HOOK)
    os.chmod(hook, 0o700)
    kiosk.tap("Besoin d'aide ?")
    kiosk.wait_screen("help")
    kiosk.tap(node_id="help-remote")
    kiosk.wait_screen("help-looking")


def refused_by_kiosk(passerelle, config, viewer_port):
    """The viewer's certificate is not from the configured CA: nothing reaches it."""
    viewer = ListeningViewer("/nonexistent")
    port = reactor_listen(viewer, viewer_port)
    kiosk = Kiosk(passerelle, CONFIG.replace("{dial}", config))
    try:
        request_remote_help(kiosk)
        time.sleep(3)
        check(viewer.connections == 0, "a viewer whose certificate the CA did not sign gets no connection")
        check(kiosk.node(node_id="remote-question") is None and kiosk.node(node_id="remote-ended") is None,
              "and the person is asked nothing")
    finally:
        kiosk.stop()
        reactor.callFromThread(port.stopListening)
        time.sleep(0.5)


def reactor_listen(factory, port):
    result = {}

    def listen():
        result["port"] = reactor.listenTCP(port, factory, interface="127.0.0.1")
    reactor.callFromThread(listen)
    return wait_for("the viewer to listen", lambda: result.get("port"), timeout=5)


def helped(passerelle, config, viewer_port, mode):
    kiosk = Kiosk(passerelle, CONFIG.replace("{dial}", config))
    viewer = ListeningViewer(kiosk.dir)
    proxy = api.ThreadedVNCClientProxy(viewer, timeout=15)

    def captured(protocol):
        proxy.protocol = protocol
        return protocol
    viewer.deferred.addCallback(captured)
    port = reactor_listen(viewer, viewer_port)
    try:
        request_remote_help(kiosk)
        request = json.load(open(wait_for("the hook's JSON", lambda: _hook_file(kiosk.dir))))
        check(request["join"]["mode"] == "reverse", f"the hook tells the aidant the kiosk dials out: {request['join']}")
        wait_for("the kiosk's connection", lambda: viewer.connections > 0, timeout=15)
        check(True, f"the kiosk dialled the listening viewer ({mode})")
        kiosk.wait_node("the consent question", node_id="remote-question")
        name = kiosk.node(node_id="remote-aidant")["label"]
        check(name == "France Services (test)", f"the person is told who: {name!r}")
        before = os.path.join(kiosk.dir, "before.png")
        proxy.captureScreen(before)
        check(uniform_share(before) > 0.85, "nothing of the screen before the yes")
        kiosk.tap(node_id="remote-yes")
        kiosk.wait_node("the banner", node_id="remote-banner")
        time.sleep(0.5)
        after = os.path.join(kiosk.dir, "after.png")
        proxy.captureScreen(after)
        check(uniform_share(after) < 0.85, "after the yes the aidant sees the screen")
        kiosk.tap(node_id="remote-stop")
        kiosk.wait_node("the ended notice", node_id="remote-ended")
    finally:
        kiosk.stop()
        reactor.callFromThread(port.stopListening)
    kinds = [kind for kind, _ in kiosk.journal()]
    check("remote_connected" in kinds and "remote_session_ended" in kinds, "the journal holds the session")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2])
    except Failure as failure:
        print("FAILED:", failure)
        sys.exit(1)
