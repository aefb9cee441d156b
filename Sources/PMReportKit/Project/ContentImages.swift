import Foundation
import Frames
import Geometry
import Rendering
import ReportConfig
import ReportModel

/// The content's images as a project knows them: each file, its kind, natural size and pixel
/// size, and where its path was written; never the pixels (each document's writing decodes them
/// at the size it draws them, ``DocumentImages``).
struct ContentImages {
  /// Each image path as the content writes it → the file, its kind and natural size (alt empty).
  var items: [String: ImageItem] = [:]
  /// Where each path was first written.
  var locations: [String: SourceLocation] = [:]
  /// Each PNG's and JPEG's pixels across and down, by file (the items' absolute paths).
  var pixels: [String: PixelSize] = [:]

  static let empty = ContentImages()

  /// Checks every image `content` names, relative to the content file's folder, and measures it.
  ///
  /// Every problem is thrown at once as one ``InputError`` (exit 65) naming the content file, the
  /// place the path was written and the path: a URL (pmreport fetches nothing from the network),
  /// a type other than PNG, JPEG or SVG, a path leading out of the project root, a missing or
  /// unreadable file, a file that does not decode. Each file is read to its end to check it and
  /// learn its size, keeping no pixels (``ImageStore/check(_:kind:)``).
  ///
  /// The files are read through `inputs`, and the paths located by its root rule: inside `root`,
  /// or inside the content file's folder when the file was typed outside `root`.
  static func load(
    _ content: Comparison, from file: LoadedContent?, root: ProjectRoot, inputs: Inputs
  ) throws -> ContentImages {
    let paths = imagePaths(in: content)
    guard !paths.isEmpty else { return .empty }
    let folder = file.map { ($0.path as NSString).deletingLastPathComponent } ?? root.path
    // A content file typed outside the root is the root of its images.
    let root = file.map { root.forPathsWritten(in: $0.path) } ?? root
    var images = ContentImages()
    var checked: [String: (image: CheckedImage, contentHash: Int)] = [:]
    var problems: [Diagnostic] = []
    for written in paths {
      let location =
        file?.imageLocations[written]
        ?? SourceLocation(file: file?.file ?? "built-in content", line: 0, column: 0)
      images.locations[written] = location
      func problem(_ message: String) { problems.append(Self.problem(message, at: location)) }
      if isURL(written) {
        problem(
          "image '\(written)' is a URL; pmreport fetches nothing from the network: save the "
            + "image beside the content file and give its path")
        continue
      }
      let ext = (written as NSString).pathExtension
      guard let kind = ImageKind(fileExtension: ext) else {
        problem(
          "image '\(written)': "
            + (ext.isEmpty ? "no file extension" : "unsupported image type '.\(ext)'")
            + "; use a .png, .jpg/.jpeg or .svg file")
        continue
      }
      let real: String
      switch inputs.locate(InputPath(written, origin: .written(location)), from: folder, in: root) {
      case .success(let path): real = path
      case .failure(let violation):
        problem(root.message(violation, for: written, what: "image"))
        continue
      }
      do {
        let (image, contentHash) = try checked[real] ?? check(real, kind: kind, inputs: inputs)
        checked[real] = (image, contentHash)
        images.items[written] = ImageItem(
          path: real, kind: kind, size: image.size, alt: "", contentHash: contentHash)
        images.pixels[real] = image.pixels
      } catch let error as ImageError {
        problem("image '\(written)': \(error.reason)" + Self.nearbyName(real, inputs: inputs))
      }
    }
    if !problems.isEmpty { throw InputError(diagnostics: problems) }
    return images
  }

  /// The image file at `path` (an item's) decoded for drawing, shrunk to at most `limit` pixels
  /// (nil: its own size).
  ///
  /// A file that no longer decodes (changed since the project was loaded) is an ``InputError``
  /// as in ``load(_:from:root:inputs:)``, at the first place its path was written. The read goes
  /// through an `Inputs` of its own: the load already recorded these files for `watch`.
  func decode(_ path: String, kind: ImageKind, fitting limit: PixelSize?) throws -> LoadedImage {
    let inputs = Inputs()
    do {
      return try ImageStore.decode(Self.read(path, inputs: inputs), kind: kind, fitting: limit)
    } catch let error as ImageError {
      let written = items.filter { $0.value.path == path }.map(\.key).min() ?? path
      throw InputError(diagnostics: [
        Self.problem(
          "image '\(written)': \(error.reason)" + Self.nearbyName(path, inputs: inputs),
          at: locations[written, default: SourceLocation(file: "", line: 0, column: 0)])
      ])
    }
  }

  private static func problem(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      file: location.file, line: location.line, column: location.column, keyPath: "",
      message: message)
  }

  /// The image file at `real` checked (``ImageStore/check(_:kind:)``), and a hash of its bytes:
  /// what tells the live preview that a file replaced at the same size changed its pages.
  private static func check(_ real: String, kind: ImageKind, inputs: Inputs) throws -> (
    image: CheckedImage, contentHash: Int
  ) {
    let bytes = try read(real, inputs: inputs)
    var hasher = Hasher()
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    return (try ImageStore.check(bytes, kind: kind), hasher.finalize())
  }

  /// The bytes of the image file at `real`, read through `inputs`.
  private static func read(_ real: String, inputs: Inputs) throws -> [UInt8] {
    switch inputs.read(real, maximumBytes: ImageStore.maximumBytes) {
    case .success(let data): return [UInt8](data)
    case .failure(.missing): throw ImageError.missing
    case .failure(.folder): throw ImageError.folder
    case .failure(.tooLarge(let bytes)): throw ImageError.tooLarge(bytes: bytes)
    case .failure(.unreadable): throw ImageError.unreadable
    case .failure(.refused(let refusal)): throw ImageError("the file \(refusal)")
    }
  }

  /// "; did you mean 'x.png'?" when `path` is missing and a file beside it has a name close to
  /// its; looked for through `inputs`.
  static func nearbyName(_ path: String, inputs: Inputs) -> String {
    guard !inputs.exists(path) else { return "" }
    return Suggestions.nearestFile(beside: path, inputs: inputs).map { "; did you mean '\($0)'?" }
      ?? ""
  }

  /// `http:`, `https:`, `file:`, `data:`, any `scheme:` before the first slash.
  static func isURL(_ path: String) -> Bool {
    guard let colon = path.firstIndex(of: ":") else { return false }
    let scheme = path[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
    return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }

  /// Every image path in the content, each once, in reading order.
  static func imagePaths(in content: Comparison) -> [String] {
    var out: [String] = []
    var seen: Set<String> = []
    func visit(_ blocks: [ContentBlock]) {
      for block in blocks {
        switch block {
        case .image(let image):
          if seen.insert(image.path).inserted { out.append(image.path) }
        case .list(let list): list.items.forEach(visit)
        case .quote(let inner): visit(inner)
        default: break
        }
      }
    }
    visit(content.introduction)
    for section in content.allSections { visit(section.blocks) }
    return out
  }
}
