import Foundation

/// A new, empty folder for one test, made by `mkdtemp`; the test removes it.
func makeTestFolder() throws -> String {
  let pattern = (NSTemporaryDirectory() as NSString).appendingPathComponent(
    "pmreport-storage-XXXXXX")
  var template = Array(pattern.utf8CString)
  guard let made = mkdtemp(&template) else {
    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
  }
  return String(cString: made)
}

/// Removes a test's folder.
func removeTestFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
