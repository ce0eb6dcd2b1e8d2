// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

// The sections of an agenda file: places, services, helpers with their opening ranges and
// absences. Each reader adds problems and returns what it could read.

extension AgendaFileReader {
    mutating func document(_ root: LocatedJSON) -> AgendaDocument? {
        guard
            checkObject(
                root, "", allowed: ["format", "alsace_moselle", "closed_days", "places", "services", "helpers"])
        else {
            return nil
        }
        if let format = root["format"] {
            if format.int != AgendaDocument.formatVersion {
                problem(format, "format", "this kiosk reads agenda format \(AgendaDocument.formatVersion)")
            }
        } else {
            problem(root, "format", "missing (write \"format\": \(AgendaDocument.formatVersion))")
        }
        var alsaceMoselle = false
        if let value = root["alsace_moselle"] {
            if let flag = value.bool {
                alsaceMoselle = flag
            } else {
                problem(value, "alsace_moselle", "true or false was expected")
            }
        }
        var closedDays: [LocalDay] = []
        for (i, value) in list(root, "closed_days", "", required: false).enumerated() {
            if let text = value.string, LocalDay(text) != nil {
                if let day = agendaDay(text, at: value, "closed_days[\(i)]") { closedDays.append(day) }
            } else {
                problem(value, "closed_days[\(i)]", "a day YYYY-MM-DD was expected")
            }
        }
        // Ids of entries that have other problems still count as known, so one mistake in a
        // service is not reported again at every opening that names it.
        let (places, placeKeys) = placeList(root)
        let (services, serviceKeys) = serviceList(root)
        let (helpers, ranges, absences) = helperList(root, places: placeKeys, services: serviceKeys)
        return AgendaDocument(
            alsaceMoselle: alsaceMoselle, closedDays: closedDays, places: places, services: services,
            helpers: helpers, ranges: ranges, absences: absences)
    }

    // MARK: - Places

    mutating func placeList(_ root: LocatedJSON) -> ([AgendaPlace], Set<String>) {
        var seen = Set<String>(), names = Set<String>()
        var places: [AgendaPlace] = []
        let elements = list(root, "places", "")
        if root["places"] != nil, elements.isEmpty, root["places"]?.elements != nil {
            problem(root["places"]!, "places", "at least one place is needed")
        }
        for (i, object) in elements.enumerated() {
            let path = "places[\(i)]"
            guard checkObject(object, path, allowed: ["id", "name", "address", "phone", "lat", "lon"]) else { continue }
            let key = self.key(object, path, seen: &seen)
            let name = string(object, "name", path)
            let address = string(object, "address", path)
            var phone: String?
            if let text = string(object, "phone", path, required: false) {
                if Self.isE164(text) {
                    phone = text
                } else {
                    problem(
                        object["phone"]!, join(path, "phone"),
                        "\"\(text)\" is not an international number such as +33467000000")
                }
            }
            let lat = double(object, "lat", path, in: -90...90), lon = double(object, "lon", path, in: -180...180)
            if (object["lat"] == nil) != (object["lon"] == nil) {
                problem(object, path, "give both lat and lon, or neither")
            }
            if let name, !names.insert(name).inserted {
                problem(object["name"]!, join(path, "name"), "two places are named \"\(name)\"")
            }
            guard let key, let name, let address else { continue }
            places.append(
                AgendaPlace(key: key, name: name, address: address, phone: phone, latitude: lat, longitude: lon))
        }
        return (places, seen)
    }

    static func isE164(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.hasPrefix("+") && (8...15).contains(digits.count) && digits.first != "0"
            && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: - Services

    mutating func serviceList(_ root: LocatedJSON) -> ([AgendaService], Set<String>) {
        var seen = Set<String>(), names = Set<String>()
        var services: [AgendaService] = []
        let allowed = [
            "id", "support", "name", "duration_minutes", "min_notice_minutes", "min_notice_hours",
            "max_notice_days", "location", "what_to_bring", "cancellable_by_person",
        ]
        for (i, object) in list(root, "services", "").enumerated() {
            let path = "services[\(i)]"
            guard checkObject(object, path, allowed: allowed) else { continue }
            let key = self.key(object, path, seen: &seen)
            var support: SupportKind?
            if let text = string(object, "support", path) {
                let kinds = SupportKind.allCases.filter(\.isBookable).map(\.rawValue).joined(separator: ", ")
                if let kind = SupportKind(rawValue: text), kind.isBookable {
                    support = kind
                } else if SupportKind(rawValue: text) != nil {
                    problem(
                        object["support"]!, join(path, "support"),
                        "\"\(text)\" has nothing to book; use one of: \(kinds)")
                } else {
                    problem(
                        object["support"]!, join(path, "support"),
                        "\"\(text)\" is not a kind of help; use one of: \(kinds)")
                }
            }
            let name = localized(object, "name", path, required: true)
            if let name, !names.insert(name.fr).inserted {
                problem(object["name"]!, join(path, "name.fr"), "two services are named \"\(name.fr)\"")
            }
            let duration = int(object, "duration_minutes", path, in: 5...480)
            if object["duration_minutes"] == nil { problem(object, join(path, "duration_minutes"), "missing") }
            var minNotice = 0
            switch (object["min_notice_minutes"], object["min_notice_hours"]) {
            case (.some, .some):
                problem(
                    object["min_notice_hours"]!, join(path, "min_notice_hours"),
                    "give min_notice_minutes or min_notice_hours, not both")
            case (.some, nil): minNotice = int(object, "min_notice_minutes", path, in: 0...525_600) ?? 0
            case (nil, .some): minNotice = (int(object, "min_notice_hours", path, in: 0...8760) ?? 0) * 60
            case (nil, nil): break
            }
            let maxNotice = object["max_notice_days"] == nil ? 60 : int(object, "max_notice_days", path, in: 1...365)
            if let maxNotice, minNotice >= maxNotice * 1440 {
                problem(object, path, "the minimum notice is longer than the maximum notice (\(maxNotice) days)")
            }
            var location: LocationKind? = .onSite
            if let text = string(object, "location", path, required: false) {
                location = LocationKind(rawValue: text)
                if location == nil {
                    problem(
                        object["location"]!, join(path, "location"),
                        "\"\(text)\" is not a location; use on_site, phone or video")
                }
            }
            let bring = localized(object, "what_to_bring", path, required: false)
            var cancellable = true
            if let value = object["cancellable_by_person"] {
                if let flag = value.bool {
                    cancellable = flag
                } else {
                    problem(value, join(path, "cancellable_by_person"), "true or false was expected")
                }
            }
            guard let key, let support, let name, let duration, let maxNotice, let location else { continue }
            services.append(
                AgendaService(
                    key: key, name: name, support: support, durationMinutes: duration, minNoticeMinutes: minNotice,
                    maxNoticeDays: maxNotice, location: location, whatToBring: bring, cancellableByPerson: cancellable))
        }
        return (services, seen)
    }
}
