import Rendering
import ReportModel

extension OutputFormat {
  /// The one exporter of this format, for every kind of document.
  func exporter(dpi: Double) -> any DocumentExporter {
    switch self {
    case .pdf: PDFExporter()
    case .svg: SVGExporter()
    case .png: PNGExporter(dpi: dpi)
    }
  }
}
