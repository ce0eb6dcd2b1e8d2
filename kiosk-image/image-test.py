#!/usr/bin/env python3
# Passerelle appliance — `make image-test`: builds the image and two updates, boots the image
# in qemu with UEFI firmware (OVMF) and checks, as a kiosk would live it:
#   1. power-on to READY (passerelle.service is Type=notify: systemd logs "Started" when the
#      kiosk said READY=1 after its first frame); a screenshot of the home screen;
#   2. a hung kiosk (SIGSTOP: no more watchdog pings) is killed and restarted by systemd;
#   3. update N+1 on a USB stick labelled PASSERELLE: installed by the kiosk itself, which
#      reboots into the other slot, becomes READY and is marked good;
#   4. a broken update N+2 (the kiosk exits at start): installed, tried once, and the machine
#      comes back on N+1 by itself.
# It prints the build time, the image size and the seconds from power-on to READY for each
# boot. Licensed under the EUPL-1.2. Standard library only.
#
# The test reads the serial console (journald forwards to it) and, for the checks, uses the
# root shell that the image opens on the serial console inside a virtual machine only
# (passerelle-vm-console.service).
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, ".build", "image")
WORK = os.path.join(REPO, ".build", "image-test")
OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd"
OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd"


def kvm_usable():
    """/dev/kvm, and a KVM that runs UEFI firmware: some nested hosts offer a /dev/kvm that
    cannot (a PVM-style KVM stops at OVMF's first x87 instruction, "KVM internal error")."""
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        return False, "no /dev/kvm"
    probe = subprocess.Popen(
        ["qemu-system-x86_64", "-machine", "q35,accel=kvm", "-cpu", "host", "-m", "256", "-display", "none",
         "-nic", "none", "-serial", "none", "-drive", f"if=pflash,format=raw,unit=0,readonly=on,file={OVMF_CODE}"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = probe.communicate(timeout=8)
    except subprocess.TimeoutExpired:
        probe.kill()
        out, _ = probe.communicate()
        if "KVM internal error" not in out:
            return True, "KVM"
    first = (out.strip().splitlines() or ["exited"])[0]
    return False, f"/dev/kvm cannot run the firmware here ({first})"


KVM, ACCEL_NOTE = kvm_usable() if os.path.exists(OVMF_CODE) else (False, "no OVMF")
# Emulation is some ten times slower than KVM: every wait stretches with it.
SLOW = 1 if KVM else 6
READY_LINE = re.compile(r"Started passerelle\.service|Started Passerelle: the self-service kiosk")
HEALTH_READY = re.compile(r"passerelle-health: READY slot=(\w) version=(\S+) kernel_to_ready_ms=(\d+) poweron_to_ready_ms=(\d+|unknown) trial=(\w+)")
HEALTH_GOOD = re.compile(r"passerelle-health: GOOD slot=(\w) version=(\S+)")
failures = []


def say(text):
    print(f"image-test: {text}", flush=True)


def fail(text):
    say(f"FAIL: {text}")
    failures.append(text)


def run(cmd, **kw):
    say("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kw)


class VM:
    """qemu with OVMF, the disk, a watchdog, USB for the stick; serial and QMP on sockets."""

    def __init__(self, disk):
        self.disk = disk
        self.serial_path = os.path.join(WORK, "serial.sock")
        self.qmp_path = os.path.join(WORK, "qmp.sock")
        self.log = open(os.path.join(WORK, "serial.log"), "w", encoding="utf-8", errors="replace")
        self.lines = []          # (monotonic time, text) of every serial line
        self.resets = []         # monotonic times of the guest's reboots (QMP RESET)
        self.lock = threading.Condition()
        self.partial = ""
        self.marker = 0

    def start(self):
        vars_copy = os.path.join(WORK, "OVMF_VARS.fd")
        shutil.copyfile(OVMF_VARS, vars_copy)
        for p in (self.serial_path, self.qmp_path):
            if os.path.exists(p):
                os.unlink(p)
        cmd = [
            "qemu-system-x86_64", "-name", "passerelle-image-test",
            "-machine", "q35,accel=" + ("kvm" if KVM else "tcg"),
            # Under emulation, no AVX: QEMU 7.2's emulated AVX2 (new in 7.2) crashes the
            # shaders that Mesa's llvmpipe compiles for it, at the first frame about 4
            # starts in 10 (kiosk-image/README.md, "Known problems").
            "-cpu", "host" if KVM else "max,avx=off,avx2=off", "-smp", "2", "-m", "2048",
            "-drive", f"if=pflash,format=raw,unit=0,readonly=on,file={OVMF_CODE}",
            "-drive", f"if=pflash,format=raw,unit=1,file={vars_copy}",
            "-drive", f"if=none,id=disk,file={self.disk},format=raw,cache=writeback",
            "-device", "virtio-blk-pci,drive=disk,bootindex=1",
            # A virtio GPU: the kernel's virtio_gpu DRM driver gives the kiosk /dev/dri/card0
            # (Mesa draws with llvmpipe into its buffers; qemu's screendump reads the scanout).
            "-vga", "none", "-device", "virtio-gpu-pci,xres=1920,yres=1080", "-display", "none",
            "-device", "qemu-xhci,id=xhci",
            # A sound card, as a kiosk has (speech, the chime), playing into nothing.
            "-audiodev", "none,id=snd", "-device", "ich9-intel-hda", "-device", "hda-output,audiodev=snd",
            "-device", "i6300esb", "-action", "watchdog=reset",
            "-nic", "none",
            "-chardev", f"socket,id=serial0,path={self.serial_path},server=on,wait=on",
            "-serial", "chardev:serial0",
            "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
        ]
        say("$ " + " ".join(cmd))
        self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
        # qemu waits for the serial client before running the guest: power-on is now.
        self.serial = self._connect(self.serial_path)
        self.power_on = time.monotonic()
        self.qmp = self._connect(self.qmp_path)
        self.qmp_file = self.qmp.makefile("rw", encoding="utf-8")
        self.qmp_file.readline()  # greeting
        self._qmp_send({"execute": "qmp_capabilities"})
        self._qmp_wait_return()
        threading.Thread(target=self._read_serial, daemon=True).start()
        threading.Thread(target=self._read_qmp, daemon=True).start()

    def _connect(self, path):
        for _ in range(200):
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(path)
                return s
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"qemu did not open {path}")

    def _read_serial(self):
        while True:
            data = self.serial.recv(65536)
            if not data:
                return
            text = data.decode("utf-8", errors="replace").replace("\r", "")
            self.log.write(text)
            self.log.flush()
            now = time.monotonic()
            with self.lock:
                self.partial += text
                *complete, self.partial = self.partial.split("\n")
                for line in complete:
                    self.lines.append((now, line))
                self.lock.notify_all()

    # QMP: commands answered in order; events (RESET) noted as they come.
    def _qmp_send(self, message):
        self.qmp_file.write(json.dumps(message) + "\n")
        self.qmp_file.flush()

    def _qmp_wait_return(self):
        while True:
            reply = json.loads(self.qmp_file.readline())
            if "return" in reply or "error" in reply:
                return reply

    def _read_qmp(self):
        while True:
            try:
                line = self.qmp_file.readline()
            except OSError:
                return  # qemu is gone (the VM was stopped): its monitor closed under us
            if not line:
                return
            message = json.loads(line)
            with self.lock:
                if message.get("event") == "RESET":
                    self.resets.append(time.monotonic())
                if "return" in message or "error" in message:
                    self.qmp_reply = message
                self.lock.notify_all()

    def hmp(self, command):
        """A human monitor command (screendump, drive_add, device_add…)."""
        with self.lock:
            self.qmp_reply = None
        self._qmp_send({"execute": "human-monitor-command", "arguments": {"command-line": command}})
        with self.lock:
            self.lock.wait_for(lambda: self.qmp_reply is not None, timeout=30)
            reply = self.qmp_reply
        if reply is None or "error" in reply:
            raise RuntimeError(f"qemu monitor: {command}: {reply}")
        return reply.get("return", "")

    def mark(self):
        """From now on, wait_for looks only at new serial lines."""
        with self.lock:
            self.marker = len(self.lines)

    def wait_for(self, pattern, timeout, after=None):
        """The first serial line matching pattern since the mark: (time, match), or None."""
        deadline = time.monotonic() + timeout * SLOW
        start = self.marker if after is None else after
        with self.lock:
            while True:
                for i in range(start, len(self.lines)):
                    m = pattern.search(self.lines[i][1])
                    if m:
                        self.marker = i + 1
                        return self.lines[i][0], m
                start = len(self.lines)
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.process.poll() is not None:
                    return None
                self.lock.wait(timeout=min(remaining, 1))

    def shell(self, command, timeout=60):
        """Runs command in the VM's serial root shell; returns (exit code, output)."""
        self.marker_id = getattr(self, "marker_id", 0) + 1
        tag = f"PT{self.marker_id}X"
        # The markers are built by the shell, so the echo of the typed line never matches.
        line = f"echo {tag}''BEGIN; ( {command} ) 2>&1; echo {tag}''END $?\n"
        self.mark()
        self.serial.sendall(line.encode())
        # Anywhere in a line: journald's console messages may share it.
        begin = self.wait_for(re.compile(rf"{tag}BEGIN"), timeout)
        if begin is None:
            raise RuntimeError(f"the VM's shell did not run: {command}")
        first = self.marker
        end = self.wait_for(re.compile(rf"{tag}END (\d+)"), timeout)
        if end is None:
            raise RuntimeError(f"the VM's shell did not finish: {command}")
        with self.lock:
            output = [text for _, text in self.lines[first:self.marker - 1]]
        return int(end[1][1]), "\n".join(output)

    def wait_shell(self, timeout=120):
        """Waits until the serial root shell answers (after a boot)."""
        deadline = time.monotonic() + timeout * SLOW
        while time.monotonic() < deadline:
            # No pager: systemctl and journalctl would wait in less on the terminal.
            self.serial.sendall(b"\nexport SYSTEMD_PAGER=cat PAGER=cat SYSTEMD_COLORS=0\n")
            try:
                code, out = self.shell("true", timeout=5)
                if code == 0:
                    return True
            except RuntimeError:
                pass
        return False

    def stop(self):
        if self.process.poll() is None:
            try:
                self._qmp_send({"execute": "quit"})
            except OSError:
                pass
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def build(version, extra=(), disk=False):
    cmd = [os.path.join(HERE, "build.sh"), "--version", version] + (["--disk"] if disk else []) + list(extra)
    started = time.monotonic()
    run(cmd)
    return time.monotonic() - started


def stick(bundle, name, config=None):
    """A FAT image labelled PASSERELLE holding the bundle (and a configuration): the admin's USB stick."""
    path = os.path.join(WORK, name)
    size_kb = os.path.getsize(bundle) // 1024 + 16 * 1024
    if os.path.exists(path):
        os.unlink(path)
    run(["mkfs.vfat", "-C", "-n", "PASSERELLE", path, str(size_kb)], stdout=subprocess.DEVNULL)
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    run(["mcopy", "-i", path, bundle, "::/" + os.path.basename(bundle)], env=env)
    if config:
        conf = os.path.join(WORK, "passerelle.conf")
        with open(conf, "w") as f:
            f.write(config)
        run(["mcopy", "-i", path, conf, "::/passerelle.conf"], env=env)
    return path


def boot_seconds(vm, ready_time):
    """Seconds from the last power-on or reset to READY."""
    with vm.lock:
        start = max([vm.power_on] + [t for t in vm.resets if t <= ready_time])
    return ready_time - start


def wait_boot(vm, what, timeout=90):
    """Waits for READY after a power-on or reset; returns (seconds, health READY match)."""
    ready = vm.wait_for(READY_LINE, timeout)
    if ready is None:
        raise RuntimeError(f"{what}: no READY within {timeout * SLOW} s (serial log: {WORK}/serial.log)")
    seconds = boot_seconds(vm, ready[0])
    health = vm.wait_for(HEALTH_READY, 30)
    if health is None:
        raise RuntimeError(f"{what}: passerelle-health did not report READY (serial log: {WORK}/serial.log)")
    slot, version, kernel_ms, poweron_ms, trial = health[1].groups()
    firmware = f"{int(poweron_ms) / 1000:.1f} s after firmware start" if poweron_ms != "unknown" else "firmware time not recorded"
    say(f"{what}: READY {seconds:.1f} s after power-on (host clock); in the guest {int(kernel_ms) / 1000:.1f} s "
        f"after the kernel started, {firmware}; slot {slot}, version {version}, trial {trial}")
    return seconds, health[1]


def main():
    if os.geteuid() != 0:
        sys.exit("image-test: must run as root (image build)")
    for path in (OVMF_CODE, OVMF_VARS):
        if not os.path.exists(path):
            sys.exit(f"image-test: {path} is missing: run scripts/setup-image.sh (package ovmf)")
    os.makedirs(WORK, exist_ok=True)
    base = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip() or "0"
    v1, v2, v3 = base, base + ".update1", base + ".update2-broken"

    # The image, then two updates (--no-build: reuse the last ones, when working on the test).
    image = os.path.join(OUT, "passerelle.img")
    build_seconds = None
    if "--no-build" in sys.argv:
        v1 = open(os.path.join(OUT, "image.version")).read().strip()
        v2, v3 = v1 + ".update1", v1 + ".update2-broken"
    else:
        build_seconds = build(v1, disk=True)
        with open(os.path.join(OUT, "image.version"), "w") as f:
            f.write(v1 + "\n")
        build(v2)
        run([os.path.join(HERE, "bundle.sh"), "--name", "update1.raucb"])
        build(v3, ["--broken"])
        run([os.path.join(HERE, "bundle.sh"), "--name", "update2-broken.raucb"])
    apparent = os.path.getsize(image)
    allocated = os.stat(image).st_blocks * 512
    stick1 = stick(os.path.join(OUT, "update1.raucb"), "stick1.img",
                   config="[kiosk]\nsite_name = Mairie de Saint-Test\nfullscreen = true\n")
    stick2 = stick(os.path.join(OUT, "update2-broken.raucb"), "stick2.img")

    disk = os.path.join(WORK, "disk.img")
    run(["cp", "--sparse=always", image, disk])
    boots = []
    vm = VM(disk)
    say(f"booting {image} under {'KVM' if KVM else 'emulation: ' + ACCEL_NOTE}")
    vm.start()
    try:
        # 1. First power-on.
        seconds, health = wait_boot(vm, f"boot 1 (version {v1})")
        boots.append(("boot 1, first power-on", v1, seconds))
        if health.group(1) != "A" or health.group(2) != v1:
            fail(f"boot 1 ran slot {health.group(1)} version {health.group(2)}, expected A {v1}")
        if not vm.wait_shell():
            raise RuntimeError("the VM's serial shell never answered")
        time.sleep(2)  # the home screen's tiles appear right after the first frame
        ppm = os.path.join(WORK, "home.ppm")
        png = os.path.join(WORK, "home.png")
        vm.hmp(f"screendump {ppm}")
        run(["convert", ppm, png])
        say(f"screenshot of the home screen: {png}")
        # The home screen is light: a capture that is all one colour means nothing was shown
        # (kiosk-image/README.md, "How the kiosk reaches the screen").
        spread = subprocess.run(["convert", png, "-format", "%[fx:standard_deviation]", "info:"],
                                capture_output=True, text=True).stdout.strip()
        if not spread or float(spread) < 0.01:
            fail(f"the screen capture is blank (standard deviation {spread}): the kiosk's frame did not reach the display")
        code, out = vm.shell("systemctl show -P ActiveState,SubState,User passerelle.service; ls -l /dev/dri; "
                             "systemd-analyze security passerelle.service | tail -1")
        say("kiosk in the VM: " + " | ".join(out.splitlines()))
        # The kiosk says at start how its frames reach the screen; on KMSDRM it must be the
        # GLES renderer the image ships (a GL one without libGL draws nothing, silently).
        code, out = vm.shell("journalctl -b -u passerelle.service -o cat | grep -m1 'passerelle: display:'")
        say("kiosk's display in the journal: " + out.strip())
        if "kmsdrm" not in out.lower() or "opengles2" not in out:
            fail(f"the kiosk did not report KMSDRM with the opengles2 renderer: {out.strip()!r}")
        if vm.wait_for(HEALTH_GOOD, 60) is None:
            fail("boot 1: passerelle-health never marked the slot good")

        # 2. A hung main loop: stopped, it sends no WATCHDOG=1; systemd must kill and restart it.
        code, out = vm.shell("systemctl show -P MainPID,NRestarts passerelle.service")
        pid, restarts = out.split()[-2:]
        vm.mark()
        stopped_at = time.monotonic()
        vm.shell(f"kill -STOP {pid}")
        timeout_line = vm.wait_for(re.compile(r"passerelle\.service: Watchdog timeout"), 40)
        again = vm.wait_for(READY_LINE, 60)
        code, out = vm.shell("systemctl show -P MainPID,NRestarts,ActiveState passerelle.service")
        new_pid, new_restarts, state = out.split()[-3:]
        if timeout_line is None or again is None or new_pid == pid or int(new_restarts) != int(restarts) + 1 or state != "active":
            fail(f"hung kiosk: watchdog line {timeout_line is not None}, READY again {again is not None}, "
                 f"pid {pid}->{new_pid}, restarts {restarts}->{new_restarts}, {state}")
        else:
            say(f"hung kiosk (SIGSTOP pid {pid}): watchdog timeout after {timeout_line[0] - stopped_at:.1f} s, "
                f"restarted as pid {new_pid}, READY again {again[0] - stopped_at:.1f} s after the hang")

        # 3. Update N+1 from a USB stick: the kiosk installs it and reboots into slot B.
        resets = len(vm.resets)
        vm.mark()
        vm.hmp(f"drive_add 0 if=none,id=stick1,file={stick1},format=raw,readonly=on")
        vm.hmp("device_add usb-storage,drive=stick1,id=stickdev1,bus=xhci.0,removable=on")
        say(f"USB stick with {v2} plugged in")
        if vm.wait_for(re.compile(r"passerelle-update: installing"), 60) is None:
            raise RuntimeError("the kiosk did not start installing the stick's bundle")
        with vm.lock:
            vm.lock.wait_for(lambda: len(vm.resets) > resets, timeout=600 * SLOW)
        if len(vm.resets) == resets:
            raise RuntimeError("no reboot after installing update 1")
        seconds, health = wait_boot(vm, f"boot 2 (update {v2})")
        boots.append(("boot 2, after update N+1", v2, seconds))
        if health.group(1) != "B" or health.group(2) != v2 or health.group(5) != "yes":
            fail(f"boot 2 ran slot {health.group(1)} version {health.group(2)} trial {health.group(5)}, expected B {v2} on trial")
        if vm.wait_for(HEALTH_GOOD, 90) is None:
            fail("boot 2: update 1 was never marked good")
        if not vm.wait_shell():
            raise RuntimeError("the VM's serial shell never answered after update 1")
        code, out = vm.shell("rauc status --output-format=json")
        status = json.loads(out.strip().splitlines()[-1])
        say(f"after update 1: booted {status.get('booted')}, boot primary {status.get('boot_primary')}")
        if status.get("booted") != "B":
            fail(f"after update 1 RAUC says booted {status.get('booted')}, expected B")
        code, out = vm.shell("ls /efi/loader/entries; journalctl -b -u 'passerelle-usb-update@*' -o cat | grep passerelle-update:")
        say("boot entries and the stick's service: " + " | ".join(out.splitlines()))
        if "already installed" not in out:
            fail("the stick left in the machine was not recognised as already installed")
        code, out = vm.shell("stat -c '%a %U:%G' /etc/passerelle/passerelle.conf; grep site_name /etc/passerelle/passerelle.conf")
        say("configuration from the stick: " + " | ".join(out.splitlines()))
        if "Mairie de Saint-Test" not in out or "640 root:passerelle" not in out:
            fail("the stick's passerelle.conf was not installed root:passerelle 0640")

        # 4. Broken N+2: the kiosk exits at start. Tried once, then back to N+1 without help.
        vm.hmp("device_del stickdev1")
        time.sleep(2)
        resets = len(vm.resets)
        vm.mark()
        vm.hmp(f"drive_add 0 if=none,id=stick2,file={stick2},format=raw,readonly=on")
        vm.hmp("device_add usb-storage,drive=stick2,id=stickdev2,bus=xhci.0,removable=on")
        say(f"USB stick with the broken {v3} plugged in")
        with vm.lock:
            vm.lock.wait_for(lambda: len(vm.resets) > resets, timeout=600 * SLOW)
        if len(vm.resets) == resets:
            raise RuntimeError("no reboot after installing update 2")
        trial_boot = vm.resets[-1]
        refused = vm.wait_for(re.compile(r"PASSERELLE_NOW is for tests only|passerelle\.service: Main process exited"), 120)
        if refused is None:
            fail("boot 3 (broken): the kiosk's failure was not seen")
        else:
            say(f"boot 3 (broken {v3}): the kiosk fails at start, as it should: {refused[1].group(0)}")
        gave_up = vm.wait_for(re.compile(r"passerelle-health: version (\S+) \(slot (\w)\) failed its trial"), 180)
        if gave_up is None:
            raise RuntimeError("boot 3: the health check never gave up on the broken version")
        say(f"boot 3: {gave_up[1].group(0)} ({gave_up[0] - trial_boot:.0f} s after the trial boot)")
        with vm.lock:
            vm.lock.wait_for(lambda: len(vm.resets) > resets + 1, timeout=120 * SLOW)
        seconds, health = wait_boot(vm, "boot 4 (after the broken update)")
        boots.append(("boot 4, back after broken N+2", health.group(2), seconds))
        if health.group(1) != "B" or health.group(2) != v2:
            fail(f"boot 4 ran slot {health.group(1)} version {health.group(2)}, expected B {v2}")
        if not vm.wait_shell():
            raise RuntimeError("the VM's serial shell never answered after the rollback")
        code, out = vm.shell("rauc status --output-format=json")
        status = json.loads(out.strip().splitlines()[-1])
        states = {s_name: s["boot_status"] if "boot_status" in s else s.get("state") for slot in status["slots"] for s_name, s in slot.items()}
        say(f"after the broken update: booted {status.get('booted')}, slots {states}")
        if status.get("booted") != "B":
            fail(f"after the broken update RAUC says booted {status.get('booted')}, expected B")
    finally:
        vm.stop()

    print()
    if build_seconds is not None:
        say(f"build time of the image: {build_seconds:.0f} s")
    say(f"image size: {apparent / 1048576:.0f} MB ({allocated / 1048576:.0f} MB allocated, sparse) {image}")
    for what, version, seconds in boots:
        say(f"power-on to READY, {what} ({version}): {seconds:.1f} s{'' if KVM else ' (emulation)'}")
    if failures:
        say(f"{len(failures)} check(s) failed")
        print(f"{len(boots)} passed, {len(failures)} failed")
        sys.exit(1)
    print(f"{len(boots) + 2} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, subprocess.CalledProcessError) as error:
        say(f"FAIL: {error}")
        sys.exit(1)
