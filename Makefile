# Passerelle — the two commands a new machine needs: `make run` and `make test`.
# Both install the Debian packages first (scripts/setup-debian.sh, idempotent).

SWIFT ?= swift
DATA_DIR ?= $(CURDIR)/.data
CONFIG ?= Assets/passerelle.conf
# A demo agenda, imported at start (idempotent); set AGENDA= to run without one.
AGENDA ?= Assets/agenda/example.json
# Without a display `make run` serves the screen on this loopback port (passerelle --watch).
WATCH_PORT ?= 5900
# Demo places of help (docs/places.md), imported at start; set PLACES= to run without them.
PLACES ?= Assets/places/example.csv

.PHONY: setup build release run test test-dates check-source check-units image bundle image-test bench screenshots clean

setup:
	@scripts/setup-debian.sh

build: setup
	$(SWIFT) build

# Release builds link the Swift runtime and Foundation statically: the appliance needs no
# Swift toolchain, and the kiosk maps only the code it uses (about 6 MB less resident).
# Product by product: a plain `swift build -c release` also builds PasserelleTestSupport,
# a library target that imports XCTest, which the static release toolchain does not have.
RELEASE_PRODUCTS = passerelle passerellectl passerelle-bench passerelle-store-bench passerelle-agenda-bench
release: setup
	@for product in $(RELEASE_PRODUCTS); do \
	  echo "$(SWIFT) build -c release --static-swift-stdlib --product $$product"; \
	  $(SWIFT) build -c release --static-swift-stdlib --product $$product || exit 1; \
	done

# In a window when there is a display, headless otherwise.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  .build/debug/passerelle --config $(CONFIG) --data-dir $(DATA_DIR) $(if $(AGENDA),--import-agenda $(AGENDA)) $(if $(PLACES),--import-places $(PLACES)) --size 1080x1920; \
	else \
	  echo "No display: running headless, watched over VNC on loopback (Ctrl+C to stop)."; \
	  echo "See and touch the kiosk with:   vncviewer 127.0.0.1::$(WATCH_PORT)"; \
	  .build/debug/passerelle --headless --watch $(WATCH_PORT) --config $(CONFIG) --data-dir $(DATA_DIR) $(if $(AGENDA),--import-agenda $(AGENDA)) $(if $(PLACES),--import-places $(PLACES)); \
	fi

test: setup
	@scripts/setup-python.sh
	@$(MAKE) --no-print-directory check-source
	$(SWIFT) build
	@$(MAKE) --no-print-directory check-units
	$(SWIFT) test
	@$(MAKE) --no-print-directory test-dates

# The source's shape: formatted (.swift-format), files and functions a reader can hold, the
# generated pictogram table what the installed font gives.
check-source:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	python3 scripts/check-source-shape.py
	python3 scripts/generate-pictograms.py --check

# The systemd units: `systemd-analyze verify` clean, every service's sandbox rated 2.5 or
# lower by `systemd-analyze security --offline=yes` (scripts/check-units.sh says why each).
check-units:
	@scripts/check-units.sh .build/debug

# The appliance (kiosk-image/README.md): a UEFI disk image that boots into the kiosk, signed
# RAUC update bundles, and a test that boots them in qemu. As root; not part of `make test`
# (minutes of mkosi and of a virtual machine).
image: release
	@scripts/setup-image.sh
	kiosk-image/build.sh --disk

bundle: release
	@scripts/setup-image.sh
	kiosk-image/build.sh
	kiosk-image/bundle.sh

image-test: release
	@scripts/setup-image.sh
	python3 kiosk-image/image-test.py

# The tests whose expectations are relative to "now" (free slots from now on, reminders due,
# races for the next time) take it from PASSERELLE_TEST_NOW, never from the wall clock; here
# they run again pinned to awkward instants: a Sunday at 23:30, a Monday at 03:00, New Year's
# Eve, the nights of both 2027 clock changes (before, and inside the repeated hour),
# 29 February 2028 and a day in 2031. `make test` runs this after the whole suite. The CalDAV
# process tests (a Radicale server each, about a minute a run) run at the instants that can
# break them: inside both clock changes and across the year's end.
DATE_SENSITIVE_TESTS = ReminderDeliveryTests|AgendaProcessTests
PINNED_INSTANTS = 2026-11-29T23:30:00+01:00 2026-11-30T03:00:00+01:00 2026-12-31T23:30:00+01:00 \
  2027-03-27T23:30:00+01:00 2027-03-28T03:30:00+02:00 2027-10-30T23:30:00+02:00 2027-10-31T02:30:00+01:00 \
  2028-02-29T10:00:00+01:00 2031-01-06T08:00:00+01:00
CALDAV_DATE_TESTS = CalDAVProcessTests
CALDAV_INSTANTS = 2026-12-31T23:30:00+01:00 2027-03-28T03:30:00+02:00 2027-10-31T02:30:00+01:00
test-dates:
	@run() { \
	  echo "test-dates: $$1 with now = $$2"; \
	  PASSERELLE_TEST_NOW=$$2 $(SWIFT) test --skip-build --filter "$$1" > .build/test-dates.log 2>&1 \
	    || { cat .build/test-dates.log; echo "test-dates: failed with now = $$2"; exit 1; }; \
	  grep -E "Executed [0-9]+ tests" .build/test-dates.log | tail -1; \
	}; \
	for instant in $(PINNED_INSTANTS); do run '$(DATE_SENSITIVE_TESTS)' $$instant || exit 1; done; \
	for instant in $(CALDAV_INSTANTS); do run '$(CALDAV_DATE_TESTS)' $$instant || exit 1; done

bench: release
	@scripts/setup-python.sh
	xvfb-run -a -s "-screen 0 1920x1920x24" .build/release/passerelle-bench .build/release/passerelle
	.build/release/passerelle-agenda-bench
	.build/release/passerelle-store-bench
	python3 scripts/assist-bench.py .build/release/passerelle
	.build/release/passerelle-caldav-bench

# The README's screenshots, from the scenario files.
screenshots: build
	.build/debug/passerelle --script Tests/Scenarios/readme.scenario --screenshots docs/screenshots
	for s in diagnostic-confident diagnostic-confident-ar diagnostic-then-booking booking-fr booking-ar low-reach-fr; do \
	  .build/debug/passerelle --script Tests/Scenarios/$$s.scenario --screenshots docs/screenshots --import-agenda $(AGENDA) || exit 1; \
	done
	for s in places-fr places-ar; do \
	  .build/debug/passerelle --script Tests/Scenarios/$$s.scenario --config Tests/Scenarios/$$s.conf --screenshots docs/screenshots \
	    --import-agenda $(AGENDA) --import-places $(PLACES) || exit 1; \
	done

clean:
	rm -rf .build .data
