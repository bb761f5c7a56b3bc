import Foundation

/// A value bound into, or read out of, a statement of either engine: the few types the central
/// schema uses. Booleans travel as integers 0 and 1 on both.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob(Data)
    /// A column of values as one parameter (PostgreSQL's arrays, read with `unnest`): a batch's
    /// rows in one statement whose text never changes. SQLite refuses them.
    case intArray([Int64])
    case textArray([String])
    case blobArray([Data])
}

/// A Swift value that binds as an ``SQLValue``.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .int(self) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .double(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension Data: SQLBindable { public var sqlValue: SQLValue { .blob(self) } }
extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { map(\.sqlValue) ?? .null }
}

/// A Swift value read from an ``SQLValue``; nil when the value is not of that type.
public protocol SQLReadable {
    init?(sqlValue: SQLValue)
}

extension String: SQLReadable {
    public init?(sqlValue: SQLValue) {
        guard case let .text(text) = sqlValue else { return nil }
        self = text
    }
}

extension Int64: SQLReadable {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case let .int(value): self = value
        case let .double(value) where value.rounded() == value && abs(value) < 9e18: self = Int64(value)
        default: return nil
        }
    }
}

extension Int: SQLReadable {
    public init?(sqlValue: SQLValue) {
        guard let value = Int64(sqlValue: sqlValue) else { return nil }
        self = Int(value)
    }
}

extension Double: SQLReadable {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case let .double(value): self = value
        case let .int(value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: SQLReadable {
    public init?(sqlValue: SQLValue) {
        guard let value = Int64(sqlValue: sqlValue) else { return nil }
        self = value != 0
    }
}

extension Data: SQLReadable {
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case let .blob(data): self = data
        case let .text(text): self = Data(text.utf8)
        default: return nil
        }
    }
}

extension Optional: SQLReadable where Wrapped: SQLReadable {
    public init?(sqlValue: SQLValue) {
        if case .null = sqlValue { self = .none; return }
        guard let value = Wrapped(sqlValue: sqlValue) else { return nil }
        self = .some(value)
    }
}

/// One row of a result, read by column index.
public struct SQLRow: Sendable {
    public let values: [SQLValue]

    public init(_ values: [SQLValue]) { self.values = values }

    /// The column at `index` as `T`; throws when it is missing or of another type (a schema bug,
    /// reported with the column, never a crash).
    public func get<T: SQLReadable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index), let value = T(sqlValue: values[index]) else {
            throw SQLRowError(index: index, value: values.indices.contains(index) ? values[index] : .null, expected: "\(T.self)")
        }
        return value
    }

    public subscript<T: SQLReadable>(_ index: Int) -> T {
        get throws { try get(index) }
    }
}

/// A column that is not of the type the code reads it as.
public struct SQLRowError: Error, CustomStringConvertible {
    let index: Int
    let value: SQLValue
    let expected: String
    public var description: String { "column \(index) holds \(value), not \(expected)" }
}
