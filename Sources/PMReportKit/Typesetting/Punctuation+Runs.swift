import ReportModel
import TextShaping

extension Punctuation {
  /// The runs with the language's rules applied across them; runs set in `codeFamily` (code
  /// spans and code blocks, the only text set in it) are left as written.
  func apply(_ runs: [TextRun], codeFamily: String) -> [TextRun] {
    let texts = apply(runs.map { Piece($0.text, verbatim: $0.font.family == codeFamily) })
    return zip(runs, texts).map { run, text in
      var set = run
      set.text = text
      return set
    }
  }
}
