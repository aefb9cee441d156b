import Frames
import Geometry
import ReportModel
import TextShaping

/// The focus profile: one axis per dimension, rings at each score, each role (two to four) as a
/// closed polygon.
///
/// The radius is as large as the width allows once the axis labels are placed outside the outer ring
/// (flush left on the right half, flush right on the left half, centred at top and bottom) and spread
/// apart; it shrinks until every label lies inside the chart.
enum RadarChart {
  static let minimumAxes = 3
  /// The gap between the outer ring and the nearest label.
  static let labelGap = 9.0
  static let inset = 2.0

  static func part(spec: ChartSpec, content: Comparison, width: Double, setter: TextSetter) throws
    -> PlotPart
  {
    let theme = setter.theme
    let dims = try ChartError.focusDimensions(of: content, for: spec)
    guard dims.count >= minimumAxes else {
      throw ChartError.tooFewAxes(chart: spec.id, count: dims.count, minimum: minimumAxes)
    }
    try spec.validate(dims)
    let n = dims.count
    let top = dims.flatMap { $0.scores.map(\.score) }.max() ?? 0
    let maxScore = max(5, top.rounded(.up))

    // Labels, aligned by the side of the axis they belong to.
    let center = Point(x: width / 2, y: 0)
    let labelMax = min(max(width * 0.2, 56), 120)
    let font = setter.font(theme.labelSize)
    let sides = (0..<n).map {
      ChartGeometry.LabelSide(angle: ChartGeometry.radarAngle(index: $0, count: n))
    }
    let blocks = dims.enumerated().map { i, d in
      setter.block(
        d.label, font: font, color: theme.text, maxWidth: labelMax,
        alignment: sides[i] == .right ? .left : sides[i] == .left ? .right : .center)
    }
    let sideWidth = zip(blocks, sides).filter { $0.1 != .center }.map(\.0.width).max() ?? 0

    // The largest radius whose labels fit.
    var radius = min(width * 0.3, 150, width / 2 - inset - labelGap - sideWidth)
    var rects: [Rect] = []
    while true {
      guard radius >= 24 else {
        throw ChartError.doesNotFit(
          chart: spec.id, width: width,
          detail: "the axis labels leave too little room for the radar")
      }
      rects = ChartGeometry.radarLabelRects(
        sizes: blocks.map(\.size), center: center,
        distance: radius + labelGap)
      if rects.allSatisfy({ $0.minX >= inset - 1e-9 && $0.maxX <= width - inset + 1e-9 }) { break }
      radius *= 0.95
    }

    var canvas = Canvas()
    func vertex(_ score: Double, _ i: Int) -> Point {
      ChartGeometry.radarVertex(
        score: score, maxScore: maxScore, radius: radius, index: i, count: n,
        center: center)
    }
    // Grid: a light backdrop, rings at every whole score, spokes.
    let outer = (0..<n).map { vertex(maxScore, $0) }
    canvas.draw(.polygon(outer, fill: theme.rule.tinted(0.82)))
    for k in stride(from: 1.0, through: maxScore, by: 1) {
      let ring = (0..<n).map { vertex(k, $0) }
      canvas.draw(
        .polygon(
          ring,
          stroke: Stroke(
            color: k == maxScore ? theme.rule : theme.rule.tinted(0.25),
            width: k == maxScore ? 0.9 : 0.5)))
    }
    for p in outer {
      canvas.draw(
        .line(from: center, to: p, stroke: Stroke(color: theme.rule.tinted(0.25), width: 0.5)))
    }
    // Series: the first role at the bottom, then the markers on top.
    let roles = content.roles
    let series = roles.map { role in
      dims.enumerated().map { vertex($0.element.score(for: role.id), $0.offset) }
    }
    for (index, points) in series.enumerated() {
      var fill = theme.color(forRole: index)
      fill.alpha = index == 0 ? 0.24 : roles.count > 2 ? 0.14 : 0.2
      canvas.draw(
        .polygon(
          points, fill: fill,
          stroke: Stroke(
            color: theme.color(forRole: index), width: 1.8, dash: theme.dash(forRole: index))))
    }
    for (index, points) in series.enumerated() {
      for p in points {
        canvas.draw(
          marker(index).shape(
            at: p, size: 6, fill: theme.color(forRole: index),
            stroke: Stroke(color: .white, width: 0.8)))
      }
    }
    // Axis labels.
    for (block, rect) in zip(blocks, rects) { canvas.write(block, at: rect.origin) }

    let legend =
      roles.enumerated().map { index, role in
        LegendEntry(
          swatch: .line(
            Stroke(
              color: theme.color(forRole: index), width: 1.8, dash: theme.dash(forRole: index)),
            marker: marker(index), markerFill: nil), label: role.shortName)
      } + [
        LegendEntry(
          swatch: .none,
          label: theme.words.fill(.radarRings, ["max": ChartFormat.number(maxScore)]))
      ]
    let marks = RadarMarks(
      center: center, radius: radius, maxScore: maxScore, axisLabels: dims.map(\.label),
      series: series, labelRects: rects)
    return PlotPart(canvas: canvas, legend: legend, marks: .radar(marks))
  }

  /// The marker of the role at `index`: circles, squares, triangles, diamonds.
  static func marker(_ index: Int) -> Marker { Marker.forRole(index) }
}
