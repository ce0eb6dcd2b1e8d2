// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

extension AgendaFileReader {
    /// Helpers, with their opening ranges (expanded from `opening_hours`) and absences.
    mutating func helperList(_ root: LocatedJSON, places: Set<String>, services: Set<String>)
        -> ([AgendaHelper], [AgendaOpeningRange], [BusyInterval])
    {
        var seen = Set<String>()
        var helpers: [AgendaHelper] = []
        var ranges: [AgendaOpeningRange] = []
        var absences: [BusyInterval] = []
        for (i, object) in list(root, "helpers", "").enumerated() {
            let path = "helpers[\(i)]"
            guard checkObject(object, path, allowed: ["id", "first_name", "opening", "absences"]) else { continue }
            let key = self.key(object, path, seen: &seen)
            let firstName = string(object, "first_name", path)
            var own: [(range: AgendaOpeningRange, path: String, line: LocatedJSON)] = []
            for (j, opening) in list(object, "opening", path).enumerated() {
                let here = "\(path).opening[\(j)]"
                for range in openingRanges(opening, here, helper: key ?? "", places: places, services: services) {
                    if let clash = own.first(where: { Self.overlap($0.range, range) }) {
                        let hours = OpeningHours.TimeRange(start: clash.range.startMinute, end: clash.range.endMinute)
                        problem(opening, here, "overlaps \(clash.path) (\(clash.range.weekdays) \(hours))")
                    }
                    own.append((range, here, opening))
                }
            }
            for (j, absence) in list(object, "absences", path, required: false).enumerated() {
                let here = "\(path).absences[\(j)]"
                guard checkObject(absence, here, allowed: ["from", "to"]) else { continue }
                let from = moment(absence, "from", here, endOfDay: false)
                let to = moment(absence, "to", here, endOfDay: true)
                if let from, let to {
                    if to > from {
                        absences.append(BusyInterval(helper: key ?? "", start: from, end: to))
                    } else {
                        problem(absence["to"]!, join(here, "to"), "the absence ends before it starts")
                    }
                }
            }
            guard let key, let firstName else { continue }
            helpers.append(AgendaHelper(key: key, firstName: firstName))
            ranges += own.map(\.range)
        }
        return (helpers, ranges, absences)
    }

    /// One `opening` entry: a place, services, OSM hours and the days it runs.
    mutating func openingRanges(
        _ object: LocatedJSON, _ path: String, helper: String, places: Set<String>, services: Set<String>
    )
        -> [AgendaOpeningRange]
    {
        guard checkObject(object, path, allowed: ["place", "services", "hours", "from", "until"]) else { return [] }
        var ok = true
        let place = string(object, "place", path)
        if let place, !places.contains(place) {
            problem(object["place"]!, join(path, "place"), "no place has the id \"\(place)\"")
            ok = false
        }
        var keys = Set<String>()
        let list = self.list(object, "services", path)
        if object["services"]?.elements?.isEmpty == true {
            problem(object["services"]!, join(path, "services"), "name at least one service")
        }
        for (k, value) in list.enumerated() {
            guard let text = value.string, services.contains(text) else {
                problem(
                    value, "\(path).services[\(k)]",
                    value.string.map { "no service has the id \"\($0)\"" }
                        ?? "a service id in double quotes was expected")
                ok = false
                continue
            }
            keys.insert(text)
        }
        var hours: OpeningHours?
        if let text = string(object, "hours", path) {
            do {
                hours = try OpeningHours.parse(text)
                for warning in hours?.warnings ?? [] {
                    warnings.append(
                        ContentProblem(
                            file: file, line: object["hours"]!.line, path: join(path, "hours"),
                            message: "warning: \(warning) in \"\(text)\""))
                }
            } catch {
                problem(object["hours"]!, join(path, "hours"), "\(error) in \"\(text)\"")
            }
        }
        let from = day(object, "from", path, required: true)
        let until = day(object, "until", path, required: false)
        if let from, let until, until < from {
            problem(object["until"]!, join(path, "until"), "ends (\(until)) before it starts (\(from))")
            ok = false
        }
        guard ok, place != nil, !keys.isEmpty, let hours, let from else { return [] }
        return hours.ranges.map {
            AgendaOpeningRange(
                helper: helper, place: place!, services: keys, firstDay: from, untilDay: until,
                weekdays: $0.weekdays, startMinute: $0.range.start, endMinute: $0.range.end)
        }
    }

    /// Two weekly ranges of one helper open at the same time on some day.
    static func overlap(_ a: AgendaOpeningRange, _ b: AgendaOpeningRange) -> Bool {
        guard a.weekdays.mask & b.weekdays.mask != 0, a.startMinute < b.endMinute, b.startMinute < a.endMinute else {
            return false
        }
        let aEnd = a.untilDay?.dayNumber ?? Int.max, bEnd = b.untilDay?.dayNumber ?? Int.max
        return a.firstDay.dayNumber <= bEnd && b.firstDay.dayNumber <= aEnd
    }
}
