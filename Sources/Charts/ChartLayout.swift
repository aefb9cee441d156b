import Frames
import Geometry
import ReportModel

/// A laid-out chart: its frame and, for tests and the recipes, where its parts and marks landed.
///
/// Every rectangle and point is in the coordinates of ``frame`` (top-left origin, y down).
public struct ChartLayout: Sendable {
  /// The whole chart, wrapped in a `Figure` structure element (which carries ``alt``).
  public var frame: Frame
  /// The chart's alternate text: the content's `alt`, else generated from the data.
  public var alt: String
  public var kind: ChartKind
  /// The title's box; nil when the spec has no title.
  public var titleRect: Rect?
  /// The plot (marks and their labels), full width.
  public var plotRect: Rect
  /// The legend's box; nil for charts that need none.
  public var legendRect: Rect?
  /// The caption's box; nil when the spec has no caption.
  public var captionRect: Rect?
  /// The data marks.
  public var marks: ChartMarks

  /// Every text line in the chart with its box.
  public var labelRects: [Rect] { frame.textLines().map(\.0) }
}

/// Where a chart's data marks are, by kind.
public enum ChartMarks: Sendable, Hashable {
  case radar(RadarMarks)
  case divergingBars(DivergingBarsMarks)
  case venn(VennMarks)
  case stakeholderMap(StakeholderMarks)

  /// The marks moved down by `dy`.
  func moved(dy: Double) -> ChartMarks {
    switch self {
    case .radar(let m): .radar(m.moved(dy: dy))
    case .divergingBars(let m): .divergingBars(m.moved(dy: dy))
    case .venn(let m): .venn(m.moved(dy: dy))
    case .stakeholderMap(let m): .stakeholderMap(m.moved(dy: dy))
    }
  }
}

// MARK: - Radar

/// A radar's geometry: one axis per focus dimension, one polygon a role.
public struct RadarMarks: Sendable, Hashable {
  public var center: Point
  /// The radius of the outer ring (`maxScore`).
  public var radius: Double
  public var maxScore: Double
  public var axisLabels: [String]
  /// Each role's polygon vertices (one per axis), in the content's role order.
  public var series: [[Point]]
  /// Each axis label's box, in axis order.
  public var labelRects: [Rect]

  func moved(dy: Double) -> RadarMarks {
    var m = self
    m.center = center.offset(0, dy)
    m.series = series.map { $0.map { $0.offset(0, dy) } }
    m.labelRects = labelRects.map { $0.moved(0, dy) }
    return m
  }
}

// MARK: - Diverging bars

/// Diverging bars' geometry: a centre line and one bar per focus dimension.
public struct DivergingBarsMarks: Sendable, Hashable {
  /// The x of the centre line (no difference).
  public var centerX: Double
  /// Points of bar length per score point.
  public var unit: Double
  public var bars: [Bar]

  /// One dimension's bar.
  public struct Bar: Sendable, Hashable {
    public var label: String
    /// The first role's score minus the second's.
    public var difference: Double
    /// The role the dimension leans to; nil when the scores are equal.
    public var leaning: RoleID?
    /// The bar (zero wide when there is no difference).
    public var rect: Rect
    /// The value label's words ("+3") and box.
    public var valueText: String
    public var valueRect: Rect
    /// The dimension label's box.
    public var labelRect: Rect
  }

  func moved(dy: Double) -> DivergingBarsMarks {
    var m = self
    m.bars = bars.map { b in
      var b = b
      b.rect = b.rect.moved(0, dy)
      b.valueRect = b.valueRect.moved(0, dy)
      b.labelRect = b.labelRect.moved(0, dy)
      return b
    }
    return m
  }
}

// MARK: - Venn

/// One area of a Venn diagram: the roles whose sets hold it (and no other role's set).
///
/// Roles are named by their index in the content's order, so `[0]` is the first role's area alone
/// and `[0, 1]` the lens of a two-role diagram (or the first two roles' pairwise area of three).
public struct VennRegion: Sendable, Hashable, CustomStringConvertible {
  /// The indices of the roles whose sets hold the region, ascending and without repeats.
  public let roles: [Int]

  /// The region held by exactly `roles` (in any order).
  public init(_ roles: [Int]) { self.roles = Array(Set(roles)).sorted() }

  /// The area of the role at `index` alone.
  public static func only(_ index: Int) -> VennRegion { VennRegion([index]) }

  /// The area every one of `count` roles shares.
  public static func all(_ count: Int) -> VennRegion { VennRegion(Array(0..<count)) }

  public var description: String { "{" + roles.map(String.init).joined(separator: ",") + "}" }
}

/// A Venn diagram's geometry: one ellipse a role and the words in each region.
public struct VennMarks: Sendable, Hashable {
  /// The bounding box of each role's ellipse (a circle's for three roles), in the content's role
  /// order: for two roles the first on the left, the second on the right; for three the first top
  /// left, the second top right, the third below.
  public var sets: [Rect]
  /// Every region: for two roles the first role's crescent, the lens, the second role's crescent;
  /// for three each role alone, then the pairwise areas (empty: the content has no data for them),
  /// then the area all share.
  public var regions: [Region]

  /// One region's header and items.
  public struct Region: Sendable, Hashable {
    public var kind: VennRegion
    /// How many items the region holds (the number its header shows).
    public var count: Int
    /// The header's lines' words: `["Business PM", "5 only"]` or `["Both", "6 shared"]`, say;
    /// empty for a region that shows nothing.
    public var header: [String]
    /// The header's box; nil when there is no header.
    public var headerRect: Rect?
    public var items: [String]
    public var itemRects: [Rect]
  }

  /// The region of `kind`.
  public func region(_ kind: VennRegion) -> Region? { regions.first { $0.kind == kind } }

  func moved(dy: Double) -> VennMarks {
    var m = self
    m.sets = sets.map { $0.moved(0, dy) }
    m.regions = regions.map { r in
      var r = r
      r.headerRect = r.headerRect?.moved(0, dy)
      r.itemRects = r.itemRects.map { $0.moved(0, dy) }
      return r
    }
    return m
  }
}

// MARK: - Stakeholder map

/// A stakeholder map's geometry: the role nodes, the teams between them and the links.
public struct StakeholderMarks: Sendable, Hashable {
  /// Each role's node, in the content's role order: the first, third on the left, the second,
  /// fourth on the right.
  public var roleNodes: [Rect]
  public var teams: [Team]
  public var links: [Link]

  /// A team's node.
  public struct Team: Sendable, Hashable {
    public var name: String
    public var roles: [RoleID]
    public var rect: Rect
    /// Linked to more than one role.
    public var highlighted: Bool
  }

  /// A line from a role's node to a team's node.
  public struct Link: Sendable, Hashable {
    public var team: String
    public var role: RoleID
    public var from: Point
    public var to: Point
  }

  func moved(dy: Double) -> StakeholderMarks {
    var m = self
    m.roleNodes = roleNodes.map { $0.moved(0, dy) }
    m.teams = teams.map { t in
      var t = t
      t.rect = t.rect.moved(0, dy)
      return t
    }
    m.links = links.map { l in
      var l = l
      l.from = l.from.offset(0, dy)
      l.to = l.to.offset(0, dy)
      return l
    }
    return m
  }
}
