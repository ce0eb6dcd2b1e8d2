// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import GRDB

// MARK: - v4-places-of-help
//
// The places of help of the national open data (docs/places.md): public information, no
// person's data. One row per place, keyed by the file's id; the lists of the schema in one
// child table (field, position, value), so the closed lists the screen filters on can be
// indexed and every list keeps the file's order. `importSource` names the file a place came
// from: a later import of the same source removes (and lists) the places it no longer has.

extension AppDatabase {
    /// The schema's multi-valued fields, as `place_of_help_value.field` holds them.
    static let placeListFields = [
        "typologie", "courriels", "site_web", "itinerance", "services", "publics_specifiquement_adresses",
        "prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
        "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
    ]

    @Sendable static func createPlacesOfHelp(_ db: Database) throws {
        let fields = placeListFields.map { "'\($0)'" }.joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE TABLE place_of_help (
                  id INTEGER PRIMARY KEY,
                  key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 100),
                  importSource TEXT NOT NULL CHECK (length(importSource) BETWEEN 1 AND 100),
                  importedAt DATETIME NOT NULL,
                  pivot TEXT CHECK (pivot IS NULL OR length(pivot) <= 40),
                  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
                  commune TEXT NOT NULL CHECK (length(commune) BETWEEN 1 AND 300),
                  postalCode TEXT NOT NULL CHECK (length(postalCode) = 5 AND postalCode NOT GLOB '*[^0-9]*'),
                  inseeCode TEXT CHECK (inseeCode IS NULL OR length(inseeCode) = 5),
                  address TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
                  addressComplement TEXT CHECK (addressComplement IS NULL OR length(addressComplement) <= 300),
                  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
                  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
                  phone TEXT CHECK (phone IS NULL OR phone GLOB '+[1-9]*'),
                  hours TEXT CHECK (hours IS NULL OR length(hours) <= 1000),
                  summary TEXT CHECK (summary IS NULL OR length(summary) <= 280),
                  detail TEXT CHECK (detail IS NULL OR length(detail) <= 4000),
                  source TEXT CHECK (source IS NULL OR length(source) <= 300),
                  parentStructure TEXT CHECK (parentStructure IS NULL OR length(parentStructure) <= 300),
                  updatedOn TEXT CHECK (updatedOn IS NULL OR date(updatedOn) = updatedOn),
                  accessibilityURL TEXT CHECK (accessibilityURL IS NULL OR length(accessibilityURL) <= 500),
                  bookingURL TEXT CHECK (bookingURL IS NULL OR length(bookingURL) <= 500),
                  CHECK ((latitude IS NULL) = (longitude IS NULL))
                );
                CREATE INDEX place_of_help_importSource ON place_of_help(importSource);

                CREATE TABLE place_of_help_value (
                  placeId INTEGER NOT NULL REFERENCES place_of_help(id) ON DELETE CASCADE,
                  field TEXT NOT NULL CHECK (field IN (\(fields))),
                  position INTEGER NOT NULL CHECK (position >= 0),
                  value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 300),
                  PRIMARY KEY (placeId, field, position)
                ) WITHOUT ROWID;
                CREATE INDEX place_of_help_value_field ON place_of_help_value(field, value);
                """)
    }
}
