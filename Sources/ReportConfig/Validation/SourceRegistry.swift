import Foundation
import ReportModel

/// Where each document's section and chart ids were written in the last config file loaded for a
/// folder, so ``ConfigLoader/validate(_:against:)`` (which sees only values) can still point at them.
final class SourceRegistry: @unchecked Sendable {
    // @unchecked: every access to `entries` holds `lock`.
    static let shared = SourceRegistry()

    struct DocumentSources {
        var index: Int
        var location: SourceLocation
        var sections: [(id: String, location: SourceLocation)]
        var charts: [(id: String, location: SourceLocation)]
    }

    struct ConfigSources {
        var file: String
        var documents: [String: DocumentSources]
    }

    private let lock = NSLock()
    private var entries: [String: ConfigSources] = [:]

    func record(settings: ReportSettings, tree: SourceNode, file: String) {
        var documents: [String: DocumentSources] = [:]
        let path = NodePath.root.appending("documents")
        for (index, spec) in settings.documents.enumerated() where documents[spec.name] == nil {
            let here = path.appending(index)
            func ids(_ key: String, _ values: [String]?) -> [(id: String, location: SourceLocation)] {
                (values ?? []).enumerated().map { ($0.element, tree.location(of: here.appending(key).appending($0.offset))) }
            }
            documents[spec.name] = DocumentSources(index: index, location: tree.location(of: here),
                                                   sections: ids("sections", spec.sections),
                                                   charts: ids("charts", spec.charts))
        }
        lock.lock()
        entries[settings.baseDirectory] = ConfigSources(file: file, documents: documents)
        lock.unlock()
    }

    func sources(for baseDirectory: String) -> ConfigSources? {
        lock.lock()
        defer { lock.unlock() }
        return entries[baseDirectory]
    }
}
