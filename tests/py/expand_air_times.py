#!/usr/bin/env python3
"""Air times of a bulletins calendar as Python's icalendar and
recurring-ical-events expand them (tests/suite/broadcast.rs).

usage: expand_air_times.py FILE.ics START END ZONE
Prints one line per airing from START (included) to END (excluded), both
YYYY-MM-DD in ZONE, sorted: `UID YYYY-MM-DD HH:MM YYYY-MM-DDTHH:MMZ` (the
local time in ZONE, then the instant in UTC).
"""
import datetime
import sys
import zoneinfo

import icalendar
import recurring_ical_events

path, start, end, zone = sys.argv[1:5]
tz = zoneinfo.ZoneInfo(zone)
with open(path, "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
a = datetime.datetime.fromisoformat(start).replace(tzinfo=tz)
b = datetime.datetime.fromisoformat(end).replace(tzinfo=tz)
lines = []
for e in recurring_ical_events.of(cal).between(a, b):
    s = e["DTSTART"].dt
    if not isinstance(s, datetime.datetime) or s.tzinfo is None:
        sys.exit(f"{e['UID']}: DTSTART is not a time in a zone: {s!r}")
    lines.append(f"{e['UID']} {s.astimezone(tz):%Y-%m-%d %H:%M} {s.astimezone(datetime.timezone.utc):%Y-%m-%dT%H:%MZ}")
print("\n".join(sorted(lines)))
