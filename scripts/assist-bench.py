#!/usr/bin/env python3
"""Remote help's bandwidth and latency (`make bench`): a release kiosk, headless, watched on
loopback (`--watch`: no password, no question), and a minimal RFB client written here that
asks for ZRLE (lossless, as TigerVNC does) and counts every byte it receives.

Prints: bytes over 60 s of idle (target 0), a full page change (target < 60 KB), a button
highlight (target < 12 KB), and the time from a remote click or key to the first byte of the
updated rectangle (target < 20 ms on loopback).

    assist-bench.py PASSERELLE [IDLE_SECONDS]
"""
import json
import os
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time

ZRLE, RAW, LAST_RECT = 16, 0, -224


class Viewer:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.lock = threading.Lock()
        self.bytes = 0
        self.updates = []  # (arrival time of the header, bytes of the update)
        self.handshake()
        threading.Thread(target=self.read_loop, daemon=True).start()

    def recv(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise EOFError("the kiosk closed the connection")
            data += chunk
        return data

    def handshake(self):
        version = self.recv(12)
        self.sock.sendall(version)
        count = self.recv(1)[0]
        types = self.recv(count)
        if 1 not in types:
            raise SystemExit(f"the kiosk asks for a password ({list(types)}): start it with --watch")
        self.sock.sendall(bytes([1]))
        if struct.unpack(">I", self.recv(4))[0] != 0:
            raise SystemExit("security handshake failed")
        self.sock.sendall(bytes([1]))  # shared
        self.width, self.height = struct.unpack(">HH", self.recv(4))
        self.recv(16)
        self.recv(struct.unpack(">I", self.recv(4))[0])
        self.sock.sendall(struct.pack(">BBH i", 2, 0, 1, ZRLE))
        self.request(incremental=False)

    def request(self, incremental=True):
        self.sock.sendall(struct.pack(">BBHHHH", 3, 1 if incremental else 0, 0, 0, self.width, self.height))

    def read_loop(self):
        try:
            while True:
                kind = self.recv(1)[0]
                arrived = time.monotonic()
                if kind != 0:
                    raise SystemExit(f"unexpected message {kind}")
                _, count = struct.unpack(">BH", self.recv(3))
                size = 4
                for _ in range(count):
                    x, y, w, h, encoding = struct.unpack(">HHHHi", self.recv(12))
                    size += 12
                    if encoding == LAST_RECT:
                        break
                    if encoding == ZRLE:
                        length = struct.unpack(">I", self.recv(4))[0]
                        self.recv(length)
                        size += 4 + length
                    elif encoding == RAW:
                        self.recv(w * h * 4)
                        size += w * h * 4
                    else:
                        raise SystemExit(f"unexpected encoding {encoding}")
                with self.lock:
                    self.bytes += size
                    self.updates.append((arrived, size))
                self.request()
        except (EOFError, OSError):
            return

    def pointer(self, x, y, buttons):
        self.sock.sendall(struct.pack(">BBHH", 5, buttons, x, y))

    def click(self, x, y):
        self.pointer(x, y, 1)
        self.pointer(x, y, 0)

    def key(self, keysym):
        self.sock.sendall(struct.pack(">BBHI", 4, 1, 0, keysym) + struct.pack(">BBHI", 4, 0, 0, keysym))

    def received(self):
        with self.lock:
            return self.bytes

    def quiet_then_count(self, since_bytes, quiet=0.5, limit=10):
        """Bytes received since `since_bytes`, once nothing arrived for `quiet` seconds."""
        deadline = time.monotonic() + limit
        last = self.received()
        last_change = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.received()
            if now != last:
                last, last_change = now, time.monotonic()
            elif time.monotonic() - last_change >= quiet and now > since_bytes:
                break
        return self.received() - since_bytes

    def first_update_after(self, instant, limit=5):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self.lock:
                for arrived, _ in self.updates:
                    if arrived >= instant:
                        return arrived - instant
            time.sleep(0.0005)
        return None


def node(scene_file, node_id):
    with open(scene_file) as f:
        scene = json.load(f)[0]
    for n in scene["nodes"]:
        if n["id"] == node_id:
            frame = n["frame"]
            return frame["x"] + frame["width"] // 2, frame["y"] + frame["height"] // 2, scene["screen"]
    raise SystemExit(f"no {node_id} on {scene['screen']}")


def screen(scene_file):
    with open(scene_file) as f:
        return json.load(f)[0]["screen"]


def wait_screen(scene_file, name, limit=10):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if screen(scene_file) == name:
                time.sleep(0.7)  # past the new-screen guard
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    raise SystemExit(f"the kiosk did not show {name}")


def main():
    passerelle = sys.argv[1]
    idle_seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60
    directory = tempfile.mkdtemp(prefix="passerelle-assist-bench-")
    config = os.path.join(directory, "bench.conf")
    with open(config, "w") as f:
        f.write("[speech]\nenabled = false\n[idle]\ntimeout = 3600\nattract_after = 86400\n")
    scene_file = os.path.join(directory, "scene.json")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kiosk = subprocess.Popen(
        [passerelle, "--headless", "--watch", str(port), "--config", config, "--data-dir",
         os.path.join(directory, "data"), "--size", "1080x1920", "--scene-file", scene_file],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                viewer = Viewer(port)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        wait_screen(scene_file, "home")
        time.sleep(1.5)  # the first frame, the content, the banner
        first = viewer.quiet_then_count(0, quiet=1.0)
        print(f"assist: first full screen to a new viewer: {first / 1024:.1f} KB (ZRLE; raw would be "
              f"{viewer.width * viewer.height * 4 / 1e6:.1f} MB)")

        before = viewer.received()
        time.sleep(idle_seconds)
        print(f"assist: bytes sent over {idle_seconds:.0f} s of idle: {viewer.received() - before} (target 0)")

        x, y, _ = node(scene_file, "tile-diagnostic")
        before = viewer.received()
        viewer.click(x, y)
        wait_screen(scene_file, "diagnostic-intro")
        page = viewer.quiet_then_count(before)
        print(f"assist: full page change (home -> diagnostic): {page / 1024:.1f} KB (target < 60 KB)")

        before = viewer.received()
        viewer.key(0xFF09)  # Tab: the focus ring on the first control
        highlight = viewer.quiet_then_count(before)
        print(f"assist: button highlight (focus ring): {highlight / 1024:.1f} KB (target < 12 KB)")

        latencies = []
        for i in range(20):
            time.sleep(0.3)
            sent = time.monotonic()
            viewer.key(0xFF09)
            latency = viewer.first_update_after(sent)
            if latency is not None:
                latencies.append(latency * 1000)
        latencies.sort()
        print(f"assist: remote key -> first byte of the update: median {statistics.median(latencies):.1f} ms, "
              f"worst {latencies[-1]:.1f} ms over {len(latencies)} (target < 20 ms)")

        clicks = []
        # The language toggles live on home: go back there once.
        bx, by, _ = node(scene_file, "home")
        viewer.click(bx, by)
        wait_screen(scene_file, "home")
        for i in range(10):
            target = "lang-en" if i % 2 == 0 else "lang-fr"
            tx, ty, _ = node(scene_file, target)
            time.sleep(0.7)
            sent = time.monotonic()
            viewer.click(tx, ty)
            latency = viewer.first_update_after(sent)
            if latency is not None:
                clicks.append(latency * 1000)
        clicks.sort()
        print(f"assist: remote click (language, whole page redrawn) -> first byte: median "
              f"{statistics.median(clicks):.1f} ms, worst {clicks[-1]:.1f} ms over {len(clicks)}")
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=20)


if __name__ == "__main__":
    main()
