import CBuildInfo
import Foundation
import Storage
import TextShaping

extension RunOptions {
  /// The folder `cache` names, absolute (nil: no cache).
  public var cacheFolder: String? {
    switch cache {
    case .off: return nil
    case .folder(let path): return absolute(path)
    case .besideConfig:
      let base =
        configPath.map { (absolute($0) as NSString).deletingLastPathComponent }
        ?? workingDirectory
      return (base as NSString).appendingPathComponent(ShapeCacheChoice.defaultName)
    }
  }

  /// The shape cache this run uses (nil: none); its keys name this build of pmreport.
  func makeShapeCache() -> ShapeCache? {
    cacheFolder.map {
      ShapeCache(
        folder: $0, identity: ShapeCacheIdentity(program: Self.programIdentity), limit: cacheLimit)
    }
  }

  /// pmreport's version and commit; for a build without a commit (`swift build` rather than
  /// `make build`), the executable's size and time too, so that a rebuilt binary with changed
  /// shaping code never reads the entries of the one before.
  static let programIdentity: String = {
    let commit = String(cString: pmreport_build_commit())
    var identity = "pmreport \(ProgramVersion.number) (commit \(commit))"
    if commit == "unknown", let program = FileStatus(path: "/proc/self/exe") {
      identity += " \(program.size) \(program.modifiedSeconds).\(program.modifiedNanosecondsPart)"
    }
    return identity
  }()
}
