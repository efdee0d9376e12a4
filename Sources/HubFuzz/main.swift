import Foundation

// Two builds of one target:
// - with `-DFUZZING -sanitize=fuzzer` (scripts/fuzz): libFuzzer's driver runs the inputs
//   through `LLVMFuzzerTestOneInput` (HubFuzz.swift); every libFuzzer flag works;
// - a plain `swift build`: replays inputs, `HubFuzz FILE|FOLDER...`, each on a fresh hub, and
//   prints what the hub would answer; a crashing input crashes it as it crashed the fuzzer.

#if FUZZING
    typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    @_silgen_name("LLVMFuzzerRunDriver")
    func llvmFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: FuzzCallback
    ) -> CInt

    // libFuzzer ends its processes with exit() (time limits, fork-mode jobs): remove the hubs then.
    atexit { FuzzHub.cleanUp() }
    var arguments = CommandLine.unsafeArgv
    var count = CommandLine.argc
    let status = llvmFuzzerRunDriver(&count, &arguments) { data, size in
        hubFuzzTestOneInput(data, size)
    }
    FuzzHub.cleanUp()
    exit(status)
#else
    let paths = CommandLine.arguments.dropFirst()
    if paths.isEmpty || paths.contains("-h") || paths.contains("--help") {
        print(
            """
            usage: HubFuzz FILE|FOLDER...
                   HubFuzz --fixture     (prints the hamlet ids inputs can name)
            Replays fuzz inputs (byte 0: bits 0-1 push as head, push as reviewer, pull as head, pull as
            reviewer; bit 2 gzip; the rest: the body) through the hub's request path, each on a fresh
            copy of the set-up hub (HUBFUZZ_INPUTS_PER_HUB=N: N inputs share one). Stops the process on
            the first input the hub would crash on or answer with a 5xx.
            """)
        exit(paths.isEmpty ? 2 : 0)
    }
    if paths == ["--fixture"] {
        let hub = FuzzHub.next()
        print("head (Xóm Đông): \(hub.dongID)\nother hamlet (Xóm Đoài): \(hub.doaiID)")
        FuzzHub.cleanUp()
        exit(0)
    }
    var files: [URL] = []
    for path in paths {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            FileHandle.standardError.write(Data("HubFuzz: no such file: \(path)\n".utf8))
            exit(2)
        }
        if isFolder.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            files += names.map { url.appendingPathComponent($0) }
        } else {
            files.append(url)
        }
    }
    for file in files {
        let input = [UInt8](try Data(contentsOf: file))
        let hub = FuzzHub.next()
        switch HubFuzz.blocking({ await HubFuzz.run(input, on: hub) }) {
        case .success(let answer): print("\(file.path): \(answer)")
        case .failure(let error): print("\(file.path): \(error)")
        }
    }
    FuzzHub.cleanUp()
#endif
