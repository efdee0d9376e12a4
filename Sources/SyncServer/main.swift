import Foundation

// The hub server (`ntm-hub serve`, admin commands, demo) arrives with the next issue;
// until then this executable says so plainly instead of pretending.
FileHandle.standardError.write(
    Data(
        "error: ntm-hub is not built yet: the HTTP hub arrives with the next issue; the engine (SyncCore) and its tests are ready: swift test\n"
            .utf8))
exit(1)
