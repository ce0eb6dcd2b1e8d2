// Passerelle — KioskUI, the places of help. Licensed under the EUPL-1.2.
import Foundation
import KioskCore

extension TicketLayout {
    /// A place of help on the ticket paper: its name, address and phone, what it helps with,
    /// free or not, its hours for the next seven days, and a QR code of its position (a
    /// `geo:` link a phone opens in its map). Black on white, 576 px wide, Arabic mirrored.
    public static func place(
        _ place: PlaceOfHelp, today: LocalDay, language: Language, policy: KioskPolicy, catalogue: Catalogue,
        qr: QRModules?, measurer: TextMeasurer
    ) -> Scene {
        let t = Texts(catalogue: catalogue, language: language)
        let page = Size(width: width, height: 3000)
        let theme = Theme(size: page, largeText: false, highContrast: false)
        var b = SceneBuilder(theme: theme, measurer: measurer, rightToLeft: language.isRightToLeft, focusID: nil)
        let black = Color(hex: 0x000000), white = Color(hex: 0xFFFFFF)
        b.fill(Rect(x: 0, y: 0, width: page.width, height: page.height), white)
        var rest = Rect(x: 24, y: 24, width: width - 48, height: page.height - 48)

        func line(_ text: String, size: Int, weight: FontWeight = .regular, id: String, center: Bool = false) {
            let style = TextStyle(size: size, weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
            let lines = TextWrapper.wrap(text, width: rest.width, style: style, measurer: measurer).count
            let box = rest.sliceTop(measurer.lineHeight(style) * lines, gap: 10)
            b.label(
                text, id: id, in: box, size: size, weight: weight, black, align: center ? .center : .leading,
                maxLines: 12)
        }
        func fact(_ icon: Icon, _ text: String, id: String, size: Int = 30, weight: FontWeight = .bold) {
            let style = TextStyle(size: size, weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
            let lines = TextWrapper.wrap(text, width: rest.width - 80, style: style, measurer: measurer).count
            var row = rest.sliceTop(max(60, measurer.lineHeight(style) * lines), gap: 12)
            b.icon(icon, in: Rect(x: row.x, y: row.y, width: 60, height: 60), size: 48, black)
            _ = row.sliceLeft(60, gap: 20)
            b.label(text, id: id, in: row, size: size, weight: weight, black, maxLines: 12)
        }
        func rule() { b.fill(rest.sliceTop(4, gap: 16), black) }

        line(policy.siteName, size: 28, weight: .bold, id: "site", center: true)
        line(t(.placesTicketTitle), size: 34, weight: .bold, id: "title", center: true)
        rule()
        line(place.name, size: 40, weight: .bold, id: "name")
        fact(.place, PlacesWords.address(place), id: "address")
        if let complement = place.addressComplement { fact(.info, complement, id: "complement", weight: .regular) }
        if let phone = place.phone { fact(.phone, PlacesWords.phone(phone), id: "phone", size: 40) }
        fact(PlacesWords.fees, PlacesWords.fees(place, t: t), id: "fees")
        rule()
        line(t(.placesOffers), size: 30, weight: .bold, id: "offers")
        for (i, service) in place.services.enumerated() {
            fact(PlacesWords.icon(service), t(PlacesWords.key(service)), id: "offer-\(i)", size: 28, weight: .regular)
        }
        for support in PlacesWords.supportOrder where place.specificSupport.contains(support) {
            fact(
                PlacesWords.icon(support), t(PlacesWords.key(support)), id: "support-\(support)", size: 28,
                weight: .regular)
        }
        rule()
        line(t(.placesWeek), size: 30, weight: .bold, id: "week")
        switch place.hours {
        case .rules:
            for (i, day) in PlacesFinder.week(of: place, from: today, alsaceMoselle: policy.alsaceMoselle).enumerated()
            {
                line(PlacesWords.weekDay(day.day, day.hours, language: language, t: t), size: 28, id: "day-\(i)")
            }
        case .asWritten(let text, _):
            line(t(.placesHoursWritten), size: 28, id: "hours-written")
            line(text, size: 28, id: "hours")
        case .notGiven:
            line(t(.placesNoHours), size: 28, id: "hours")
        }
        if let qr, let point = place.location {
            rule()
            line(t(.placesQR), size: 26, id: "qr-hint", center: true)
            drawQR(&b, qr, in: &rest, page: page, label: geoURI(point))
        }
        return TicketLayout.croppedPage(b, screenID: "place-ticket", page: page, usedTo: rest.y)
    }

    /// What the QR code of a place holds: a `geo:` URI (RFC 5870) that phones open in a map.
    public static func geoURI(_ point: GeoPoint) -> String { PlacesWords.geoURI(point) }
}
