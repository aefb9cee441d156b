import Foundation
import ReportConfig

/// The GitHub annotations sink (`--diagnostics github`): warnings and errors as workflow commands
/// that annotate a pull request, at their place in a file when they have one; every other event
/// as the text sink prints it.
public struct AnnotationReporter: Reporter {
  private let text: TextReporter

  /// Annotations printed to the output of `text`, as much as its verbosity lets through.
  public init(_ text: TextReporter) { self.text = text }

  public func report(_ event: RunEvent) {
    switch event {
    case .warning(let warning):
      if text.shows(.warning) { text.output.print(Self.annotation(of: warning)) }
    case .failure(let failure):
      text.output.print(Self.command("error", failure.message, at: nil))
    case .stopped(let failure):
      for line in Self.annotations(of: failure.error) { text.output.print(line) }
    default: text.report(event)
    }
  }

  /// `::warning file=F,line=L,col=C::KEY: MESSAGE` for a warning at a place; else
  /// `::warning::` and its line.
  static func annotation(of warning: RunWarning) -> String {
    guard let position = warning.position else {
      return command("warning", warning.line, at: nil)
    }
    return command("warning", warning.text, at: position)
  }

  /// The annotations of an error that stops a run: one at its place for each diagnostic of an
  /// input error, or for an error with a place, else one with its message.
  static func annotations(of error: any Error) -> [String] {
    let diagnostics =
      (error as? InputError)?.diagnostics
      ?? (error as? any PositionedError)?.diagnostic.map { [$0] }
    guard let diagnostics else {
      return [command("error", ErrorReport.message(for: error), at: nil)]
    }
    return diagnostics.map { d in
      command(
        d.severity == .warning ? "warning" : "error",
        d.keyPath.isEmpty ? d.message : "\(d.keyPath): \(d.message)", at: d.location)
    }
  }

  /// `::<kind> file=F,line=L,col=C::message`, with the escapes GitHub's workflow commands need
  /// (a line or column of 0 is left out).
  static func command(_ kind: String, _ message: String, at place: SourceLocation?) -> String {
    var properties: [String] = []
    if let place {
      if !place.file.isEmpty { properties.append("file=" + escape(place.file, property: true)) }
      if place.line > 0 { properties.append("line=\(place.line)") }
      if place.column > 0 { properties.append("col=\(place.column)") }
    }
    let head = properties.isEmpty ? "::\(kind)" : "::\(kind) " + properties.joined(separator: ",")
    return head + "::" + escape(message, property: false)
  }

  /// `%`, CR and LF (and in a property `:` and `,`) as GitHub reads them.
  static func escape(_ text: String, property: Bool) -> String {
    var out = text.replacingOccurrences(of: "%", with: "%25")
      .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    if property {
      out = out.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(
        of: ",", with: "%2C")
    }
    return out
  }
}
