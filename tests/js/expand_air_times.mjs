// Air times of a bulletins calendar as Mozilla's ical.js expands them, the
// second parser beside tests/py/expand_air_times.py (tests/suite/broadcast.rs).
// usage: node expand_air_times.mjs FILE.ics START END
// Prints `UID YYYY-MM-DD HH:MM YYYY-MM-DDTHH:MMZ` per airing from START
// (included) to END (excluded), the local time as the event's zone (the
// file's VTIMEZONE) writes it, sorted.
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const ICAL = require('ical.js');

const [file, startArg, endArg] = process.argv.slice(2);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
for (const vtz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
const pad = (n, w = 2) => String(n).padStart(w, '0');
const day = (t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
const lines = [];
for (const ve of comp.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  const it = ev.iterator();
  for (let t = it.next(); t; t = it.next()) {
    const local = day(t);
    if (local >= endArg) break;
    if (local < startArg) continue;
    if (!t.zone || t.zone.tzid === 'floating') throw new Error(`${ev.uid}: a floating time`);
    const u = t.convertToZone(ICAL.Timezone.utcTimezone);
    lines.push(`${ev.uid} ${local} ${pad(t.hour)}:${pad(t.minute)} ${day(u)}T${pad(u.hour)}:${pad(u.minute)}Z`);
  }
}
console.log(lines.sort().join('\n'));
