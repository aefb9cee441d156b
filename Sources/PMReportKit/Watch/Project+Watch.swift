import Foundation
import ReportConfig

extension Project {
  /// The files this build reads, as `pmreport watch` watches them: the config, the content, each
  /// document's style file and the `Styles/` folders style names are looked up in, the images,
  /// the roster.
  public var watchedInputs: WatchedInputs {
    var files = Set(images.items.values.map(\.path))
    if let configFile { files.insert(configFile) }
    if let content = settings.contentPath { files.insert(content) }
    if roster != nil, let path = options.rosterPath.map(options.absolute) ?? settings.rosterPath {
      files.insert(path)
    }
    let styleFiles = resolvedDocuments.compactMap(\.stylePath)
    files.formUnion(styleFiles)
    let lookedUp = [settings.baseDirectory, options.workingDirectory].map {
      ($0 as NSString).appendingPathComponent(ConfigLoader.stylesFolder)
    }
    return WatchedInputs(
      files: files,
      styleFolders: Set(styleFiles.map { ($0 as NSString).deletingLastPathComponent } + lookedUp),
      ignoredFolder: settings.outputDirectory)
  }
}

extension WatchedInputs {
  /// What the command line names, for when the inputs do not load: the config (or
  /// `./pmreport.yml`, which may yet appear), the content, and `./Styles/`.
  public init(commandLine options: RunOptions) {
    let config = options.absolute(options.configPath ?? ConfigLoader.defaultConfigName)
    self.init(
      files: Set([config] + (options.contentPath.map { [options.absolute($0)] } ?? [])),
      styleFolders: [options.absolute(ConfigLoader.stylesFolder)],
      ignoredFolder: options.absolute(options.outputDirectory ?? "Output"))
  }
}
