// Swift idiom over the library's free functions: static constructors and methods on the core's
// records. The logic (kind of customer, serial parsing, product choice) stays in the core.

extension NewCustomer {
    /// The kind of customer `identityNumber` names: a 10-digit VKN is a company titled `title`, a
    /// number starting with 99 a foreign national born on `birthDate`, any other an individual.
    public static func fromIdentityNumber(_ identityNumber: String, title: String? = nil, birthDate: String? = nil) -> NewCustomer {
        newCustomerFromIdentityNumber(identityNumber: identityNumber, title: title, birthDate: birthDate)
    }
}

extension DocumentSerial {
    /// A registration document serial as people write it (`AB123456`, `AB 123456`), checked.
    public static func parse(_ serial: String) throws -> DocumentSerial {
        try parseDocumentSerial(serial: serial)
    }
}

extension TokenSet {
    /// The whole set as JSON, tokens in clear: keep it in the Keychain only.
    public func toJson() -> String {
        tokenSetToJson(tokens: self)
    }

    /// A token set written by `toJson()`.
    public static func fromJson(_ json: String) throws -> TokenSet {
        try tokenSetFromJson(json: json)
    }
}

extension Proposal {
    /// The cheapest product that can be bought in `installments` (nil: one payment, cash), chosen
    /// by the core.
    public func cheapestProduct(installments: UInt32? = nil) -> Product? {
        InsurUp.cheapestProduct(proposal: self, installments: installments)
    }
}

/// The session of `account` kept in the Redis at `url` (`redis://…` or `rediss://…`) and shared
/// by every client, in any process, that uses the same two: one login for all of them and one
/// refresh per token generation. Pass it as `InsurUpClient(options:tokenStore:)`.
public func RedisTokenStore(url: String, account: String) throws -> TokenStore {
    try redisTokenStore(url: url, account: account)
}

/// The session of `options.account` kept in the Redis at `url`, with every setting of
/// `options`: key prefix, Redis timeout, a private CA, the single-worker fallback and the wait
/// for another worker's renewal.
public func RedisTokenStore(url: String, options: RedisTokenStoreOptions) throws -> TokenStore {
    try redisTokenStoreWithOptions(url: url, options: options)
}

/// The session kept in a JSON file readable by its owner only, so a restarted process continues
/// without logging in again: at `path`, else `$INSURUP_TOKEN_FILE`, else
/// `~/.config/insurup/tokens.json` (in an app, pass a path in its Application Support directory).
public func FileTokenStore(path: String? = nil) -> TokenStore {
    fileTokenStore(path: path)
}
