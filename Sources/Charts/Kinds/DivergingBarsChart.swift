import Frames
import Geometry
import ReportModel
import TextShaping

/// The focus difference of two roles: per dimension, a bar from a centre line, first role − second
/// role, the first role's leanings to the left and the second's to the right.
///
/// Dimension labels sit flush right in a column left of the plot; headers over each half say which
/// role leans that way; bar lengths are |difference| × a common unit; "+3"-style value labels sit past
/// each bar's end, in space reserved for them, so they never touch a bar or a row label.
enum DivergingBarsChart {
  static let inset = 2.0
  static let columnGap = 10.0
  static let valueGap = 4.0
  static let rowGap = 4.0

  static func part(spec: ChartSpec, content: Comparison, width: Double, setter: TextSetter) throws
    -> PlotPart
  {
    let theme = setter.theme
    let dims = try ChartError.focusDimensions(of: content, for: spec)
    try spec.validate(dims)
    let font = setter.font(theme.labelSize)
    let numberFont = setter.font(theme.labelSize, bold: true, numbers: true)
    let roles = try ChartError.roles(of: content, for: spec)
    let (left, right) = (roles[0], roles[1])
    let differences = dims.map { $0.score(for: left.id) - $0.score(for: right.id) }

    // Columns: labels | plot (value room | bars ← centre → bars | value room).
    let natural = dims.map { setter.naturalWidth($0.label, font: font) }.max() ?? 0
    let labelMax = min(natural, width * 0.3)
    let labels = dims.map {
      setter.block($0.label, font: font, color: theme.text, maxWidth: labelMax, alignment: .right)
    }
    let labelColumn = labels.map(\.width).max() ?? 0
    let values = differences.map {
      setter.block(ChartFormat.lean($0), font: numberFont, color: theme.text, maxWidth: 200)
    }
    let valueWidth = values.map(\.width).max() ?? 0
    let plotLeft = inset + labelColumn + columnGap
    let plotRight = width - inset
    let centerX = (plotLeft + plotRight) / 2
    let half = (plotRight - plotLeft) / 2 - valueWidth - valueGap - 1
    guard half >= 16 else {
      throw ChartError.doesNotFit(
        chart: spec.id, width: width, detail: "no room for the bars beside the labels")
    }
    let maxAbs = max(1, (differences.map(abs).max() ?? 0).rounded(.up))
    let unit = half / maxAbs

    var canvas = Canvas()
    // Headers over each half: which role leans which way.
    let headerFont = setter.font(theme.labelSize, bold: true)
    let headerWidth = centerX - plotLeft - 6
    let leftHeader = setter.block(
      "\u{2190} " + theme.words.fill(.leansMore, ["role": left.shortName]), font: headerFont,
      color: theme.text, maxWidth: headerWidth, alignment: .right)
    let rightHeader = setter.block(
      theme.words.fill(.leansMore, ["role": right.shortName]) + " \u{2192}", font: headerFont,
      color: theme.text, maxWidth: headerWidth, alignment: .left)
    let headerHeight = max(leftHeader.height, rightHeader.height)
    canvas.write(
      leftHeader, at: Point(x: centerX - 6 - leftHeader.width, y: headerHeight - leftHeader.height))
    canvas.write(rightHeader, at: Point(x: centerX + 6, y: headerHeight - rightHeader.height))

    // Rows.
    let barHeight = max(10, theme.labelSize * 1.35)
    let rowsTop = headerHeight + 6
    var y = rowsTop
    struct Row {
      var top: Double
      var height: Double
    }
    var rows: [Row] = []
    for i in dims.indices {
      let h = max(labels[i].height, values[i].height, barHeight) + 4
      rows.append(Row(top: y, height: h))
      y += h + rowGap
    }
    let rowsBottom = y - rowGap

    // Grid: a line at every whole point of difference, the centre line darker.
    let gridStroke = Stroke(color: theme.rule.tinted(0.35), width: 0.5)
    for k in stride(from: 1.0, through: maxAbs, by: 1) {
      for x in [centerX - k * unit, centerX + k * unit] {
        canvas.draw(
          .line(
            from: Point(x: x, y: rowsTop - 2), to: Point(x: x, y: rowsBottom + 2),
            stroke: gridStroke))
      }
    }
    // Bars.
    var bars: [DivergingBarsMarks.Bar] = []
    for (i, d) in differences.enumerated() {
      let row = rows[i]
      let barTop = row.top + (row.height - barHeight) / 2
      let rect = ChartGeometry.barRect(
        difference: d, centerX: centerX, unit: unit, top: barTop, height: barHeight)
      let side: Int? = d > 0 ? 0 : d < 0 ? 1 : nil
      let leaning = side.map { roles[$0].id }
      if let side, rect.width > 0 {
        let color = theme.color(forRole: side)
        canvas.draw(
          Shape(
            path: [.rect(rect)], fill: color, stroke: Stroke(color: color, width: 0.6),
            hatch: theme.hatch(forRole: side)))
      }
      let labelRect = canvas.write(
        labels[i],
        at: Point(
          x: plotLeft - columnGap - labels[i].width,
          y: row.top + (row.height - labels[i].height) / 2))
      let v = values[i]
      let vx: Double
      switch side {
      case 0: vx = rect.minX - valueGap - v.width
      case 1: vx = rect.maxX + valueGap
      default: vx = centerX + valueGap
      }
      // A white ground under the value keeps grid lines from running through it.
      let valueOrigin = Point(x: vx, y: barTop + (barHeight - v.height) / 2)
      canvas.draw(.rect(Rect(origin: valueOrigin, size: v.size).insetBy(-1.5), fill: .white))
      let valueRect = canvas.write(v, at: valueOrigin)
      bars.append(
        .init(
          label: dims[i].label, difference: d, leaning: leaning, rect: rect,
          valueText: ChartFormat.lean(d), valueRect: valueRect, labelRect: labelRect))
    }
    canvas.draw(
      .line(
        from: Point(x: centerX, y: rowsTop - 4), to: Point(x: centerX, y: rowsBottom + 4),
        stroke: Stroke(color: theme.text, width: 1)))

    // Scale under the rows: the size of the difference at each grid line.
    let tickFont = setter.font(theme.captionSize, numbers: true)
    let tickTop = rowsBottom + 6
    var ticks: [Rect] = []
    var tickBottom = tickTop
    let steps = [0.0] + stride(from: 1.0, through: maxAbs, by: 1).flatMap { [-$0, $0] }
    for k in steps {
      let block = setter.block(
        ChartFormat.number(abs(k)), font: tickFont, color: theme.muted, maxWidth: 100)
      let rect = Rect(
        x: centerX + k * unit - block.width / 2, y: tickTop, width: block.width,
        height: block.height)
      guard rect.minX >= inset, rect.maxX <= width - inset,
        !ticks.contains(where: { $0.insetBy(-2).intersects(rect) })
      else { continue }
      ticks.append(canvas.write(block, at: rect.origin))
      tickBottom = max(tickBottom, rect.maxY)
    }
    let note = setter.block(
      theme.words[.emphasisAxis],
      font: setter.font(theme.captionSize), color: theme.muted,
      maxWidth: plotRight - plotLeft, alignment: .center)
    canvas.write(
      note,
      at: Point(
        x: max(plotLeft, min(centerX - note.width / 2, plotRight - note.width)),
        y: tickBottom + 2))

    let marks = DivergingBarsMarks(centerX: centerX, unit: unit, bars: bars)
    return PlotPart(canvas: canvas, legend: [], marks: .divergingBars(marks))
  }
}
