/// A secret value, such as a webhook's signing secret. Its description, debug description and
/// mirror never show it, so structs that hold one can be printed and dumped safely. Create one
/// with `Secret("...")`; `value` is what is sent.
public struct RedactedSecret: Equatable, Hashable, Sendable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "Secret([REDACTED])" }
    public var debugDescription: String { "Secret([REDACTED])" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
