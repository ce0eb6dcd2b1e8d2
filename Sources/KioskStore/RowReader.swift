// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB

/// Reads the columns of one row by throwing, never by trapping.
///
/// GRDB's subscripts (`row["personName"]`) stop the program on a value of the wrong type, and
/// their message prints the whole row: for an appointment, the person's name and phone number
/// end up in the system log. `RowReader` decodes with GRDB's throwing `decode` instead and
/// turns a failure into `BadRow`, which names the table, the row id and the column — never a
/// value. `StoreProblem` maps it to `.corrupt`: the store is kept, the row is reported.
struct RowReader {
    let row: Row
    let table: String

    init(_ row: Row, table: String) {
        self.row = row
        self.table = table
    }

    /// The value of `column`, or `BadRow` when it has the wrong type.
    func callAsFunction<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws
        -> Value
    {
        do {
            return try row.decode(Value.self, forColumn: column)
        } catch {
            throw BadRow(table: table, rowID: rowID, column: column, storage: storageClass(of: column))
        }
    }

    private var rowID: Int64? {
        guard case .int64(let id) = (row["id"] as DatabaseValue?)?.storage else { return nil }
        return id
    }

    private func storageClass(of column: String) -> String {
        switch (row[column] as DatabaseValue?)?.storage {
        case .null?, nil: return "null"
        case .int64?: return "an integer"
        case .double?: return "a real"
        case .string?: return "text"
        case .blob?: return "a blob"
        }
    }
}

/// A row whose column holds what the code cannot read (a blob where text belongs, a date that
/// does not parse). Its description is safe to log: it holds no value of the row.
struct BadRow: Error, CustomStringConvertible {
    var table: String
    var rowID: Int64?
    var column: String
    /// SQLite's storage class of the value found ("a blob", "an integer"…).
    var storage: String

    var description: String {
        "\(table) row \(rowID.map(String.init) ?? "?"): column \(column) holds \(storage) that cannot be read"
    }
}
