import Frames
import Geometry
import ReportModel
import TextShaping

/// Lays charts out as frames: title, plot, legend where needed and caption, one frame `width` wide.
///
/// Layout never draws: the same frame is painted in a handout page and as a standalone file, in every
/// format. All text goes through the measurer, so label boxes are the boxes that get drawn.
public enum ChartBuilder {
  /// The least width a chart can be laid out in.
  public static let minimumWidth = 160.0

  /// The whole chart — title, plot, legend where needed, caption — as one frame `width` wide (its
  /// height is the chart's own), wrapped in a `Figure` structure element that carries the chart's
  /// alternate text (``ChartAltText``); with `memo`, the one it kept for the same input.
  public static func frame(
    for spec: ChartSpec, content: Comparison, theme: ChartTheme, width: Double,
    measurer: any TextMeasurer, memo: ChartLayouts? = nil
  ) throws -> Frame {
    try layout(
      for: spec, content: content, theme: theme, width: width, measurer: measurer, memo: memo
    ).frame
  }

  /// The chart's frame with the positions of its parts and marks; with `memo` (a `pmreport watch`
  /// session's, whose text engine `measurer` is), the layout it kept for the same input.
  public static func layout(
    for spec: ChartSpec, content: Comparison, theme: ChartTheme, width: Double,
    measurer: any TextMeasurer, memo: ChartLayouts? = nil
  ) throws -> ChartLayout {
    if let memo {
      return try memo.layout(
        for: spec, content: content, theme: theme, width: width, measurer: measurer)
    }
    guard width.isFinite, width >= minimumWidth else {
      throw ChartError.doesNotFit(
        chart: spec.id, width: width.isFinite ? width : 0,
        detail: "charts need at least \(Int(minimumWidth)) pt")
    }
    // What the chart reads, and nothing else: the layout is a function of what ChartLayouts keys.
    let content = content.readByChart(spec)
    let setter = TextSetter(measurer: measurer, theme: theme)
    let part: PlotPart
    switch spec.kind {
    case .radar:
      part = try RadarChart.part(spec: spec, content: content, width: width, setter: setter)
    case .divergingBars:
      part = try DivergingBarsChart.part(spec: spec, content: content, width: width, setter: setter)
    case .venn:
      part = try VennChart.part(spec: spec, content: content, width: width, setter: setter)
    case .stakeholderMap:
      part = try StakeholderMapChart.part(
        spec: spec, content: content, width: width, setter: setter)
    }
    guard let plotBounds = part.canvas.bounds else {
      throw ChartError.noData(chart: spec.id, detail: "the plot is empty")
    }
    guard plotBounds.minX >= -0.01, plotBounds.maxX <= width + 0.01 else {
      throw ChartError.doesNotFit(
        chart: spec.id, width: width, detail: "the plot is wider than the chart")
    }

    var figure = Canvas()
    var y = 0.0
    // Title.
    var titleRect: Rect?
    let title = setter.block(
      spec.title, font: setter.font(theme.titleSize, bold: true), color: theme.text,
      maxWidth: width, leading: 1.25)
    if !title.isEmpty {
      titleRect = figure.write(title, at: .zero)
      y = title.height + 10
    }
    // Plot.
    let dy = y - plotBounds.minY
    figure.append(part.canvas, offset: Point(x: 0, y: dy))
    let plotRect = Rect(x: 0, y: y, width: width, height: plotBounds.height)
    y += plotBounds.height
    // Legend.
    var legendRect: Rect?
    if !part.legend.isEmpty {
      let legend = Legend.canvas(part.legend, width: width, setter: setter)
      if let lb = legend.bounds {
        y += 12
        figure.append(legend, offset: Point(x: 0, y: y - lb.minY))
        legendRect = Rect(x: 0, y: y, width: width, height: lb.height)
        y += lb.height
      }
    }
    // Caption.
    var captionRect: Rect?
    let caption = setter.block(
      spec.caption, font: setter.font(theme.captionSize), color: theme.muted,
      maxWidth: width, leading: 1.3)
    var captionFrame: Frame?
    if !caption.isEmpty {
      y += 10
      var c = Canvas()
      c.write(caption, at: .zero)
      captionFrame = c.frame(origin: .zero, size: caption.size)
      captionRect = Rect(origin: Point(x: 0, y: y), size: caption.size)
      y += caption.height
    }

    var inner = figure.frame(origin: .zero, size: Size(width: width, height: y))
    if let captionFrame, let captionRect {
      inner.push(.tagged(.caption, captionFrame), at: captionRect.origin)
    }
    let alt = ChartAltText.text(for: spec, content: content, words: theme.words)
    var outer = Frame(size: Size(width: width, height: y))
    outer.push(.tagged(.figure, inner, alt: alt), at: .zero)
    return ChartLayout(
      frame: outer, alt: alt, kind: spec.kind, titleRect: titleRect, plotRect: plotRect,
      legendRect: legendRect, captionRect: captionRect, marks: part.marks.moved(dy: dy))
  }
}

/// What each chart kind lays out: its plot (x within 0…width, y anywhere), its legend, its marks in
/// the plot canvas's coordinates.
struct PlotPart {
  var canvas: Canvas
  var legend: [LegendEntry]
  var marks: ChartMarks
}

// MARK: - Shared checks

extension ChartSpec {
  /// The largest score a chart accepts (the content's scale is 0–5; rings and grid lines are drawn
  /// one per point, so the scale must stay small).
  static let maximumScore = 100.0

  /// Throws unless every focus score is a finite number from 0 to ``maximumScore``.
  func validate(_ dims: [FocusDimension]) throws {
    for d in dims {
      for v in d.scores.map(\.score) where !v.isFinite || v < 0 || v > Self.maximumScore {
        throw ChartError.invalidScore(chart: id, label: d.label, value: v)
      }
    }
  }
}
