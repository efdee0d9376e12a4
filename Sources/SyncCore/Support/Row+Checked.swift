import GRDB

extension Row {
    /// The value of `column` as `T`, or an error naming the column: a file edited by
    /// another tool (text where a number belongs, a number beyond Int64) is refused with
    /// a message, never a crash.
    func checked<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws(SyncError) -> T {
        do {
            return try decode(T.self, forColumn: column)
        } catch {
            throw SyncError.storage("the file holds an unreadable \(column): \(self[column] ?? "NULL")")
        }
    }
}
