"""A numeric keypad on the real window (Xvfb), pressed with xdotool: with NumLock off
(KP_Down, KP_Begin) and on (KP_8, KP_2, KP_5…) its keys move the focus and activate, and the
digit SDL also types when NumLock is on is dropped, so a keypad key never types into the phone
number; the keyboard's digit row still does. The focus is read from the scene file.

    keypad_window_test.py PASSERELLE AGENDA
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from kiosk_driver import Failure, Kiosk, wait_for  # noqa: E402
from remote_help_test import check  # noqa: E402

CONFIG = """
[speech]
enabled = false
[idle]
timeout = 600
attract_after = 3600
"""


def main(passerelle, agenda):
    # The driver runs the program through a shell line: the agenda goes with it.
    kiosk = Kiosk(f"{passerelle} --import-agenda {agenda}", CONFIG)
    try:
        def scene():
            try:
                with open(kiosk.scene_file) as f:
                    return json.load(f)[0]
            except (OSError, ValueError, IndexError):
                return None

        def field():
            nodes = scene()["nodes"]
            text = next((n["label"] for n in nodes if n["id"] == "my-phone-field"), None)
            return None if text is None else text.replace("\u00a0", "").replace(" ", "")

        def press(name):
            # After the voice, as a person would: a new screen ignores Enter for half a second.
            subprocess.run(["xdotool", "key", name], env=kiosk.x_env, check=True)
            time.sleep(0.7)
            return scene()

        wait_for("home with its journeys", lambda: (s := scene()) and s["screen"] == "home"
                 and any(n["id"] == "tile-my-appointment" for n in s["nodes"]), timeout=60)
        time.sleep(1)
        window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Passerelle"],
                                env=kiosk.x_env, capture_output=True, text=True, check=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=kiosk.x_env, check=True)

        check(press("KP_Down")["focus"] == "tile-diagnostic", "NumLock off: keypad 2 lands on the first journey")
        press("KP_Down")
        check(press("KP_Down")["focus"] == "tile-my-appointment", "keypad 2 moves down")
        press("KP_Enter")
        shown = wait_for("the phone number screen", lambda: (s := scene()) and s["screen"] == "my-appointment-phone"
                         and s["focus"] == "key-1" and s)
        check(shown["focus"] == "key-1", "a new screen puts the focus on its first control: the key 1")
        time.sleep(0.6)
        check(press("KP_8")["focus"] != "key-1" and field() == "", "NumLock on: keypad 8 moves up and types nothing")
        check(press("KP_2")["focus"] == "key-1" and field() == "", "keypad 2 moves back down, nothing typed")
        check(press("KP_5")["focus"] == "key-1" and field() == "1", "keypad 5 presses the focused key: 1")
        press("KP_0")
        press("KP_3")
        check(field() == "1", "keypad 0 and 3 type nothing")
        check(press("KP_6")["focus"] == "key-2" and field() == "1", "keypad 6 moves right")
        check(press("KP_Begin")["focus"] == "key-2" and field() == "12", "NumLock off: keypad 5 presses it")
        press("7")
        check(field() == "127", "the keyboard's digit row still types")
        print("all keypad checks passed")
    except Failure as failure:
        print("FAILED:", failure)
        with open(os.path.join(kiosk.dir, "kiosk.log")) as log:
            print(log.read()[-2000:])
        sys.exit(1)
    finally:
        kiosk.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
