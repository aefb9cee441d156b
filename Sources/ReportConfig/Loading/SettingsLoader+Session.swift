import ReportModel

extension ConfigLoader {
  /// A deck's or a guide's keys (`slide-size`, `quiz-for`, `open-full-screen`, `guide-for`,
  /// `session-minutes`, `participants`), each checked for its range and for belonging to its kind.
  static func session(_ entry: DocumentEntry, at path: NodePath, checker: inout Checker)
    -> SessionSpec
  {
    var session = SessionSpec()
    if let size = entry.slideSize { session.slideSize = size }
    session.quizFor = entry.quizFor
    session.openFullScreen = entry.openFullScreen ?? false
    session.guideFor = entry.guideFor
    if let minutes = entry.sessionMinutes?.value {
      checker.check(
        minutes, in: 1...1440, at: path.appending("session-minutes"), what: "session-minutes")
      session.minutes = minutes
    }
    if let participants = entry.participants {
      checker.check(
        participants, in: 1...10_000, at: path.appending("participants"), what: "participants")
      session.participants = participants
    }
    let keys = [
      ("slide-size", entry.slideSize != nil), ("quiz-for", entry.quizFor != nil),
      ("open-full-screen", entry.openFullScreen != nil), ("guide-for", entry.guideFor != nil),
      ("session-minutes", entry.sessionMinutes != nil),
      ("participants", entry.participants != nil),
    ]
    checkOwnedKeys(keys, of: entry.kind ?? .report, at: path, checker: &checker)
    return session
  }

  /// Each deck's `quiz-for` names a worksheet of the config (without it, a deck with a quiz needs
  /// the config to have one worksheet or none); each guide's `guide-for` names a deck (without it,
  /// the config has exactly one).
  static func checkSessions(
    _ documents: [DocumentSpec], at path: NodePath, checker: inout Checker
  ) {
    let links: [(DocumentKind, KeyPath<SessionSpec, String?>, String, DocumentKind)] = [
      (.slides, \.quizFor, "quiz-for", .worksheet),
      (.facilitatorGuide, \.guideFor, "guide-for", .slides),
    ]
    for (index, document) in documents.enumerated() {
      for (kind, key, name, target) in links where document.kind == kind {
        let candidates = documents.filter { $0.kind == target }.map(\.name)
        let noun = target.rules.phrase
        guard let written = document.session[keyPath: key] else {
          if target == .slides, candidates.count != 1 {
            checker.error(
              candidates.isEmpty
                ? "\(kind.rules.phrase) needs \(noun) in the config (add one with kind: slides)"
                : "\(kind.rules.phrase) needs \(name): the config has \(candidates.count) decks "
                  + "(\(candidates.joined(separator: ", ")))", at: path.appending(index))
          } else if target == .worksheet, candidates.count > 1 {
            checker.error(
              "\(name) must name the worksheet the quiz comes from: the config has "
                + "\(candidates.count) (\(candidates.joined(separator: ", ")))",
              at: path.appending(index))
          }
          continue
        }
        guard !candidates.contains(written) else { continue }
        var message = "\(name) names '\(written)', which is not \(noun) of this config"
        if let suggestion = Suggestions.nearest(to: written, in: candidates) {
          message += "; did you mean '\(suggestion)'?"
        }
        checker.error(message, at: path.appending(index).appending(name))
      }
    }
  }
}
