import ReportModel

/// The registry of recipes, one a document kind: what builds a document of each kind.
///
/// Adding a kind is one file (its ``DocumentRecipe``, whose ``DocumentRecipe/rules`` say what the
/// config may write) and one line in ``standard``. A recipe registered for an operation
/// (``withAdded(_:operation:)``) builds there, and its kind is accepted by config loading there.
enum DocumentRecipes {
  /// The built-in recipes, in the order `kind:` messages list their kinds.
  static let standard: [any DocumentRecipe] = [
    ReportRecipe(), RoleCardsRecipe(), ComparisonTableRecipe(), ChartsRecipe(),
    CertificateRecipe(), WorksheetRecipe(), AnswerKeyRecipe(), SlidesRecipe(),
    FacilitatorGuideRecipe(),
  ]

  /// Recipes added for the operation running.
  @TaskLocal private static var added: [any DocumentRecipe] = []

  /// Runs `operation` with `recipes` registered too, and their kinds accepted in configs.
  static func withAdded<R>(_ recipes: [any DocumentRecipe], operation: () throws -> R) rethrows
    -> R
  {
    try $added.withValue(added + recipes) {
      try DocumentKinds.withAdded(recipes.map(\.rules), operation: operation)
    }
  }

  /// The recipe that builds documents of `kind`; nil when none does.
  static func recipe(for kind: DocumentKind) -> (any DocumentRecipe)? {
    added.last { $0.kind == kind } ?? standard.first { $0.kind == kind }
  }

  /// The recipe of `document`'s kind, or the error that none builds it.
  static func recipe(of document: DocumentSpec) throws -> any DocumentRecipe {
    guard let recipe = recipe(for: document.kind) else {
      throw DocumentError.noRecipe(document.name, kind: document.kind.rawValue)
    }
    return recipe
  }

  /// `documents` in the order to build them.
  ///
  /// Config order, except that a document another one uses (a worksheet its answer key) comes
  /// before its user. Stable; a document whose used one is not in the list (a `--document` run)
  /// keeps its place.
  static func buildOrder(_ documents: [DocumentSpec], in settings: ReportSettings) -> [Int] {
    var order: [Int] = []
    var placed = Set<Int>()
    func place(_ index: Int, _ visiting: Set<Int>) {
      guard !placed.contains(index), !visiting.contains(index) else { return }
      let document = documents[index]
      if let used = recipe(for: document.kind)?.usedDocument(by: document, in: settings),
        let usedIndex = documents.firstIndex(where: { $0.name == used.name })
      {
        place(usedIndex, visiting.union([index]))
      }
      placed.insert(index)
      order.append(index)
    }
    for index in documents.indices { place(index, []) }
    return order
  }
}
