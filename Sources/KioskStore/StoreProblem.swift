// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

/// Everything that can go wrong when the store reads or writes.
///
/// The kiosk never shows this as an exception: it keeps the last `StoreProblem` in its state
/// and a screen renders it ("we could not save — please ask at the desk"). Every case names
/// what failed and where, so the admin log and `passerellectl` can print it as is.
/// When a write throws, nothing was saved by that write and nothing saved before was lost:
/// each write is one SQLite transaction, rolled back as a whole.
public enum StoreProblem: Error, Equatable, Sendable {
    /// The disk (or the size cap set on the database) is full (SQLITE_FULL). Free space, then retry.
    case diskFull(path: String)
    /// The file or its file system is read-only (SQLITE_READONLY, EROFS, EACCES).
    case readOnly(path: String, detail: String)
    /// The operating system reported an input/output error (SQLITE_IOERR): failing disk or card.
    case ioError(path: String, detail: String)
    /// The database file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB, failed quick_check).
    case corrupt(path: String, detail: String)
    /// Another process held the database longer than the busy timeout (SQLITE_BUSY / LOCKED).
    case busy(path: String)
    /// A write broke a rule of the schema (SQLITE_CONSTRAINT); `rule` is SQLite's message.
    case rejected(rule: String)
    /// The helper already has an appointment overlapping this slot (double booking refused).
    case slotTaken
    /// The record the caller named does not exist (e.g. an unknown appointment uuid).
    case notFound(what: String)
    /// A file or directory given to the store cannot be used (missing data dir, bad backup).
    case unusableFile(path: String, detail: String)
    /// Any other SQLite failure, with its result code and message.
    case sqlite(code: Int32, message: String, path: String)
}

// MARK: - Classification

extension StoreProblem {
    /// True when waiting and retrying the same write may succeed (busy), false when a person
    /// must act (free space, replace the disk) — the screen then says "please ask at the desk".
    public var isTransient: Bool {
        if case .busy = self { return true }
        return false
    }

    /// Maps any error thrown by GRDB or Foundation to a problem. `path` is the database file.
    public init(_ error: any Error, path: String) {
        if let problem = error as? StoreProblem {
            self = problem
            return
        }
        if let bad = error as? BadRow {
            self = .corrupt(path: path, detail: bad.description)
            return
        }
        if error is RowDecodingError {
            // Its description prints the whole row, personal columns included: never show it.
            self = .corrupt(path: path, detail: "a row holds a value of the wrong type")
            return
        }
        guard let dbError = error as? DatabaseError else {
            let nsError = error as NSError
            if nsError.domain == NSPOSIXErrorDomain, nsError.code == Int(EROFS) || nsError.code == Int(EACCES) {
                self = .readOnly(path: path, detail: nsError.localizedDescription)
            } else if nsError.domain == NSPOSIXErrorDomain, nsError.code == Int(ENOSPC) {
                self = .diskFull(path: path)
            } else {
                self = .unusableFile(path: path, detail: "\(error)")
            }
            return
        }
        let message = dbError.message ?? "\(dbError)"
        switch dbError.resultCode {
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM:
            self = .readOnly(path: path, detail: message)
        case .SQLITE_CANTOPEN where Self.looksReadOnly(path):
            self = .readOnly(path: path, detail: message)
        case .SQLITE_IOERR:
            // SQLite reports ENOSPC during fsync/write as an I/O error on some file systems.
            // and a file system remounted read-only (ext4 errors=remount-ro) as one too.
            if Self.looksFull(path) {
                self = .diskFull(path: path)
            } else if Self.looksReadOnly(path) {
                self = .readOnly(path: path, detail: message)
            } else {
                self = .ioError(path: path, detail: message)
            }
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(path: path, detail: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_CONSTRAINT:
            self = message.contains(AppDatabase.slotTakenMessage) ? .slotTaken : .rejected(rule: message)
        default: self = .sqlite(code: dbError.resultCode.rawValue, message: message, path: path)
        }
    }

    private static func looksReadOnly(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        return access(directory, W_OK) != 0 || (FileManager.default.fileExists(atPath: path) && access(path, W_OK) != 0)
            || statvfsFlags(directory) & UInt(ST_RDONLY) != 0
    }

    private static func looksFull(_ path: String) -> Bool {
        var info = statvfs()
        let directory = (path as NSString).deletingLastPathComponent
        guard statvfs(directory, &info) == 0 else { return false }
        return info.f_bavail == 0
    }

    private static func statvfsFlags(_ directory: String) -> UInt {
        var info = statvfs()
        guard statvfs(directory, &info) == 0 else { return 0 }
        return UInt(info.f_flag)
    }
}

// MARK: - Messages for admins

extension StoreProblem: CustomStringConvertible {
    /// One line for logs and `passerellectl` (English, for admins; the kiosk localises its own).
    public var description: String {
        switch self {
        case .diskFull(let path): return "disk full: could not write \(path)"
        case .readOnly(let path, let detail): return "read-only: could not write \(path) (\(detail))"
        case .ioError(let path, let detail): return "I/O error on \(path): \(detail)"
        case .corrupt(let path, let detail): return "corrupt database \(path): \(detail)"
        case .busy(let path): return "database busy: \(path) is locked by another process"
        case .rejected(let rule): return "refused by the schema: \(rule)"
        case .slotTaken: return "slot already booked for this helper"
        case .notFound(let what): return "not found: \(what)"
        case .unusableFile(let path, let detail): return "cannot use \(path): \(detail)"
        case .sqlite(let code, let message, let path): return "SQLite error \(code) on \(path): \(message)"
        }
    }
}
