/// The config and the styles a watch session loaded, each kept while every file it was read from
/// holds the same bytes and every lookup and listing its load made gets the same answer
/// (``InputTranscript``).
///
/// A kept load is what a fresh load of the same files returns, warnings included: they are part
/// of the value (``LoadedSettings/warnings``), so each build reports them again. The content file
/// is read again each build, its YAML parsed through ``content``.
public final class ConfigMemo {
  /// The config, by what was asked.
  let settings = InputMemo<SettingsRequest, LoadedSettings>()
  /// Each style, by what was asked.
  let styles = InputMemo<StyleRequest, ConfigLoader.LoadedStyle>()
  /// The content file's pieces, kept by their bytes.
  public let content = YAMLPieces()

  public init() {}

  /// How many times the config and the styles were loaded rather than reused.
  ///
  /// Test-only: what tests observe.
  public var loads: (settings: Int, styles: Int) { (settings.loads, styles.loads) }
}

/// The arguments of ``ConfigLoader/loadSettings(configPath:workingDirectory:root:outputTyped:inputs:memo:)``
/// that choose what is loaded.
struct SettingsRequest: Hashable {
  var configPath: String?
  var workingDirectory: String
  var root: String?
  var outputTyped: Bool
}

/// The arguments a style is loaded with (``ConfigLoader/loadStyleSources(_:baseDirectory:workingDirectory:root:inputs:)``).
struct StyleRequest: Hashable {
  var nameOrPath: String
  var baseDirectory: String
  var workingDirectory: String
  var root: ProjectRoot?
}
