"""noVNC in a browser: Debian's noVNC (1.3) in headless Chromium speaks RFB over WebSockets to
the kiosk's loopback port (LibVNCServer answers the WebSocket handshake on the same port), as
an aidant's browser would through an SSH tunnel. Before the person's yes it gets the
placeholder and the person is asked; a developer's --watch shows the screen itself.

    novnc_test.py PASSERELLE
"""
import json
import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(__file__))
from kiosk_driver import Failure, Kiosk, free_port, wait_for  # noqa: E402
from remote_help_test import CONFIG, HOOK, _hook_file, check, uniform_share  # noqa: E402

from PIL import Image  # noqa: E402

NOVNC = "/usr/share/novnc"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser(url, out, seconds=12):
    """Headless Chromium loads noVNC and takes a screenshot once its virtual time has run."""
    subprocess.run(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--window-size=1080,1100", f"--virtual-time-budget={seconds * 1000}", f"--screenshot={out}", url],
        capture_output=True, timeout=120, check=True)
    return out


def main(passerelle):
    if not os.path.exists(os.path.join(NOVNC, "vnc_lite.html")):
        raise Failure(f"noVNC is not installed at {NOVNC} (Debian package novnc; make test installs it)")
    http_port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", http_port), partial(Quiet, directory=NOVNC))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = f"http://127.0.0.1:{http_port}/vnc_lite.html?host=127.0.0.1&scale=true"
    try:
        # A developer's watch: the browser shows the kiosk, frame and banner included.
        watch_port = free_port()
        directory = os.path.dirname(os.path.abspath(__file__))
        watched = subprocess.Popen(
            [passerelle, "--headless", "--watch", str(watch_port), "--data-dir", f"/tmp/novnc-watch-{os.getpid()}",
             "--size", "1080x1920"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        def orange_cells(shot):
            image = Image.open(shot).convert("RGB").resize((108, 110))
            return sum(1 for p in image.getdata() if p[0] > 150 and 40 < p[1] < 110 and p[2] < 60)
        try:
            wait_for("the watch port", lambda: subprocess.run(["bash", "-c", f"exec 3<>/dev/tcp/127.0.0.1/{watch_port}"],
                                                                capture_output=True).returncode == 0, timeout=20)
            # Headless Chromium's virtual time may run ahead of the frame's decoding: try again.
            for budget in (12, 20, 30):
                shot = browser(f"{page}&port={watch_port}", f"/tmp/novnc-watch-{os.getpid()}.png", budget)
                if orange_cells(shot) > 50:
                    break
        finally:
            watched.terminate()
            watched.wait(timeout=20)
        orange = orange_cells(shot)
        check(uniform_share(shot) < 0.8 and orange > 50,
              f"noVNC in Chromium shows the watched kiosk with its frame ({orange} orange cells)")

        # Remote help: the one-time password in noVNC; the person is asked, the browser waits.
        port = free_port()
        kiosk = Kiosk(passerelle, CONFIG.replace("{port}", str(port)))
        with open(os.path.join(kiosk.dir, "hook.sh"), "w") as f:
            f.write(HOOK)
        os.chmod(os.path.join(kiosk.dir, "hook.sh"), 0o700)
        try:
            kiosk.tap("Besoin d'aide ?")
            kiosk.wait_screen("help")
            kiosk.tap(node_id="help-remote")
            kiosk.wait_screen("help-looking")
            password = json.load(open(wait_for("the hook", lambda: _hook_file(kiosk.dir))))["join"]["password"]
            # Under load the browser's virtual time may end before its connection is made: the
            # password is used up only by a viewer that gave it, so try again.
            for budget in (12, 20, 30):
                browser(f"{page}&port={port}&password={password}", os.path.join(kiosk.dir, "novnc-held.png"), budget)
                if any(kind == "remote_connected" for kind, _ in kiosk.journal()):
                    break
            journal = [kind for kind, _ in kiosk.journal()]
            check("remote_connected" in journal, "the browser gave the one-time password (noVNC's VNC authentication)")
            check("remote_consent_given" not in journal and "remote_session_started" not in journal,
                  "and nothing was shared: the person never said yes")
        finally:
            kiosk.stop()
    finally:
        server.shutdown()
    print("all noVNC checks passed")


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Failure as failure:
        print("FAILED:", failure)
        sys.exit(1)
