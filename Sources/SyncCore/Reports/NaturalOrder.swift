/// Names in the order people count them: the digits in a name compare as numbers, so
/// `Xóm 2` comes before `Xóm 10` (a commune of 14 xóm read `Xóm 1, Xóm 10, Xóm 11 … Xóm 2`).
package enum NaturalOrder {
    /// Whether `a` comes before `b`: runs of digits by their value (then by their length,
    /// `02` after `2`), the rest by its Unicode scalars, as before.
    package static func precedes(_ a: String, _ b: String) -> Bool {
        var (x, y) = (a.unicodeScalars[...], b.unicodeScalars[...])
        while let p = x.first, let q = y.first {
            if p.properties.numericType == .decimal, q.properties.numericType == .decimal,
                p.isASCII, q.isASCII
            {
                let left = x.prefix { $0.isASCII && $0.properties.numericType == .decimal }
                let right = y.prefix { $0.isASCII && $0.properties.numericType == .decimal }
                let (l, r) = (left.drop { $0 == "0" }, right.drop { $0 == "0" })
                if l.count != r.count { return l.count < r.count }
                if !l.elementsEqual(r) { return l.lexicographicallyPrecedes(r) }
                if left.count != right.count { return left.count < right.count }
                x = x.dropFirst(left.count)
                y = y.dropFirst(right.count)
                continue
            }
            if p != q { return p.value < q.value }
            x = x.dropFirst()
            y = y.dropFirst()
        }
        return x.isEmpty && !y.isEmpty
    }

    /// `rows` by their `column` in natural order, then by id.
    package static func sorted(_ rows: [SyncRow], by column: String) -> [SyncRow] {
        rows.sorted { a, b in
            let (p, q) = (a.text(column), b.text(column))
            return p == q ? a.id < b.id : precedes(p, q)
        }
    }
}
