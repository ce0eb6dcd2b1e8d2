import KioskCore

/// The appointment ticket for an 80 mm thermal printer at 203 dpi: 576 pixels wide, as tall
/// as it needs, black on white only. Arabic is laid out right to left like the screens.
public enum TicketLayout {
    public static let width = 576

    public static func scene(_ ticket: TicketContent, qr: QRModules?, measurer: TextMeasurer) -> Scene {
        // Lay out once on a tall page, then cut the page to what was used.
        let page = Size(width: width, height: 3000)
        let theme = Theme(size: page, largeText: false, highContrast: false)
        var b = SceneBuilder(theme: theme, measurer: measurer, rightToLeft: ticket.language.isRightToLeft, focusID: nil)
        let black = Color(hex: 0x000000), white = Color(hex: 0xFFFFFF)
        b.fill(Rect(x: 0, y: 0, width: page.width, height: page.height), white)
        var rest = Rect(x: 24, y: 24, width: width - 48, height: page.height - 48)

        func line(
            _ text: String, size: Int, weight: FontWeight = .regular, id: String, center: Bool = false, gap: Int = 10
        ) {
            let style = TextStyle(size: size, weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
            let lines = TextWrapper.wrap(text, width: rest.width, style: style, measurer: measurer).count
            let box = rest.sliceTop(measurer.lineHeight(style) * lines, gap: gap)
            b.label(text, id: id, in: box, size: size, weight: weight, black, align: center ? .center : .leading)
        }
        func rule() {
            b.fill(rest.sliceTop(4, gap: 16), black)
        }

        line(ticket.siteName, size: 28, weight: .bold, id: "site", center: true)
        line(ticket.title, size: 34, weight: .bold, id: "title", center: true, gap: 16)
        rule()
        // The day and time, the largest.
        var dayRow = rest.sliceTop(72, gap: 8)
        b.icon(.event, in: dayRow.sliceLeft(64, gap: 16), size: 60, black)
        b.label(ticket.day, id: "day", in: dayRow, size: 48, weight: .bold, black, centerVertically: true)
        var timeRow = rest.sliceTop(96, gap: 16)
        b.icon(.schedule, in: timeRow.sliceLeft(64, gap: 16), size: 60, black)
        b.label(ticket.time, id: "time", in: timeRow, size: 80, weight: .bold, black, centerVertically: true)
        rule()
        func fact(_ icon: Icon, _ main: String, _ sub: String?, id: String, size: Int = 32) {
            let style = TextStyle(size: size, weight: .bold, rightToLeft: TextDirection.isRightToLeft(main))
            let subStyle = TextStyle(size: 26, rightToLeft: TextDirection.isRightToLeft(sub ?? ""))
            let mainLines = TextWrapper.wrap(main, width: rest.width - 80, style: style, measurer: measurer).count
            let subLines =
                sub.map { TextWrapper.wrap($0, width: rest.width - 80, style: subStyle, measurer: measurer).count } ?? 0
            var row = rest.sliceTop(
                max(64, measurer.lineHeight(style) * mainLines + measurer.lineHeight(subStyle) * subLines), gap: 14)
            b.icon(icon, in: Rect(x: row.x, y: row.y, width: 64, height: 64), size: 52, black)
            _ = row.sliceLeft(64, gap: 16)
            let top = row.sliceTop(measurer.lineHeight(style) * mainLines)
            b.label(main, id: id, in: top, size: size, weight: .bold, black, maxLines: 30)
            if let sub { b.label(sub, id: id + "-more", in: row, size: 26, black) }
        }
        fact(.place, ticket.placeName, ticket.address, id: "place")
        fact(.person, ticket.helper, ticket.service, id: "helper")
        if let person = ticket.person {
            fact(.handshake, person, nil, id: "person")
            b.markPersonal("person")
        }
        if let bring = ticket.whatToBring {
            rule()
            fact(.description_, bring, nil, id: "bring")
        }
        if let summary = ticket.diagnosticSummary {
            rule()
            fact(.quiz, summary, nil, id: "diagnostic", size: 24)
        }
        rule()
        line(ticket.howToCancel, size: 26, id: "cancel", gap: 16)
        if let qr { drawQR(&b, qr, in: &rest, page: page, label: ticket.qrPayload) }
        return croppedPage(b, screenID: "ticket", page: page, usedTo: rest.y)
    }

    /// The drawn page cut to what it holds (a receipt roll is as long as its text), the
    /// page-high background included.
    static func croppedPage(_ b: SceneBuilder, screenID: String, page: Size, usedTo bottom: Int) -> Scene {
        let used = bottom + 24
        var scene = b.build(screenID: screenID, background: Color(hex: 0xFFFFFF))
        scene.size = Size(width: page.width, height: used)
        scene.commands = scene.commands.map { command in
            if case .rect(let r, let c) = command, r.height == page.height {
                return .rect(Rect(x: r.x, y: r.y, width: r.width, height: used), c)
            }
            return command
        }
        return scene
    }

    /// The QR code: 4-module quiet zone, whole-pixel modules, centred, never mirrored (drawn
    /// in page coordinates that the right-to-left mirror flips back).
    static func drawQR(_ b: inout SceneBuilder, _ qr: QRModules, in rest: inout Rect, page: Size, label: String) {
        let black = Color(hex: 0x000000)
        let module = max(4, min(8, (rest.width - 40) / (qr.size + 8)))
        let side = (qr.size + 8) * module
        let box = rest.sliceTop(side, gap: 16)
        let origin = Point(x: box.midX - side / 2, y: box.y)
        for (y, row) in qr.modules.enumerated() {
            var x = 0
            while x < row.count {
                guard row[x] else { x += 1; continue }
                var end = x
                while end < row.count && row[end] { end += 1 }
                var r = Rect(
                    x: origin.x + (4 + x) * module, y: origin.y + (4 + y) * module, width: (end - x) * module,
                    height: module)
                if b.rightToLeft { r = r.mirrored(in: page.width) }
                b.fill(r, black)
                x = end
            }
        }
        b.add(
            SemanticNode(
                id: "qr", role: .image, label: label, frame: Rect(x: origin.x, y: origin.y, width: side, height: side)))
    }

    /// The resources list, on the same paper.
    public static func resources(_ sheet: ResourceSheet, language: Language, siteName: String, measurer: TextMeasurer)
        -> Scene
    {
        let page = Size(width: width, height: 3000)
        let theme = Theme(size: page, largeText: false, highContrast: false)
        var b = SceneBuilder(theme: theme, measurer: measurer, rightToLeft: language.isRightToLeft, focusID: nil)
        let black = Color(hex: 0x000000), white = Color(hex: 0xFFFFFF)
        b.fill(Rect(x: 0, y: 0, width: page.width, height: page.height), white)
        var rest = Rect(x: 24, y: 24, width: width - 48, height: page.height - 48)
        func line(
            _ text: String, size: Int, weight: FontWeight = .regular, id: String, center: Bool = false, gap: Int = 10
        ) {
            let style = TextStyle(size: size, weight: weight, rightToLeft: TextDirection.isRightToLeft(text))
            let lines = TextWrapper.wrap(text, width: rest.width, style: style, measurer: measurer).count
            let box = rest.sliceTop(measurer.lineHeight(style) * lines, gap: gap)
            b.label(
                text, id: id, in: box, size: size, weight: weight, black, align: center ? .center : .leading,
                maxLines: 12)
        }
        line(siteName, size: 28, weight: .bold, id: "site", center: true)
        line(sheet.title[language], size: 40, weight: .bold, id: "title", center: true, gap: 16)
        b.fill(rest.sliceTop(4, gap: 16), black)
        line(sheet.intro[language], size: 28, id: "intro", gap: 20)
        for (i, item) in sheet.items.enumerated() {
            line(item.text[language], size: 30, weight: .bold, id: "item-\(i)", gap: 4)
            line(item.address, size: 30, id: "address-\(i)", gap: 22)
        }
        return croppedPage(b, screenID: "resources", page: page, usedTo: rest.y)
    }
}
