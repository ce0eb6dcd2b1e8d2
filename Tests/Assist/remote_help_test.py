"""Remote help end to end: a real kiosk in an X window, a person who taps with xdotool, and
an aidant with a real RFB client (vncdotool). Nobody sees anything before the person's yes,
nobody touches before the second yes, a local touch wins, one tap stops it, and the journal
keeps what happened (never the screen). Exit 0 when every check passed.

    remote_help_test.py PASSERELLE
"""
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from kiosk_driver import Failure, Kiosk, free_port, wait_for  # noqa: E402

from PIL import Image  # noqa: E402  (vncdotool's own dependency)
from vncdotool import api  # noqa: E402

CONFIG = """
[kiosk]
site_name = Médiathèque de test
help_desk = Accueil, au rez-de-chaussée
[idle]
timeout = 600
warning = 30
attract_after = 3600
[speech]
enabled = false
[help]
hook_command = $DIR/hook.sh
[assist]
listen = 127.0.0.1:{port}
aidant_name = Marie (test)
"""

HOOK = """#!/bin/sh
cat > "$(dirname "$0")/hook-$(date +%s%N).json"
"""


def check(condition, message):
    if not condition:
        raise Failure(message)
    print("ok -", message)


def vnc_refused(port, password=None):
    """A fresh vncdo run must fail to get a picture."""
    args = [os.path.join(os.path.dirname(sys.executable), "vncdo"), "-t", "6", "-s", f"127.0.0.1::{port}"]
    if password:
        args += ["-p", password]
    result = subprocess.run(args + ["capture", "/dev/null.png"], capture_output=True, timeout=30)
    return result.returncode != 0


def uniform_share(path):
    """The share of the picture's pixels that have its most common colour."""
    image = Image.open(path).convert("RGB").resize((108, 192))
    colours = image.getcolors(108 * 192)
    return max(count for count, _ in colours) / (108 * 192)


