import Frames
import ReportModel

/// What the present view of a deck shows beside its pages: each page's slide (its title, its
/// speaker notes, its group) and each slide group's planned minutes, all from the builders the
/// facilitator's guide uses (``FacilitatorGuideBuilder``), so the view and the guide agree.
public struct SlidePresentation: Sendable, Hashable {
  /// A page of the deck: the slide it shows (a continued slide's parts share title and notes).
  public struct Slide: Sendable, Hashable {
    public var title: String
    /// The speaker notes, a paragraph each, as plain text.
    public var notes: [String]
    /// The index of its group in ``SlidePresentation/groups``.
    public var group: Int
  }

  /// A slide group (a section's slides) and its share of the session.
  public struct Group: Sendable, Hashable {
    public var name: String
    /// Its planned minutes; nil when the session is shorter than a minute a group.
    public var minutes: Int?
  }

  /// One a page, in page order.
  public var slides: [Slide]
  public var groups: [Group]
  /// The session's length: the `session-minutes` of the deck's guide (90 without a guide).
  public var sessionMinutes: Int

  /// The presentation of `build`'s deck, laid out as `pages`.
  init(deck build: DocumentBuild, pages: [Page]) {
    let outline = SlidesRecipe.outline(of: build.spec, in: build)
    let plans = FacilitatorGuideBuilder.plannedSlides(of: pages)
    sessionMinutes =
      (FacilitatorGuideRecipe.guide(for: build.spec, in: build.settings)?.session
      ?? SessionSpec()).minutes
    let minutes = FacilitatorGuideBuilder.minutes(outline, plans: plans, session: sessionMinutes)
    groups = outline.groups.enumerated().map { index, name in
      Group(name: name, minutes: minutes?[index])
    }
    slides = plans.map { plan in
      let slide = outline.slides[plan]
      return Slide(
        title: slide.title, notes: slide.notes.map(\.plain),
        group: slide.group)
    }
  }
}
