import Foundation
import Storage

/// Which file a read found: enough to tell, later, whether the file there is still the same one.
public struct FileIdentity: Sendable, Hashable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  /// The modification time, in nanoseconds since 1970.
  public var modified: Int64

  /// The identity `stat` gives.
  init(_ status: FileStatus) {
    device = status.device
    inode = status.inode
    size = status.size
    modified = status.modified
  }
}

/// What one load read from the file system: each file read, each lookup that found nothing,
/// each folder listed.
///
/// A build depends on exactly these: `pmreport watch` rebuilds when one of them changes (a file
/// read is edited, a file looked for appears, a folder listed gains a style).
public struct InputRecord: Sendable, Equatable {
  /// Each file read, by absolute path (symbolic links resolved where the root rule resolved them).
  public var filesRead: [String: FileIdentity] = [:]
  /// Each absolute path looked for that held no file.
  public var notFound: Set<String> = []
  /// Each folder whose entries were listed (`Styles/`), absolute.
  public var foldersScanned: Set<String> = []

  public init() {}
}
