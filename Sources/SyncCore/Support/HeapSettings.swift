import CHeap

/// glibc's heap thresholds, raised when a replica opens.
///
/// Each capture trigger and each `IN (…)` CHECK makes SQLite open a small ephemeral
/// b-tree per row (`EXPLAIN` shows `OpenEphemeral` in the capture program); its pager
/// allocates about 172 KiB and frees it when the row is done. With glibc's default
/// thresholds that block sits at the top of the heap and is given back to the kernel
/// (`brk`) on every free, then faulted in again, page by page, on the next row: a local
/// write of 20,000 rows made 14,371 `brk` calls with 38 % of its samples in the kernel,
/// and it ran slower the more rows the process had written. Keeping up to 8 MiB of
/// freed heap, and serving blocks under 1 MiB from it, halves the time of a local write
/// (issue 15, docs/architecture.md "Performance").
enum HeapSettings {
    /// Sets the thresholds (again: it costs two calls). Returns false when the C library
    /// refused them, or is not glibc: slower then, not wrong.
    @discardableResult
    static func apply() -> Bool {
        cheap_set_thresholds(8 << 20, 1 << 20) == 1
    }
}
