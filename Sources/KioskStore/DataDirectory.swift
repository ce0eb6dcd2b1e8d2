// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

/// The layout of a kiosk's data directory, and how its files are made private.
///
/// Everything under the data dir may show a person (names and phone numbers in the store,
/// its WAL, backups, calendars, tickets, screenshots), so directories are created 0700 and the
/// files we write ourselves 0600, whatever the calling process's umask. Both programs also set
/// `umask(077)` at start, which covers what SQLite and SDL_image create.
public enum DataDirectory {
    /// Damaged stores moved aside by the kiosk's recovery (`AppDatabase.open`).
    public static let corrupt = "corrupt"
    /// Online backups (`AppDatabase.backup`).
    public static let backups = "backups"
    /// One ICS file per helper (`AppDatabase.rewriteCalendar`).
    public static let calendars = "calendars"
    /// Ticket images, only while `lp` needs a file; deleted once printed.
    public static let tickets = "tickets"
    /// Admin screenshots of the screen people saw.
    public static let screenshots = "screenshots"

    /// Creates `directory` (and missing parents) with mode 0700. An existing directory that
    /// group or others can enter is narrowed to 0700: an older version made them 0755.
    public static func createPrivate(_ directory: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue {
            var info = stat()
            if stat(directory.path, &info) == 0, info.st_mode & 0o077 != 0, info.st_uid == geteuid() {
                chmod(directory.path, 0o700)
            }
            return
        }
        try fileManager.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Sets a file we wrote to 0600 (a library caller may run with umask 022).
    public static func makePrivate(file path: String) {
        chmod(path, 0o600)
    }

    /// The last modification of a file, or nil if it cannot be read.
    static func modificationDate(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }

    /// The regular files directly in `directory` (none when it does not exist).
    static func files(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
