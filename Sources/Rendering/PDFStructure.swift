import CQPDF
import Foundation

/// Completes the structure tree cairo wrote, through libqpdf's C API: the `Private` elements the
/// painter used for page furniture leave the tree (their marked content becomes `/Artifact`, see
/// ``PDFFinisher``) and the parent tree forgets their MCIDs; each `Figure` gets its `/Alt`, in
/// document order; each `Div` its `/Lang`, in document order; each `TH` its `/Scope`.
struct PDFStructure {
  let q: qpdf_data
  /// The alternate text of each `Figure`, in the order cairo wrote the elements.
  let figureAlts: [String]
  /// The language of each `Div`, in the order cairo wrote the elements.
  let divisionLangs: [String]
  /// The file's name in messages.
  let path: String

  /// What the tree edit found.
  struct Summary {
    /// MCIDs of removed `Private` elements, by their page's object id.
    var artifactMCIDs: [Int32: [Int32]] = [:]
    var figures = 0
    var divisions = 0
  }

  /// Edits the tree; returns the MCIDs that became artifacts, by page object id.
  func complete() throws -> [Int32: [Int32]] {
    let root = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot")
    guard qpdf_oh_is_dictionary(q, root) != 0 else { return [:] }
    var summary = Summary()
    edit(root, into: &summary)
    guard summary.figures == figureAlts.count else {
      throw RenderError.pdf(
        operation: "describe the figures",
        reason: "\(figureAlts.count) alternate texts for \(summary.figures) figures", path: path)
    }
    guard summary.divisions == divisionLangs.count else {
      throw RenderError.pdf(
        operation: "give passages their language",
        reason: "\(divisionLangs.count) languages for \(summary.divisions) passages", path: path)
    }
    forget(summary.artifactMCIDs, in: qpdf_oh_get_key(q, root, "/ParentTree"))
    return summary.artifactMCIDs
  }

  /// Walks `element`'s kids in document order: describes figures, passages and header cells,
  /// removes `Private` kids and records their MCIDs.
  ///
  /// Each kid's handles are released once it is done: a long document has tens of thousands of
  /// elements, and every C API call makes a handle.
  private func edit(_ element: qpdf_oh, into summary: inout Summary) {
    var kids = qpdf_oh_get_key(q, element, "/K")
    if qpdf_oh_is_array(q, kids) == 0 {
      // A single kid: an MCID (nothing to do), or an element, made a one-element array.
      guard qpdf_oh_is_dictionary(q, kids) != 0 else { return }
      kids = qpdf_oh_wrap_in_array(q, kids)
      qpdf_oh_replace_key(q, element, "/K", kids)
    }
    var removed: [Int32] = []
    for i in 0..<qpdf_oh_get_array_n_items(q, kids) {
      let kid = qpdf_oh_get_array_item(q, kids, i)
      let type = qpdf_oh_get_key_if_dict(q, kid, "/S")
      defer {
        qpdf_oh_release(q, type)
        qpdf_oh_release(q, kid)
      }
      guard qpdf_oh_is_name(q, type) != 0, let name = qpdf_oh_get_name(q, type) else { continue }
      if strcmp(name, "/Private") == 0 {
        collectMCIDs(of: kid, into: &summary)
        removed.append(i)
        continue
      }
      if strcmp(name, "/Figure") == 0 {
        if summary.figures < figureAlts.count {
          qpdf_oh_replace_key(
            q, kid, "/Alt", qpdf_oh_new_unicode_string(q, figureAlts[summary.figures]))
        }
        summary.figures += 1
      } else if strcmp(name, "/Div") == 0 {
        if summary.divisions < divisionLangs.count {
          qpdf_oh_replace_key(
            q, kid, "/Lang", qpdf_oh_new_unicode_string(q, divisionLangs[summary.divisions]))
        }
        summary.divisions += 1
      } else if strcmp(name, "/TH") == 0 {
        qpdf_oh_replace_key(q, kid, "/A", qpdf_oh_parse(q, "<< /O /Table /Scope /Column >>"))
      }
      edit(kid, into: &summary)
    }
    if !removed.isEmpty { keep(kids, without: removed, in: element) }
  }

