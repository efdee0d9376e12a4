/// One replicated column: its type, rules, bounds, default and merge policy.
package struct ColumnSpec: Sendable, Hashable {
    /// The column name, also the JSON key and (with dashes) the CLI flag.
    package let name: String
    /// The column's type.
    package let kind: ColumnKind
    /// Whether the column must hold a value (SQL NOT NULL).
    package let isRequired: Bool
    /// The value a new row takes when none is given.
    package let defaultValue: SyncValue?
    /// A rule beyond the type, if any.
    package let rule: ValueRule?
    /// What a text column holds, which sets its length and the characters it takes
    /// (DESIGN.md §3, plausible values). Default: `.line`.
    package let text: TextShape
    /// The largest plausible value of a number column; nil for other kinds.
    package let maximum: Double?
    /// How concurrent edits of this column merge.
    package let policy: MergePolicy
    /// The schema version that added the column (1: from the start).
    package let since: Int

    /// Declares a column; `policy` defaults to last-writer-wins.
    package init(
        _ name: String,
        _ kind: ColumnKind,
        required: Bool = false,
        default defaultValue: SyncValue? = nil,
        rule: ValueRule? = nil,
        text: TextShape = .line,
        maximum: Double? = nil,
        policy: MergePolicy = .lastWriterWins,
        since: Int = 1
    ) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.defaultValue = defaultValue
        self.rule = rule
        self.text = text
        self.maximum = maximum
        self.policy = policy
        self.since = since
    }

    /// The CLI flag for this column (`area_m2` → `area-m2`).
    package var flagName: String { name.replacingOccurrences(of: "_", with: "-") }
}
