/// An error a user can act on: one line saying where, what was expected and what was found.
///
/// `usage` errors exit 2 (the command line is wrong); every other case exits 1 (the data is).
public struct SarcoError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of failure this is; decides the exit status.
  public enum Kind: String, Sendable, Equatable {
    case usage, input, panel, output, internalFailure
  }

  public let kind: Kind
  /// The whole message, already naming the file and record or line.
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  /// Process exit status: 2 for usage errors, 1 for everything else.
  public var exitStatus: Int32 { kind == .usage ? 2 : 1 }

  public static func input(_ message: String) -> SarcoError { SarcoError(.input, message) }
  public static func panel(_ message: String) -> SarcoError { SarcoError(.panel, message) }
  public static func usage(_ message: String) -> SarcoError { SarcoError(.usage, message) }
  public static func output(_ message: String) -> SarcoError { SarcoError(.output, message) }
}
