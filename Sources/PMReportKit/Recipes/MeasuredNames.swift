import Foundation
import ReportConfig

/// The certificates' names, measured once a process for each document.
///
/// Every unit of a certificate document checks the whole roster's names before it writes (one
/// refused name stops every certificate), so without this a process handed several slices of the
/// roster would measure every name again for each. Held by the ``RunScheduler`` of one run in one
/// process (the run itself, or a worker), so no measure outlives the inputs it was made from.
final class MeasuredNames: @unchecked Sendable {
  private let lock = NSLock()
  private var byDocument: [String: Result<[Int: CertificateName], InputError>] = [:]

  /// The names of the document called `document`, from `measure` the first time they are asked
  /// for (a refusal too: it is thrown again to each unit).
  func names(
    of document: String, measure: () throws(InputError) -> [Int: CertificateName]
  ) throws(InputError) -> [Int: CertificateName] {
    if let known = lock.withLock({ byDocument[document] }) { return try known.get() }
    let measured: Result<[Int: CertificateName], InputError>
    do {
      measured = .success(try measure())
    } catch {
      measured = .failure(error)
    }
    lock.withLock { byDocument[document] = measured }
    return try measured.get()
  }
}
