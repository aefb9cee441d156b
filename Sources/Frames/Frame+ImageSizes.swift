import Geometry

extension Frame {
  /// The largest size each image is drawn at, by file path: its box, times the factor of every
  /// `scaled` frame around it (a booklet's pages on their sheet).
  public func largestImageSizes() -> [String: Size] {
    var sizes: [String: Size] = [:]
    collectImageSizes(into: &sizes, factor: 1)
    return sizes
  }

  private func collectImageSizes(into sizes: inout [String: Size], factor: Double) {
    for (_, item) in items {
      switch item {
      case .image(let image):
        let drawn = sizes[image.path] ?? .zero
        sizes[image.path] = Size(
          width: max(drawn.width, image.size.width * factor),
          height: max(drawn.height, image.size.height * factor))
      case .group(let inner), .tagged(_, let inner, _, _), .language(_, let inner),
        .link(_, let inner):
        inner.collectImageSizes(into: &sizes, factor: factor)
      case .scaled(let scale, let inner):
        inner.collectImageSizes(into: &sizes, factor: factor * scale)
      default: continue
      }
    }
  }
}
