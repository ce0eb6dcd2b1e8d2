#!/usr/bin/env python3
# Passerelle — checks an .ics file with the independent `icalendar` parser (PyPI).
# Usage: check_ics.py FILE UID=START_UTC [UID=START_UTC ...]
# START_UTC is YYYYMMDDTHHMMSSZ. Prints "ok N events" or the problems, exit 1.
import sys
from datetime import timezone

import icalendar

path, expected = sys.argv[1], dict(arg.split("=", 1) for arg in sys.argv[2:])
raw = open(path, "rb").read()
problems = []
lines = raw.split(b"\r\n")
if not raw.endswith(b"\r\n") or any(b"\n" in line for line in lines):
    problems.append("lines must end with CRLF")
for number, line in enumerate(lines, 1):
    if len(line) > 75:
        problems.append(f"line {number} has {len(line)} octets (more than 75)")
calendar = icalendar.Calendar.from_ical(raw)
timezones = [c for c in calendar.walk("VTIMEZONE")]
if [str(t["TZID"]) for t in timezones] != ["Europe/Paris"]:
    problems.append("one VTIMEZONE Europe/Paris expected")
else:
    parts = {c.name: c for c in timezones[0].subcomponents}
    if "STANDARD" not in parts or "DAYLIGHT" not in parts or "RRULE" not in parts["STANDARD"] or "RRULE" not in parts["DAYLIGHT"]:
        problems.append("VTIMEZONE needs STANDARD and DAYLIGHT with RRULEs")
events = calendar.walk("VEVENT")
seen = {}
for event in events:
    uid = str(event["UID"])
    start = event["DTSTART"]
    if start.params.get("TZID") != "Europe/Paris":
        problems.append(f"{uid}: DTSTART has no TZID=Europe/Paris")
    stamp = event["DTSTAMP"].dt
    if stamp.utcoffset() is None or stamp.utcoffset().total_seconds() != 0:
        problems.append(f"{uid}: DTSTAMP is not UTC")
    for field in ("SUMMARY", "LOCATION", "DESCRIPTION", "DTEND"):
        if field not in event:
            problems.append(f"{uid}: no {field}")
    seen[uid] = start.dt.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    description = str(event.get('DESCRIPTION', '')).replace('\n', ' / ')
    print(f"event {uid} {seen[uid]} {event['SUMMARY']} | {description}")
for uid, start in expected.items():
    if seen.get(uid) != start:
        problems.append(f"{uid}: expected start {start}, found {seen.get(uid)}")
if len(seen) != len(expected):
    problems.append(f"expected {len(expected)} events, found {len(seen)}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"ok {len(seen)} events")