def main(passerelle):
    port = free_port()
    kiosk = Kiosk(passerelle, CONFIG.replace("{port}", str(port)))
    hook = os.path.join(kiosk.dir, "hook.sh")
    with open(hook, "w") as f:
        f.write(HOOK)
    os.chmod(hook, 0o700)
    aidant = None
    try:
        # 1. Nobody asked: a viewer is turned away before it sees anything.
        check(vnc_refused(port), "a viewer is refused while nobody asked for help")

        # 2. The person asks for remote help: the hook gets the one-time password and the code.
        kiosk.tap("Besoin d'aide ?")
        kiosk.wait_screen("help")
        kiosk.tap(node_id="help-remote")
        kiosk.wait_screen("help-looking")
        request = json.load(open(wait_for("the hook's JSON", lambda: _hook_file(kiosk.dir))))
        join = request["join"]
        check(request["kind"] == "remote" and len(join["password"]) == 8, "the hook received the request and a password")
        code = join["code"]
        shown = kiosk.node(node_id="help-code")["label"].replace(" ", "")
        check(shown == code, f"the screen shows the code the aidant got ({code})")

        # 3. A wrong password is refused.
        check(vnc_refused(port, "wrongpw1"), "a wrong password is refused")

        # 4. The aidant connects: held on a placeholder until the person says yes.
        aidant = api.connect(f"127.0.0.1::{port}", password=join["password"], timeout=15)
        question = kiosk.wait_node("the consent question", node_id="remote-question")
        name = kiosk.node(node_id="remote-aidant")["label"]
        check((name, question["label"]) == ("Marie (test)", "veut voir votre écran."),
              f"the person is asked by name: {name!r} {question['label']!r}")
        detail = kiosk.node(node_id="remote-detail")["label"]
        # One number, so that it reads in the same order in an Arabic sentence.
        check(code in detail, f"the question shows the code: {detail!r}")
        before = os.path.join(kiosk.dir, "before-consent.png")
        aidant.captureScreen(before)
        check(uniform_share(before) > 0.85, "before the yes the viewer gets a plain placeholder, not the screen")
        # Its clicks do nothing (it could not even see where "Oui" is).
        yes = kiosk.node(node_id="remote-yes")
        x, y = Kiosk.center(yes)
        aidant.mouseMove(x, y)
        aidant.mousePress(1)
        time.sleep(1.5)
        check(kiosk.node(node_id="remote-question") is not None, "the viewer's click cannot answer for the person")

        # 5. A second aidant is refused while one is connected.
        check(vnc_refused(port, join["password"]), "a second viewer is refused")

        # 6. The person says yes: the viewer sees the screen, view-only.
        kiosk.tap(node_id="remote-yes")
        banner = kiosk.wait_node("the banner", node_id="remote-banner")
        mode = kiosk.node(node_id="remote-mode")["label"]
        check((banner["label"], mode) == ("Marie (test)", "voit votre écran"), f"the banner names who sees: {banner['label']!r} {mode!r}")
        check(kiosk.scene()["screen"] == "home", "after the yes the person is back where they were (home)")
        time.sleep(0.5)
        after = os.path.join(kiosk.dir, "after-consent.png")
        aidant.captureScreen(after)
        check(uniform_share(after) < 0.85, "after the yes the viewer sees the kiosk's screen")
        frame = Image.open(after).convert("RGB").getpixel((540, 4))
        check(frame[0] > 150 and frame[2] < 80, f"the coloured frame is in the picture it gets: {frame}")

        tile = kiosk.node(node_id="tile-diagnostic") or kiosk.node("Faire le point")
        x, y = Kiosk.center(tile)
        aidant.mouseMove(x, y)
        aidant.mousePress(1)
        time.sleep(1.5)
        check(kiosk.scene()["screen"] == "home", "in view-only mode the aidant's click presses nothing")

        # 7. The second yes: the aidant may touch.
        kiosk.tap(node_id="remote-let-touch")
        kiosk.wait_node("the control question", node_id="remote-question")
        kiosk.tap(node_id="remote-yes")
        banner = kiosk.wait_node("the control banner", node_id="remote-take-back")
        time.sleep(2.2)  # a local touch wins for 2 s
        aidant.mouseMove(x, y)
        aidant.mousePress(1)
        kiosk.wait_screen("diagnostic-intro")
        print("ok - after the second yes the aidant's click opens the diagnostic")

        # 8. A local touch wins: right after the person touches, the aidant's click is ignored.
        status = kiosk.node(node_id="remote-banner")
        kiosk.tap_at(*Kiosk.center(status))
        back = kiosk.node("Retour")
        bx, by = Kiosk.center(back)
        aidant.mouseMove(bx, by)
        aidant.mousePress(1)
        time.sleep(1.0)
        check(kiosk.scene()["screen"] == "diagnostic-intro", "the aidant's click right after a local touch is ignored")
        time.sleep(1.5)
        aidant.mouseMove(bx, by)
        aidant.mousePress(1)
        kiosk.wait_screen("home")
        print("ok - two seconds later the aidant acts again")

        # 9. "Arrêter l'aide": one tap, the viewer is disconnected, a notice says it ended.
        kiosk.tap(node_id="remote-stop")
        kiosk.wait_node("the ended notice", node_id="remote-ended")
        check(_disconnected(aidant), "the viewer's connection is closed")
        check(vnc_refused(port, join["password"]), "the one-time password cannot be used again")
        kiosk.tap(node_id="remote-ended-ok")
        kiosk.wait_screen("home")
    finally:
        if aidant is not None:
            try:
                aidant.disconnect()
            except Exception:
                pass
        kiosk.stop()
        api.shutdown()

    # 10. The journal: what happened, never what was on the screen.
    kinds = [kind for kind, _ in kiosk.journal()]
    remote = [k for k in kinds if k.startswith("remote_") or k == "help_requested"]
    print("journal:", remote)
    expected = [
        "remote_connection_refused", "help_requested", "remote_connection_refused", "remote_connected",
        "remote_connection_refused", "remote_consent_given", "remote_session_started", "remote_consent_given",
        "remote_session_ended",
    ]
    check(_subsequence(expected, remote), f"the journal holds {expected}")
    ended = [payload for kind, payload in kiosk.journal() if kind == "remote_session_ended"][-1]
    check(ended["reason"] == "person_stopped" and int(ended["bytesSent"]) > 10_000,
          f"the end is journalled with its reason and the bytes sent: {ended}")
    print("all remote-help checks passed")


def _hook_file(directory):
    for name in sorted(os.listdir(directory)):
        if name.startswith("hook-") and name.endswith(".json") and os.path.getsize(os.path.join(directory, name)):
            return os.path.join(directory, name)
    return None


def _disconnected(client):
    """The server closed the connection: a capture no longer completes."""
    result = {}

    def capture():
        try:
            client.refreshScreen()
            result["ok"] = True
        except Exception as error:  # the proxy raises once the connection is gone
            result["error"] = error

    thread = threading.Thread(target=capture, daemon=True)
    thread.start()
    thread.join(timeout=5)
    return "ok" not in result


def _subsequence(expected, actual):
    it = iter(actual)
    return all(any(kind == a for a in it) for kind in expected)


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Failure as failure:
        print("FAILED:", failure)
        sys.exit(1)
