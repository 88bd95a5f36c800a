"""The same expansion by Debian's python3-recurring-ical-events, timed inside the process
(reading the file included). Prints one JSON line, as bench/calendar-worker.ts does: the
work's wall and CPU time, the whole process's CPU time (the interpreter's start and the
imports included) and its peak RSS."""
import datetime, json, resource, sys, time
import icalendar, recurring_ical_events

path, start, stop = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
c0 = time.process_time()
with open(path, "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
counted = all_day = 0
for e in recurring_ical_events.of(cal).between(datetime.datetime.fromisoformat(start), datetime.datetime.fromisoformat(stop)):
    if str(e.get("STATUS", "")).upper() == "CANCELLED":
        continue
    if isinstance(e["DTSTART"].dt, datetime.datetime):
        counted += 1
    else:
        all_day += 1
ms = (time.perf_counter() - t0) * 1000
cpu_ms = (time.process_time() - c0) * 1000
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"ms": ms, "cpuMs": cpu_ms, "processCpuMs": (usage.ru_utime + usage.ru_stime) * 1000, "counted": counted, "allDay": all_day, "maxRssMb": usage.ru_maxrss / 1024}))
