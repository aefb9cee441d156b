import Foundation

/// Files written whole or not at all: each is written under a temporary name in its own folder and
/// renamed into place, so a failed run leaves the previous good file and no partial one.
public enum OutputFile {
    /// A temporary path beside `path`, hidden, unique to this process.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    }

    /// Runs `write` on a temporary path beside `path`, then renames it into place. On any error the
    /// temporary file is removed and `path` is untouched.
    static func atomically<T>(_ path: String, _ write: (String) throws -> T) throws -> T {
        let temp = temporaryPath(for: path)
        TemporaryFiles.shared.register(temp)
        defer { TemporaryFiles.shared.remove(temp) }
        do {
            let value = try write(temp)
            guard rename(temp, path) == 0 else { throw RenderError.io(path: path, reason: String(cString: strerror(errno))) }
            return value
        } catch {
            unlink(temp)
            throw error
        }
    }

    /// Writes `data` to `path` whole or not at all.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        try atomically(path) { temp in
            guard FileManager.default.createFile(atPath: temp, contents: data) else {
                throw RenderError.io(path: path, reason: "cannot write the file")
            }
        }
    }

    /// Fills a fresh folder beside `directory` with `write`, then swaps it in for `directory` whole,
    /// so no page of an older, longer run survives and a failure keeps the old folder.
    static func replacingDirectory<T>(_ directory: String, _ write: (String) throws -> T) throws -> T {
        let fm = FileManager.default
        let staging = temporaryPath(for: directory)
        let retired = staging + "-old"
        TemporaryFiles.shared.register(staging)
        TemporaryFiles.shared.register(retired)
        defer {
            TemporaryFiles.shared.remove(staging)
            TemporaryFiles.shared.remove(retired)
        }
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let value = try write(staging)
            var isDir: ObjCBool = false
            let hadOld = fm.fileExists(atPath: directory, isDirectory: &isDir)
            if hadOld { try fm.moveItem(atPath: directory, toPath: retired) }
            try fm.moveItem(atPath: staging, toPath: directory)
            if hadOld { try? fm.removeItem(atPath: retired) }
            return value
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    /// The size of the file at `path` in bytes (0 when unreadable).
    public static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// Temporary files in flight, removed by ``TemporaryFiles/removeAll()`` when the process is interrupted.
public final class TemporaryFiles: @unchecked Sendable {
    // @unchecked: every access to `paths` goes through `lock`.
    public static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func register(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func remove(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

    /// Deletes every registered temporary file or folder.
    public func removeAll() {
        lock.lock()
        let all = paths.sorted()
        lock.unlock()
        for p in all { try? FileManager.default.removeItem(atPath: p) }
    }

    /// Deletes every registered temporary file or folder on the way out of an interrupted process,
    /// while other threads may still be writing. Call it from an ordinary thread, never from inside
    /// a signal handler (it allocates), and exit straight after.
    ///
    /// The lock is taken and never given back, so a writer stops at its next ``register(_:)`` or
    /// ``remove(_:)`` and no new temporary appears. A writer may still create the file it registered
    /// just before (cairo opens its file when the surface is made), so the sweep runs a few times.
    ///
    /// Each path is renamed aside before it is deleted. A page folder is deleted file by file, and a
    /// writer may rename the same folder into place meanwhile (that rename is not under the lock):
    /// deleting it where it stands could leave a swapped-in folder with pages missing. Renaming is
    /// atomic, so either the writer's rename wins (the folder is whole and stays) or this one does
    /// (the folder is gone whole).
    public func removeAllBeforeExit() {
        lock.lock()
        for sweep in 0..<3 {
            if sweep > 0 { usleep(20_000) }
            for p in paths.sorted() {
                let aside = p + ".gone"
                guard rename(p, aside) == 0 else { continue }
                try? FileManager.default.removeItem(atPath: aside)
            }
        }
    }
}

/// Why rendering failed.
public enum RenderError: Error, CustomStringConvertible {
    /// Cairo reported a non-success status.
    case cairo(operation: String, status: String, path: String)
    /// The file system refused.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .cairo(let op, let status, let path): "\(path): cairo failed to \(op): \(status)"
        case .io(let path, let reason): "\(path): \(reason)"
        }
    }
}
