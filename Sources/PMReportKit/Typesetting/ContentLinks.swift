import Frames

/// The named destination of a section's heading: `sec-` and the section's id.
func sectionAnchor(_ id: String) -> String { "sec-" + id }

extension LinkTarget {
  /// Where a link written in the content goes: `#id` to the heading of section `id`, anything else
  /// to the URI as written.
  init(contentLink link: String) {
    self = link.hasPrefix("#") ? .anchor(sectionAnchor(String(link.dropFirst()))) : .uri(link)
  }
}
