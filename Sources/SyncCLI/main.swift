import Foundation

// The field CLI (`ntm init`, `ntm sync`, …) arrives with the next issue; until then this
// executable says so plainly instead of pretending.
FileHandle.standardError.write(
    Data(
        "error: ntm is not built yet: the field CLI arrives with the next issue; the engine (SyncCore) and its tests are ready: swift test\n"
            .utf8))
exit(1)
