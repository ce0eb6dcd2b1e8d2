"""A real passerelle in a real X window (Xvfb), touched with xdotool as a person would, and
watched through its scene file. Shared by the remote-help integration tests."""
import json
import os
import signal
import socket
import subprocess
import tempfile
import time


class Failure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, timeout=20.0, interval=0.1):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    raise Failure(f"timed out waiting for {what}")


class Kiosk:
    """Starts passerelle under xvfb-run with a config; `tap(label)` touches a control."""

    def __init__(self, passerelle, config_text, size=(1080, 1920), env=None):
        self.dir = tempfile.mkdtemp(prefix="passerelle-assist-")
        self.data = os.path.join(self.dir, "data")
        self.scene_file = os.path.join(self.dir, "scene.json")
        self.config = os.path.join(self.dir, "passerelle.conf")
        with open(self.config, "w") as f:
            f.write(config_text.replace("$DIR", self.dir))
        display_file = os.path.join(self.dir, "display")
        pid_file = os.path.join(self.dir, "pid")
        w, h = size
        script = (
            f'echo "$DISPLAY $XAUTHORITY" > {display_file}; echo $$ > {pid_file}; '
            f"exec {passerelle} --config {self.config} --data-dir {self.data} --size {w}x{h} "
            f"--scene-file {self.scene_file}"
        )
        environment = dict(os.environ)
        environment.pop("INVOCATION_ID", None)
        environment.update(env or {})
        self.log = open(os.path.join(self.dir, "kiosk.log"), "w")
        self.process = subprocess.Popen(
            ["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", "bash", "-c", script],
            stdout=self.log, stderr=subprocess.STDOUT, env=environment)
        display = wait_for("the X display", lambda: _read(display_file))
        parts = display.split()
        self.x_env = dict(os.environ, DISPLAY=parts[0], XAUTHORITY=parts[1] if len(parts) > 1 else "")
        self.pid = int(wait_for("the kiosk's pid", lambda: _read(pid_file)))
        self.wait_screen("home")

    def scene(self):
        try:
            with open(self.scene_file) as f:
                return json.load(f)[0]
        except (OSError, ValueError, IndexError):
            return None

    def labels(self):
        scene = self.scene() or {"nodes": []}
        return [n["label"] for n in scene["nodes"]]

    def node(self, label=None, node_id=None):
        scene = self.scene() or {"nodes": []}
        for n in scene["nodes"]:
            if (label is not None and n["label"] == label) or (node_id is not None and n["id"] == node_id):
                return n
        return None

    def wait_screen(self, screen_id, timeout=20):
        wait_for(f"screen {screen_id}", lambda: (self.scene() or {}).get("screen") == screen_id, timeout)
        self.settle()

    def wait_node(self, what, label=None, node_id=None, timeout=20):
        found = wait_for(what, lambda: self.node(label, node_id), timeout)
        self.settle()
        return found

    def settle(self):
        """A new screen ignores taps for 0.5 s: wait until the scene has not changed for 0.8 s."""
        def quiet():
            try:
                return time.time() - os.path.getmtime(self.scene_file) > 0.8
            except OSError:
                return False
        wait_for("the screen to settle", quiet, timeout=10)

    @staticmethod
    def center(node):
        f = node["frame"]
        return f["x"] + f["width"] // 2, f["y"] + f["height"] // 2

    def tap(self, label=None, node_id=None):
        node = self.node(label, node_id)
        if node is None:
            raise Failure(f"no control {label or node_id} on {self.labels()}")
        self.tap_at(*self.center(node))

    def tap_at(self, x, y):
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=self.x_env, check=True)

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except OSError:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def journal(self):
        import sqlite3
        db = sqlite3.connect(os.path.join(self.data, "passerelle.sqlite"))
        rows = db.execute("SELECT kind, payload FROM journal ORDER BY id").fetchall()
        db.close()
        return [(kind, json.loads(payload)) for kind, payload in rows]


def _read(path):
    try:
        with open(path) as f:
            text = f.read().strip()
        return text or None
    except OSError:
        return None
