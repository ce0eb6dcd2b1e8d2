import Foundation
import KioskCore

/// Saved: the appointment large (to copy or photograph), what to bring, whether the ticket
/// printed, how to cancel or change it, and "Finish".
extension BookingScreens {
    static func drawTicket(_ b: inout SceneBuilder, in area: Rect, _ screen: Step) {
        let theme = b.theme
        let journey = screen.journey
        let language = screen.language
        let catalogue = screen.catalogue
        let t = screen.t
        var rest = area
        guard let slot = journey.chosen else { return }
        title(&b, t(.bookSavedTitle), icon: .check, in: &rest)
        var card = rest
        if !theme.size.isPortrait { card = rest.sliceLeft(rest.width / 2, gap: theme.gap) }
        let done = rest.sliceBottom(theme.buttonHeight, gap: theme.gap)
        b.button(
            id: "done", label: t(.bookDone), icon: .check, frame: done, style: .primary, action: .booking(.finishTapped)
        )
        let printText: String
        switch journey.print {
        case .printed: printText = t(.bookPrinted)
        case .unavailable: printText = t(.bookNoPrinter)
        default: printText = t(.bookPrinting)
        }
        var statusFirst: Rect? = nil
        if !theme.size.isPortrait {
            let lines = lineCount(b, printText, width: rest.width - theme.px(88), size: theme.smallSize)
            statusFirst = rest.sliceTop(
                b.lineHeight(printText, size: theme.smallSize, weight: .bold) * lines + theme.px(8), gap: theme.gap)
        }
        // How to cancel: under the card in landscape, above the button in portrait.
        let how =
            theme.size.isPortrait
            ? rest.sliceBottom(b.lineHeight(t(.bookCancelHow), size: theme.smallSize) * 3, gap: theme.px(12))
            : card.sliceBottom(b.lineHeight(t(.bookCancelHow), size: theme.smallSize) * 3, gap: theme.px(12))
        b.label(t(.bookCancelHow), id: "cancel-how", in: how, size: theme.smallSize, b.palette.text)
        // Landscape: the compact card has no room for the service; it heads the right column,
        // so the ticket says what the appointment is for at every size.
        if !theme.size.isPortrait, let service = journey.service?.name[language] {
            let lines = lineCount(b, service, width: rest.width, size: theme.bodySize)
            b.label(
                service, id: "detail-service", in: rest.sliceTop(b.lineHeight(service, size: theme.bodySize) * lines),
                size: theme.bodySize, weight: .bold, b.palette.primary)
        }
        if let bring = journey.service?.whatToBring?[language] {
            // Landscape: what is left of the right-hand column.
            let row =
                theme.size.isPortrait
                ? rest.sliceBottom(b.lineHeight(bring, size: theme.bodySize) * 2, gap: theme.px(12))
                : rest
            b.label(
                t(.bookBring, ["what": bring]), id: "bring", in: row,
                size: theme.size.isPortrait ? theme.bodySize : theme.smallSize, weight: .bold, b.palette.text)
        }
        let status =
            statusFirst
            ?? rest.sliceBottom(
                b.lineHeight(printText, size: theme.bodySize)
                    * max(2, lineCount(b, printText, width: rest.width - theme.px(88), size: theme.bodySize))
                    + theme.px(8), gap: theme.gap)
        var statusRow = status
        b.icon(
            journey.print == .unavailable ? .camera : .print, in: statusRow.sliceLeft(theme.px(72), gap: theme.px(16)),
            size: theme.px(64), journey.print == .unavailable ? b.palette.problem : b.palette.primary)
        b.label(
            printText, id: "print-status", role: .status, in: statusRow,
            size: theme.size.isPortrait ? theme.bodySize : theme.smallSize, weight: .bold,
            journey.print == .unavailable ? b.palette.problem : b.palette.text, centerVertically: true)
        if theme.size.isPortrait { card = rest }
        details(
            &b, in: card, slot: slot, catalogue: catalogue, service: journey.service, language: language, large: true,
            compact: !theme.size.isPortrait)
    }

    /// How many lines `text` takes in bold at `size` within `width`.
    static func lineCount(_ b: SceneBuilder, _ text: String, width: Int, size: Int) -> Int {
        let style = TextStyle(size: size, weight: .bold, rightToLeft: TextDirection.isRightToLeft(text))
        return TextWrapper.wrap(text, width: width, style: style, measurer: b.measurer).count
    }
}