  /// Gives `element` a `/K` of `kids` without the items at `removed` (ascending), one new array
  /// built by appending: erasing an item from a long array costs qpdf a rebuild of the whole
  /// array (its sparse form copies every entry), an item at a time: quadratic in a long
  /// document's `Document` element with its thousands of kids.
  private func keep(_ kids: qpdf_oh, without removed: [Int32], in element: qpdf_oh) {
    let kept = qpdf_oh_new_array(q)
    var next = removed.startIndex
    for i in 0..<qpdf_oh_get_array_n_items(q, kids) {
      if next < removed.endIndex, removed[next] == i {
        next += 1
        continue
      }
      let item = qpdf_oh_get_array_item(q, kids, i)
      qpdf_oh_append_item(q, kept, item)
      qpdf_oh_release(q, item)
    }
    if qpdf_oh_is_indirect(q, kids) != 0 {
      qpdf_replace_object(
        q, qpdf_oh_get_object_id(q, kids), qpdf_oh_get_generation(q, kids), kept)
    } else {
      qpdf_oh_replace_key(q, element, "/K", kept)
    }
  }

  /// The MCIDs a removed element held, with their pages (cairo gives each such element its `/Pg`;
  /// a marked-content reference may name its own).
  private func collectMCIDs(of element: qpdf_oh, into summary: inout Summary) {
    let page = qpdf_oh_get_key(q, element, "/Pg")
    let kids = qpdf_oh_get_key(q, element, "/K")
    let items =
      qpdf_oh_is_array(q, kids) != 0
      ? (0..<qpdf_oh_get_array_n_items(q, kids)).map { qpdf_oh_get_array_item(q, kids, $0) }
      : [kids]
    for item in items {
      if qpdf_oh_is_integer(q, item) != 0, qpdf_oh_is_dictionary(q, page) != 0 {
        summary.artifactMCIDs[qpdf_oh_get_object_id(q, page), default: []].append(
          Int32(qpdf_oh_get_int_value_as_int(q, item)))
      } else if qpdf_oh_is_dictionary_of_type(q, item, "/MCR", "") != 0 {
        let owner = qpdf_oh_has_key(q, item, "/Pg") != 0 ? qpdf_oh_get_key(q, item, "/Pg") : page
        summary.artifactMCIDs[qpdf_oh_get_object_id(q, owner), default: []].append(
          Int32(qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, item, "/MCID"))))
      }
    }
  }

  /// Sets the parent tree's entries for `mcids` to null: each page's array, found through the
  /// page's `/StructParents`, indexed by MCID.
  private func forget(_ mcids: [Int32: [Int32]], in parentTree: qpdf_oh) {
    guard !mcids.isEmpty, qpdf_oh_is_dictionary(q, parentTree) != 0 else { return }
    var keys: [Int32: Int32] = [:]  // page object id → its parent tree key
    for n in 0..<qpdf_get_num_pages(q) {
      let page = qpdf_get_page_n(q, Int(n))
      let key = qpdf_oh_get_key(q, page, "/StructParents")
      if qpdf_oh_is_integer(q, key) != 0 {
        keys[qpdf_oh_get_object_id(q, page)] = Int32(qpdf_oh_get_int_value_as_int(q, key))
      }
    }
    var entries: [Int32: qpdf_oh] = [:]
    collectEntries(parentTree, into: &entries)
    for (page, list) in mcids {
      guard let key = keys[page], let array = entries[key], qpdf_oh_is_array(q, array) != 0 else {
        continue
      }
      let count = qpdf_oh_get_array_n_items(q, array)
      for mcid in list where mcid >= 0 && mcid < count {
        qpdf_oh_set_array_item(q, array, mcid, qpdf_oh_new_null(q))
      }
    }
  }

  /// A number tree's entries, from its `/Nums` and through its `/Kids`.
  private func collectEntries(_ node: qpdf_oh, into entries: inout [Int32: qpdf_oh]) {
    let nums = qpdf_oh_get_key(q, node, "/Nums")
    if qpdf_oh_is_array(q, nums) != 0 {
      let count = qpdf_oh_get_array_n_items(q, nums)
      for i in stride(from: 0, to: count - 1, by: 2) {
        let key = qpdf_oh_get_array_item(q, nums, i)
        guard qpdf_oh_is_integer(q, key) != 0 else { continue }
        entries[Int32(qpdf_oh_get_int_value_as_int(q, key))] = qpdf_oh_get_array_item(
          q, nums, i + 1)
      }
    }
    let kids = qpdf_oh_get_key(q, node, "/Kids")
    guard qpdf_oh_is_array(q, kids) != 0 else { return }
    for i in 0..<qpdf_oh_get_array_n_items(q, kids) {
      collectEntries(qpdf_oh_get_array_item(q, kids, i), into: &entries)
    }
  }
}
