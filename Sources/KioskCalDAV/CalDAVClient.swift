// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

/// What a conditional write answered.
enum WriteOutcome: Equatable, Sendable {
    /// Done; the new ETag when the server gave one.
    case done(etag: String?)
    /// 412: `If-None-Match: *` found the resource taken, or `If-Match` found it changed.
    case preconditionFailed
    /// 404 on a delete or an `If-Match` write: nothing there.
    case notFound
}

/// The CalDAV requests the kiosk makes (RFC 4791), on one calendar collection.
struct CalDAVClient: Sendable {
    var http: HTTPClient

    /// `REPORT calendar-query`: every VEVENT overlapping [from, to), as stored, or with
    /// recurring events expanded by the server (`<C:expand>`, RFC 4791 §9.6.5).
    func events(in calendar: URL, from: Date, to: Date, expand: Bool) throws(CalDAVError) -> [DAVResource] {
        let start = ICalendar.utc(from), end = ICalendar.utc(to)
        let data =
            expand
            ? "<C:calendar-data><C:expand start=\"\(start)\" end=\"\(end)\"/></C:calendar-data>" : "<C:calendar-data/>"
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/>\(data)</D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
                <C:time-range start="\(start)" end="\(end)"/>
              </C:comp-filter></C:comp-filter></C:filter>
            </C:calendar-query>
            """
        let answer = try http.perform(
            "REPORT", calendar,
            headers: ["Depth": "1", "Content-Type": "application/xml; charset=utf-8"], body: Data(body.utf8))
        guard answer.status == 207 else { throw refusal(answer, "REPORT") }
        switch MultistatusReader.read(answer.body) {
        case .success(let resources): return resources.filter { $0.calendarData != nil }
        case .failure(let error): throw error
        }
    }

    /// `PUT` of one event: `If-None-Match: *` to create only (etag nil), `If-Match` to replace.
    func put(_ ics: String, at url: URL, ifMatch etag: String?) throws(CalDAVError) -> WriteOutcome {
        var headers = ["Content-Type": "text/calendar; charset=utf-8"]
        if let etag { headers["If-Match"] = etag } else { headers["If-None-Match"] = "*" }
        let answer = try http.perform("PUT", url, headers: headers, body: Data(ics.utf8))
        switch answer.status {
        case 200..<300: return .done(etag: answer.etag)
        case 412: return .preconditionFailed
        case 404 where etag != nil: return .notFound
        default: throw refusal(answer, "PUT")
        }
    }

    /// `DELETE` with `If-Match` (nil: unconditionally, for an event whose ETag we never had).
    func delete(_ url: URL, ifMatch etag: String?) throws(CalDAVError) -> WriteOutcome {
        let answer = try http.perform("DELETE", url, headers: etag.map { ["If-Match": $0] } ?? [:])
        switch answer.status {
        case 200..<300: return .done(etag: nil)
        case 404, 410: return .notFound
        case 412: return .preconditionFailed
        default: throw refusal(answer, "DELETE")
        }
    }

    /// The current ETag of a resource (`HEAD`), nil when it is gone.
    func etag(of url: URL) throws(CalDAVError) -> String?? {
        let answer = try http.perform("HEAD", url)
        switch answer.status {
        case 200..<300: return .some(answer.etag)
        case 404, 410: return .none
        default: throw refusal(answer, "HEAD")
        }
    }

    private func refusal(_ answer: HTTPAnswer, _ method: String) -> CalDAVError {
        let detail: String
        switch answer.status {
        case 401: detail = "\(method): the server refused the credentials"
        case 403: detail = "\(method): the account may not do this on that calendar"
        case 404: detail = "\(method): no calendar at this URL"
        case 300..<400:
            detail = "\(method): the server redirects to \(answer.headers["location"] ?? "elsewhere"); fix the URL"
        default: detail = method
        }
        return .refused(status: answer.status, detail: detail)
    }
}

/// Resource names and addresses.
public enum CalDAVNames {
    /// The event's name in the calendar: the same for the same helper and start on every kiosk,
    /// so `If-None-Match: *` lets only the first kiosk write it.
    public static func resource(helper: String, start: Date) -> String {
        "passerelle-\(helper)-\(ICalendar.utc(start)).ics"
    }

    /// A resource's URL from a multistatus href (an absolute path, or a full URL).
    static func url(_ href: String, in calendar: URL) -> URL {
        URL(string: href, relativeTo: calendar)?.absoluteURL ?? calendar.appendingPathComponent(href)
    }

    /// The path part, to compare a stored href with a multistatus one.
    static func path(_ href: String, in calendar: URL) -> String {
        (url(href, in: calendar).path.removingPercentEncoding ?? url(href, in: calendar).path)
    }
}
