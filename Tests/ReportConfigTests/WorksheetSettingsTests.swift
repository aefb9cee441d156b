import Foundation
import ReportModel
import Testing

@testable import ReportConfig

/// The worksheet and answer-key keys of a document entry.
@Suite struct WorksheetSettingsTests {
  @Test func aWorksheetAndItsKeyLoad() throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "pmreport.yml",
      """
      documents:
        - name: sheet-a
          kind: worksheet
          seed: 7
          exercises:
            - {kind: who-does-it, items: 6}
            - {kind: reflect}
          prompts: [What will you change?]
        - name: key-a
          kind: answer-key
          key-for: sheet-a
      """)
    let settings = try ConfigLoader.loadSettings(
      configPath: path, workingDirectory: folder.path, inputs: Inputs())
    let sheet = settings.documents[0]
    #expect(sheet.kind == .worksheet)
    #expect(sheet.seed == 7)
    #expect(
      sheet.exercises == [
        ExerciseSpec(kind: .whoDoesIt, items: 6), ExerciseSpec(kind: .reflect, items: 5),
      ])
    #expect(sheet.prompts == ["What will you change?"])
    #expect(settings.documents[1].kind == .answerKey)
    #expect(settings.documents[1].keyFor == "sheet-a")
    #expect(settings.documents[1].seed == 1)
  }

  @Test func badWorksheetKeysAreReportedAtOnce() throws {
    let diagnostics = try configErrors(
      """
      documents:
        - name: sheet
          kind: worksheet
          seed: -2
          exercises:
            - {kind: who-does-id, items: 0}
            - {kind: recall, itens: 3}
        - name: key
          kind: answer-key
          key-for: shet
        - name: lost-key
          kind: answer-key
        - name: report
          exercises: [{kind: recall}]
          key-for: sheet
      """)
    #expect(
      diagnostic(diagnostics, at: "documents[0].exercises[0].kind")?.message
        == "unknown exercise kind 'who-does-id'; expected who-does-it, whose-strength, recall or "
        + "reflect; did you mean 'who-does-it'?")
    #expect(
      diagnostic(diagnostics, at: "documents[0].exercises[0].items")?.message
        == "items must be between 1 and 100, not 0")
    #expect(
      diagnostic(diagnostics, at: "documents[0].exercises[1].itens")?.message.contains(
        "did you mean 'items'?") == true)
    #expect(
      diagnostic(diagnostics, at: "documents[0].seed")?.message == "seed must be 0 or more, not -2")
    #expect(
      diagnostic(diagnostics, at: "documents[1].key-for")?.message
        == "key-for names 'shet', which is not a worksheet of this config; did you mean 'sheet'? "
        + "(worksheets: sheet)")
    #expect(
      diagnostic(diagnostics, at: "documents[2].kind")?.message
        == "an answer key needs key-for: the name of its worksheet document")
    #expect(
      diagnostic(diagnostics, at: "documents[3].exercises")?.message.hasPrefix(
        "exercises belongs to a worksheet") == true)
    #expect(
      diagnostic(diagnostics, at: "documents[3].key-for")?.message
        == "key-for belongs to an answer key (kind: answer-key)")
    #expect(diagnostic(diagnostics, at: "documents[1].key-for")?.line == 10)
  }
}
