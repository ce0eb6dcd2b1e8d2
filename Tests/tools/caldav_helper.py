#!/usr/bin/env python3
# Passerelle — the helper's own calendar app in the CalDAV tests (Tests/KioskStoreTests/CalDAV*):
# PyPI `caldav` talks to the server, PyPI `icalendar` reads what the kiosk wrote.
# Licensed under the EUPL-1.2.
#
#   caldav_helper.py SERVER USER PASSWORD mkcal NAME
#   caldav_helper.py SERVER USER PASSWORD add NAME FILE.ics       (an event the helper adds)
#   caldav_helper.py SERVER USER PASSWORD list NAME               (JSON: what the calendar holds)
#   caldav_helper.py SERVER USER PASSWORD delete NAME UID
#   caldav_helper.py SERVER USER PASSWORD move NAME UID START END  (ISO 8601 with offsets)
# CALDAV_CA in the environment: the CA file a TLS server's certificate is checked against.
import datetime
import json
import os
import sys

import caldav
import icalendar


def main(argv):
    server, user, password, command, name, *rest = argv
    server = server.rstrip("/") + "/"
    client = caldav.DAVClient(
        url=server, username=user, password=password, ssl_verify_cert=os.environ.get("CALDAV_CA", True))
    if command == "mkcal":
        client.principal().make_calendar(name=name, cal_id=name)
        return
    cal = client.calendar(url=f"{server}{user}/{name}/")
    if command == "add":
        with open(rest[0], encoding="utf-8") as f:
            cal.save_event(f.read())
    elif command == "list":
        out = []
        for event in cal.events():
            parsed = icalendar.Calendar.from_ical(event.data)
            for component in parsed.walk("VEVENT"):
                out.append({
                    "href": str(event.url.path),
                    "uid": str(component.get("UID")),
                    "summary": str(component.get("SUMMARY", "")),
                    "description": str(component.get("DESCRIPTION", "")),
                    "location": str(component.get("LOCATION", "")),
                    "helper": str(component.get("X-PASSERELLE-HELPER", "")),
                    "start": component.decoded("DTSTART").isoformat(),
                    "end": component.decoded("DTEND").isoformat(),
                })
        print(json.dumps(sorted(out, key=lambda e: (e["start"], e["uid"])), ensure_ascii=False))
    elif command == "delete":
        cal.event_by_uid(rest[0]).delete()
    elif command == "move":
        event = cal.event_by_uid(rest[0])
        component = event.icalendar_component
        for key, value in (("DTSTART", rest[1]), ("DTEND", rest[2])):
            component.pop(key)
            component.add(key, datetime.datetime.fromisoformat(value))
        event.save()
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
