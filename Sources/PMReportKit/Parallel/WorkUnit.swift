import Frames
import Rendering
import ReportModel

/// A piece of a run that one process can do alone: one document, laid out, then written in some of
/// the formats, for some of the participants.
///
/// A run on one core has one unit a document (every format, every participant). With `--jobs N`
/// the run is cut finer so that worker processes share it (see ``WorkPlan``); each unit lays its
/// document out again, which costs a little CPU and keeps every file depending on its inputs alone.
public struct WorkUnit: Codable, Hashable, Sendable {
  /// The document's index among the documents the run builds.
  public var document: Int
  /// The formats this unit writes (in the run's order).
  public var formats: [OutputFormat]
  /// Which of the run's participants get a copy (indices into the roster, or the shard's slice of
  /// it); nil: all of them.
  public var participants: Range<Int>?
  /// Writes the document itself: its file, or its personal copies.
  public var writesCopies: Bool
  /// Writes the saddle-stitched booklet (with PDF).
  public var writesBooklet: Bool
  /// Writes `<document>-all.pdf`, every copy in one file (with PDF, for a document that merges).
  public var writesMerged: Bool

  /// Everything of document `index`: the whole of it in one process; its booklet and merged
  /// file only with `sharedFiles` (a run without `--shard`).
  public static func whole(_ index: Int, formats: [OutputFormat], sharedFiles: Bool = true)
    -> WorkUnit
  {
    WorkUnit(
      document: index, formats: formats, participants: nil, writesCopies: true,
      writesBooklet: sharedFiles, writesMerged: sharedFiles)
  }
}

/// How a run is cut into ``WorkUnit``s and in which order they are handed out.
public enum WorkPlan {
  /// The units of a run over `documents` in `formats`, with `participants` people on the roster
  /// (0: none), for `jobs` processes; with `sharedFiles` false (a `--shard` run), no unit writes a
  /// booklet or a merged file.
  ///
  /// One process: one unit a document. More: still one unit a document (its formats together, so
  /// it is laid out once), but a personalised document's copies are cut into contiguous slices of
  /// the roster (``slices(of:jobs:)``; its merged file a unit of its own), so that no process
  /// waits long for the last one; and when that leaves fewer units than processes, each format of
  /// a document is a unit of its own.
  public static func units(
    documents: [DocumentSpec], formats: [OutputFormat], participants: Int, jobs: Int,
    sharedFiles: Bool = true
  ) -> [WorkUnit] {
    guard jobs > 1 else {
      return documents.indices.map {
        WorkUnit.whole($0, formats: formats, sharedFiles: sharedFiles)
      }
    }
    let byDocument = units(
      documents: documents, formats: [formats], participants, jobs, sharedFiles: sharedFiles)
    guard byDocument.count < jobs, formats.count > 1 else { return byDocument }
    return units(
      documents: documents, formats: formats.map { [$0] }, participants, jobs,
      sharedFiles: sharedFiles)
  }

  /// The most copies a unit of a run with workers writes.
  ///
  /// A unit's report, two events a copy, is held by the process that builds it until the unit is
  /// done, then goes to the parent as one line of JSON: with slices of at most this many copies,
  /// the memory a report takes (its events, encoding and decoding it) is the same for a roster of
  /// 1,000 names as for one of 10,000. Each slice lays its document out once more.
  public static let copiesPerUnit = 250

  /// The most copies each of a long roster's last units holds: when one process runs out of
  /// units, the others are then about this many copies from their end, not up to a whole slice of
  /// ``copiesPerUnit`` (one core idle meanwhile).
  public static let tailCopiesPerUnit = 50

  /// `participants` copies cut into contiguous slices for `jobs` processes: `2 × jobs` even
  /// slices, more when one would hold over ``copiesPerUnit``; then the last `jobs` slices each cut
  /// again into pieces of at most ``tailCopiesPerUnit``, handed out after the document's other
  /// slices (their weight is less; ``dispatchOrder(_:documents:participants:)`` weighs every
  /// document's units together, so a heavier document's pieces may go before a lighter one's
  /// slices), so that the processes finish close together.
  public static func slices(of participants: Int, jobs: Int) -> [Range<Int>] {
    let count = min(participants, max(2 * jobs, (participants - 1) / copiesPerUnit + 1))
    let even = cut(0..<participants, into: count)
    return even.indices.flatMap { index in
      index < count - jobs
        ? [even[index]]
        : cut(even[index], into: (even[index].count - 1) / tailCopiesPerUnit + 1)
    }
  }

  /// `range` cut into `pieces` contiguous ranges whose lengths differ by one at most.
  private static func cut(_ range: Range<Int>, into pieces: Int) -> [Range<Int>] {
    (0..<pieces).map {
      (range.lowerBound + $0 * range.count / pieces)..<(range.lowerBound + ($0 + 1) * range.count
        / pieces)
    }
  }

  /// Each document's units, a group of `formats` at a time.
  private static func units(
    documents: [DocumentSpec], formats groups: [[OutputFormat]], _ participants: Int, _ jobs: Int,
    sharedFiles: Bool
  ) -> [WorkUnit] {
    var units: [WorkUnit] = []
    for (index, document) in documents.enumerated() {
      let copied =
        (document.personalised || document.kind.rules.alwaysPersonalised) && participants > 0
      for formats in groups {
        let slices: [Range<Int>?] = copied ? slices(of: participants, jobs: jobs) : [nil]
        for (slice, range) in slices.enumerated() {
          units.append(
            WorkUnit(
              document: index, formats: formats, participants: range, writesCopies: true,
              writesBooklet: sharedFiles && formats.contains(.pdf) && slice == 0,
              writesMerged: false))
        }
      }
      if sharedFiles, copied, document.merge, groups.joined().contains(.pdf) {
        units.append(
          WorkUnit(
            document: index, formats: [.pdf], participants: nil, writesCopies: false,
            writesBooklet: false, writesMerged: true))
      }
    }
    return units
  }

  /// The order to hand `units` out in: the longest first (a guess from the document's recipe,
  /// the format and the copies drawn, a merged file's every one of the `participants`), so that
  /// the last unit to finish is a short one.
  public static func dispatchOrder(
    _ units: [WorkUnit], documents: [DocumentSpec], participants: Int
  ) -> [Int] {
    func weight(_ unit: WorkUnit) -> Double {
      let document = documents[unit.document]
      let size = DocumentRecipes.recipe(for: document.kind)?.weight(of: document) ?? 1
      let formats = unit.formats.reduce(0.0) { total, format in
        total + (format == .png ? 4 : format == .svg ? 2 : 1)
      }
      let copies = Double(unit.participants?.count ?? (unit.writesMerged ? participants : 1))
      return size * formats * copies
    }
    let weights = units.map(weight)
    return units.indices.sorted {
      weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1)
    }
  }
}
