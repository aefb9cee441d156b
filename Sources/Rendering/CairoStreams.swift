import CCairo
import Storage

/// Bytes cairo writes through a stream callback, kept in memory (an SVG page, labelled before it
/// goes to its file).
final class BytesInMemory {
  var bytes: [UInt8] = []

  /// A cairo stream function appending to the `BytesInMemory` passed as its closure.
  static let cairoWriter: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<BytesInMemory>.fromOpaque(closure).takeUnretainedValue().bytes
      .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
  }
}

extension CheckedFile {
  /// A cairo stream function writing into the `CheckedFile` passed as its closure.
  ///
  /// It answers `CAIRO_STATUS_WRITE_ERROR` after a failure, though cairo 1.16 may not pass that on:
  /// callers rely on ``CheckedFile/finish(_:)``.
  static let cairoWriter: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let file = Unmanaged<CheckedFile>.fromOpaque(closure).takeUnretainedValue()
    if let data { file.write(UnsafeRawBufferPointer(start: data, count: Int(length))) }
    return file.firstError == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
  }

  /// This file as a cairo stream closure (valid while the file lives).
  var cairoClosure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

extension ScratchBytes {
  /// A cairo stream function writing into the `ScratchBytes` passed as its closure; callers rely
  /// on ``ScratchBytes/failure`` and ``ScratchBytes/finish()``, as for a ``CheckedFile``.
  static let cairoWriter: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let scratch = Unmanaged<ScratchBytes>.fromOpaque(closure).takeUnretainedValue()
    if let data { scratch.write(UnsafeRawBufferPointer(start: data, count: Int(length))) }
    return scratch.failure == nil ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
  }

  /// These bytes as a cairo stream closure (valid while they live).
  var cairoClosure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// A drawing context on `surface` (the caller destroys it).
func context(on surface: OpaquePointer, _ path: String) throws -> OpaquePointer {
  guard let cr = cairo_create(surface) else {
    throw RenderError.cairo(operation: "create a drawing context", status: "no context", path: path)
  }
  try check(cairo_status(cr), "create a drawing context", path)
  return cr
}

/// Throws when `status` is not success.
func check(_ status: cairo_status_t, _ operation: String, _ path: String) throws {
  guard status != CAIRO_STATUS_SUCCESS else { return }
  throw RenderError.cairo(
    operation: operation, status: String(cString: cairo_status_to_string(status)), path: path)
}
