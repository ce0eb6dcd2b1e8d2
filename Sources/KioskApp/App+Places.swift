// Passerelle — KioskApp, the places of help. Licensed under the EUPL-1.2.
import Foundation
import KioskCore
import KioskRender
import KioskUI

/// Draws a place of help on the ticket paper, on the loop's thread (SDL_ttf): its address,
/// its hours for the coming week, and a QR code of its position that a phone opens in a map.
func placeDrawer(config: KioskConfig, catalogue: Catalogue, services: KioskServices, fonts: FontBook)
    -> (PlaceOfHelp, LocalDay, Language) -> PixelImage?
{
    let policy = config.policy
    return { place, today, language in
        do {
            return try TicketPrinter.draw(fonts: fonts) { measurer in
                TicketLayout.place(
                    place, today: today, language: language, policy: policy, catalogue: catalogue,
                    qr: place.location.flatMap { QRMatrix.encode(TicketLayout.geoURI($0)) }, measurer: measurer)
            }
        } catch {
            services.note("place not printed: \(error)")
            return nil
        }
    }
}

/// Imports a places file into the kiosk's store, as `passerellectl places import` does (the
/// file is the truth for its source, named after the file). Refused rows are reported on
/// stderr; a file of which nothing can be imported stops the start, naming why.
func importPlaces(_ path: String, into services: KioskServices) throws {
    guard let store = services.store else { throw StartError.places("no store to import into") }
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
        throw StartError.places("\(path): cannot be read: \(error.localizedDescription)")
    }
    do {
        let file = try PlacesFile.parse(data, file: path)
        for problem in file.refused {
            FileHandle.standardError.write(Data("passerelle: places: \(problem)\n".utf8))
        }
        guard !file.places.isEmpty else { throw StartError.places("\(path): no place could be imported") }
        let source = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try store.importPlaces(file.places, source: source, refusedIDs: file.refusedIDs)
    } catch let error as StartError {
        throw error
    } catch {
        throw StartError.places("\(error)")
    }
}
