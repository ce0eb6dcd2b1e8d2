# Passerelle — the two commands a new machine needs: `make run` and `make test`.
# Both install the Debian packages first (scripts/setup-debian.sh, idempotent).

SWIFT ?= swift
DATA_DIR ?= $(CURDIR)/.data
CONFIG ?= Assets/passerelle.conf
# A demo agenda, imported at start (idempotent); set AGENDA= to run without one.
AGENDA ?= Assets/agenda/example.json

.PHONY: setup build release run test bench screenshots clean

setup:
	@scripts/setup-debian.sh

build: setup
	$(SWIFT) build

# Release builds link the Swift runtime and Foundation statically: the appliance needs no
# Swift toolchain, and the kiosk maps only the code it uses (about 6 MB less resident).
release: setup
	$(SWIFT) build -c release --static-swift-stdlib

# In a window when there is a display, headless otherwise.
run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  .build/debug/passerelle --config $(CONFIG) --data-dir $(DATA_DIR) $(if $(AGENDA),--import-agenda $(AGENDA)) --size 1080x1920; \
	else \
	  echo "No display: running headless (Ctrl+C to stop)."; \
	  .build/debug/passerelle --headless --config $(CONFIG) --data-dir $(DATA_DIR) $(if $(AGENDA),--import-agenda $(AGENDA)); \
	fi

test: setup
	@scripts/setup-python.sh
	$(SWIFT) build
	$(SWIFT) test

bench: release
	xvfb-run -a -s "-screen 0 1920x1920x24" .build/release/passerelle-bench .build/release/passerelle
	.build/release/passerelle-agenda-bench
	.build/release/passerelle-store-bench

# The README's screenshots, from the scenario files.
screenshots: build
	.build/debug/passerelle --script Tests/Scenarios/readme.scenario --screenshots docs/screenshots
	for s in diagnostic-confident diagnostic-confident-ar diagnostic-then-booking booking-fr booking-ar; do \
	  .build/debug/passerelle --script Tests/Scenarios/$$s.scenario --screenshots docs/screenshots --import-agenda $(AGENDA) || exit 1; \
	done

clean:
	rm -rf .build .data
