import ReportModel
import Testing

/// Each language's punctuation pass, rule by rule, and what it leaves alone.
@Suite struct PunctuationTests {
  static let nbsp = "\u{00A0}"
  static let narrow = "\u{202F}"
  let french = Punctuation(language: "fr")
  let german = Punctuation(language: "de-AT")
  let spanish = Punctuation(language: "es")

  @Test func englishAndUnknownLanguagesHaveNoRules() {
    #expect(Punctuation(language: "en") == nil)
    #expect(Punctuation(language: "en-GB") == nil)
    #expect(Punctuation(language: "it") == nil)
    #expect(Punctuation(language: "fr-CA") != nil)
  }

  @Test func frenchColonTakesANoBreakSpace() {
    #expect(french?.apply("Mission: agir") == "Mission\(Self.nbsp): agir")
    // The author's plain space becomes the no-break one: no line can start with the colon.
    #expect(french?.apply("Mission : agir") == "Mission\(Self.nbsp): agir")
  }

  @Test func frenchHighMarksTakeANarrowNoBreakSpace() {
    #expect(
      french?.apply("Qui ? Quoi! Bon;")
        == "Qui\(Self.narrow)? Quoi\(Self.narrow)! Bon\(Self.narrow);")
    // A run of marks takes one space, before the first.
    #expect(french?.apply("Vraiment?!") == "Vraiment\(Self.narrow)?!")
  }

  @Test func frenchPercentAfterANumberIsUnbreakable() {
    #expect(french?.apply("45 %.") == "45\(Self.narrow)%.")
    #expect(french?.apply("45%") == "45\(Self.narrow)%")
    #expect(french?.apply("le % restant") == "le % restant")
  }

  @Test func frenchGuillemetsTakeNarrowSpacesInside() {
    #expect(french?.apply("«oui»") == "«\(Self.narrow)oui\(Self.narrow)»")
    #expect(french?.apply("« oui »") == "«\(Self.narrow)oui\(Self.narrow)»")
    #expect(french?.apply("dit \"oui\".") == "dit «\(Self.narrow)oui\(Self.narrow)».")
  }

  @Test func anExistingNoBreakSpaceIsNeverDoubled() {
    let set = "Qui\(Self.narrow)? Note\(Self.nbsp): «\(Self.narrow)oui\(Self.narrow)»"
    #expect(french?.apply(set) == set)
    #expect(french?.apply("Note\(Self.narrow): x") == "Note\(Self.narrow): x")
    // Applying twice changes nothing more.
    let once = french?.apply("Il dit : \"oui ?\" 45 %") ?? ""
    #expect(french?.apply(once) == once)
  }

  @Test func timesURLsAndCodeStayAsWritten() {
    #expect(french?.apply("à 10:30, ratio 16:9") == "à 10:30, ratio 16:9")
    #expect(french?.apply("voir https://exemple.fr/a?b=c;d") == "voir https://exemple.fr/a?b=c;d")
    #expect(french?.apply("voir www.exemple.fr/?x") == "voir www.exemple.fr/?x")
    #expect(
      french?.apply([
        .init("tapez "), .init("a ? b : c;", verbatim: true), .init(" puis entrée!"),
      ]) == ["tapez ", "a ? b : c;", " puis entrée\(Self.narrow)!"])
  }

  @Test func rulesSeeAcrossPieces() {
    // The space ends one piece, the colon opens the next.
    #expect(
      french?.apply([.init("**Mission** "), .init(": agir")])
        == ["**Mission**\(Self.nbsp)", ": agir"])
    #expect(
      spanish?.apply([.init("dice \""), .init("hola", verbatim: false), .init("\"")])
        == ["dice «", "hola", "»"])
  }

  @Test func germanQuotes() {
    #expect(german?.apply("Er sagt \"Hallo\" und geht.") == "Er sagt „Hallo“ und geht.")
    #expect(german?.apply("Das 'Projekt' läuft.") == "Das ‚Projekt‘ läuft.")
    // Apostrophes stay: an elision, a possessive, a contraction.
    #expect(german?.apply("So 's geht's, Hans' Buch.") == "So 's geht's, Hans' Buch.")
    // German spacing is untouched.
    #expect(german?.apply("Hinweis: gut?") == "Hinweis: gut?")
  }

  @Test func spanishQuotes() {
    #expect(spanish?.apply("Dijo \"sí\" y \"no\".") == "Dijo «sí» y «no».")
    #expect(spanish?.apply("Nota: bien") == "Nota: bien")
  }

  @Test func anOddStraightQuoteIsLeftAlone() {
    #expect(
      german?.apply("Ein 5\" Bildschirm und \"mehr\" dazu")
        == "Ein 5\" Bildschirm und \"mehr\" dazu")
  }

  @Test func spanishQuestionsWithoutTheirOpeningMarkAreFound() {
    #expect(
      spanish?.unopenedMarks([.init("¿Qué hace? ¡Bien! Si vienes, ¿me avisas?")]).isEmpty == true)
    #expect(
      spanish?.unopenedMarks([.init("Hola. Qué hace el analista? Bien.")]) == [
        "Qué hace el analista?"
      ])
    #expect(spanish?.unopenedMarks([.init("Genial!")]) == ["Genial!"])
    #expect(spanish?.unopenedMarks([.init("¿Qué?!")]) == [])
    #expect(
      spanish?.unopenedMarks([.init("ver https://x.es/?q=1 o "), .init("a?b", verbatim: true)])
        .isEmpty == true)
    #expect(french?.unopenedMarks([.init("Quoi ?")]).isEmpty == true)
  }
}
