import Foundation
import Frames

/// `/state.json`: the current build as the page needs it (documents, page sizes and versions,
/// diagnostics, the editor link).
struct StateReply: Encodable {
  var generation: Int
  var milliseconds: Int
  var diagnostics: [String]
  var editorLink: String
  var documents: [DocumentReply]

  struct DocumentReply: Encodable {
    var name: String
    var title: String
    /// A deck: it has a present view (`/present/<name>`).
    var deck: Bool
    var pages: [PageReply]
  }

  struct PageReply: Encodable {
    var width: Double
    var height: Double
    var version: String
  }

  init(_ snapshot: PreviewSnapshot, editorLink: String) {
    generation = snapshot.generation
    milliseconds = snapshot.milliseconds
    diagnostics = snapshot.diagnostics
    self.editorLink = editorLink
    documents = snapshot.documents.map { document in
      DocumentReply(
        name: document.name, title: document.title, deck: document.presentation != nil,
        pages: zip(document.drawer.pages, document.versions).map { page, version in
          PageReply(width: page.size.width, height: page.size.height, version: version)
        })
    }
  }
}

/// `/pages/<document>/<n>.json`: the page's hit boxes, each with where its content was written
/// (`content.md:42`, and the file's absolute path for the editor link).
struct SourceBoxReply: Encodable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double
  var source: String
  var path: String
  var line: Int
  var tag: String?

  init(_ box: SourceBox, workingDirectory: URL) {
    x = box.rect.minX
    y = box.rect.minY
    width = box.rect.width
    height = box.rect.height
    source = "\(box.source.file):\(box.source.line)"
    path =
      URL(fileURLWithPath: box.source.file, relativeTo: workingDirectory).standardizedFileURL
      .path
    line = box.source.line
    tag = box.tag?.rawValue
  }
}
