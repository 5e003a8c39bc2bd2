// Swift idiom over the generated pagers and the proposal watch: AsyncSequences for
// `for try await`. Every loop opens its own pager (the core follows the cursors), so a sequence
// can be iterated again; leaving a loop early releases its pager.

/// Elements fetched one `await` at a time, until the source answers `nil`.
public struct InsurUpSequence<Element>: AsyncSequence {
    public typealias Next = () async throws -> Element?

    private let open: () throws -> Next

    init(open: @escaping () throws -> Next) {
        self.open = open
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(open: open)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private let open: () throws -> Next
        private var source: Next?
        private var finished = false

        init(open: @escaping () throws -> Next) {
            self.open = open
        }

        public mutating func next() async throws -> Element? {
            if finished {
                return nil
            }
            let source = try self.source ?? open()
            self.source = source
            guard let element = try await source() else {
                finished = true
                return nil
            }
            return element
        }
    }

    /// The rows of every page, in order; a page is fetched when the previous one is used up.
    func rows<Row>(_ items: @escaping (Element) -> [Row]) -> InsurUpSequence<Row> {
        let open = self.open
        return InsurUpSequence<Row> {
            let nextPage = try open()
            return RowCursor(nextPage: nextPage, items: items).next
        }
    }
}

/// Hands out the rows of one page at a time.
private final class RowCursor<Page, Row> {
    private let nextPage: () async throws -> Page?
    private let items: (Page) -> [Row]
    private var buffered: ArraySlice<Row> = []

    init(nextPage: @escaping () async throws -> Page?, items: @escaping (Page) -> [Row]) {
        self.nextPage = nextPage
        self.items = items
    }

    func next() async throws -> Row? {
        while buffered.isEmpty {
            guard let page = try await nextPage() else {
                return nil
            }
            buffered = items(page)[...]
        }
        return buffered.popFirst()
    }
}

extension Graphql {
    /// Every page of customers matching `query`, one request per page as the loop asks.
    public func allCustomerPages(matching query: ListQuery = ListQuery()) -> InsurUpSequence<CustomerPage> {
        InsurUpSequence { try self.customerPages(query: query).nextPage }
    }

    /// Every customer matching `query`, fetched a page at a time.
    public func allCustomers(matching query: ListQuery = ListQuery()) -> InsurUpSequence<CustomerRow> {
        allCustomerPages(matching: query).rows { $0.items }
    }

    /// Every page of proposals matching `query`.
    public func allProposalPages(matching query: ListQuery = ListQuery()) -> InsurUpSequence<ProposalPage> {
        InsurUpSequence { try self.proposalPages(query: query).nextPage }
    }

    /// Every proposal matching `query`, fetched a page at a time.
    public func allProposals(matching query: ListQuery = ListQuery()) -> InsurUpSequence<ProposalRow> {
        allProposalPages(matching: query).rows { $0.items }
    }

    /// Every page of policies matching `query`.
    public func allPolicyPages(matching query: ListQuery = ListQuery()) -> InsurUpSequence<PolicyPage> {
        InsurUpSequence { try self.policyPages(query: query).nextPage }
    }

    /// Every policy matching `query`, fetched a page at a time; memory stays bounded by one page
    /// however long the list is.
    public func allPolicies(matching query: ListQuery = ListQuery()) -> InsurUpSequence<PolicyRow> {
        allPolicyPages(matching: query).rows { $0.items }
    }

    /// Every page of cases matching `query`.
    public func allCasePages(matching query: ListQuery = ListQuery()) -> InsurUpSequence<CasePage> {
        InsurUpSequence { try self.casePages(query: query).nextPage }
    }

    /// Every case matching `query`, fetched a page at a time.
    public func allCases(matching query: ListQuery = ListQuery()) -> InsurUpSequence<CaseRow> {
        allCasePages(matching: query).rows { $0.items }
    }
}

extension Proposals {
    /// The insurers' answers to proposal `id` as they arrive: one update per change, the last
    /// with `finished == true`.
    public func updates(of id: ProposalId, options: WaitOptions? = nil) -> InsurUpSequence<ProposalUpdate> {
        InsurUpSequence { try self.watch(id: id, options: options).next }
    }
}

extension Proposal {
    /// The cheapest product that can be bought in `installments` (1 = cash), chosen by the core.
    public func cheapestProduct(installments: UInt32 = 1) -> Product? {
        InsurUp.cheapestProduct(proposal: self, installments: installments)
    }
}
