import ArgumentParser
import PreviewServer

/// `watch --serve`: the live preview's options.
struct PreviewOptions: ParsableArguments {
  @Flag(
    name: .long,
    help: "Also serve a live preview of the pages on 127.0.0.1 (open the address it prints).")
  var serve = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The preview's port on 127.0.0.1 (0: a free one; default \(PreviewServer.defaultPort)).",
      valueName: "n"))
  var port: UInt16?

  @Option(
    name: .customLong("editor-link"),
    help: ArgumentHelp(
      "The link a click on the preview opens: {path} (the file, URL-encoded) and {line} filled "
        + "in (default \(PreviewServer.defaultEditorLink)).",
      valueName: "template"))
  var editorLink = PreviewServer.defaultEditorLink

  func validate() throws {
    if !serve, port != nil { throw ValidationError("--port is the preview's: give --serve too") }
    if !serve, editorLink != PreviewServer.defaultEditorLink {
      throw ValidationError("--editor-link is the preview's: give --serve too")
    }
    if !editorLink.contains("{path}") {
      throw ValidationError("--editor-link must contain {path} (and may contain {line})")
    }
  }
}
