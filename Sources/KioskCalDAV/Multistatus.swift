// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One `<response>` of a WebDAV multistatus (RFC 4918 §13): a calendar object resource.
struct DAVResource: Equatable, Sendable {
    var href: String
    var etag: String?
    var calendarData: String?
    /// The propstat's status line ("HTTP/1.1 200 OK"); a 404 means no such property.
    var status: String?
}

/// Reads a multistatus body with Foundation's XMLParser (namespaces resolved, so any prefix
/// works: `D:`, `d:`, none).
final class MultistatusReader: NSObject, XMLParserDelegate {
    private(set) var resources: [DAVResource] = []
    private var current: DAVResource?
    private var text = ""
    private var failure: String?

    static func read(_ data: Data) -> Result<[DAVResource], CalDAVError> {
        let reader = MultistatusReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse() else {
            let detail = parser.parserError.map { "\($0)" } ?? reader.failure ?? "unreadable XML"
            return .failure(.refused(status: 207, detail: "multistatus: \(detail)"))
        }
        return .success(reader.resources)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "response" { current = DAVResource(href: "") }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch elementName {
        case "href" where current?.href.isEmpty == true: current?.href = value
        case "getetag": current?.etag = value.isEmpty ? nil : value
        case "calendar-data": current?.calendarData = text
        case "status": current?.status = value
        case "response":
            if let current { resources.append(current) }
            current = nil
        default: break
        }
        text = ""
    }
}
