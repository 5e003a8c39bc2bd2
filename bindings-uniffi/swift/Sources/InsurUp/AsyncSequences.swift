// Swift idiom over the core's row cursors and the proposal watch: AsyncSequences for
// `for try await`. Every loop opens its own cursor (the core fetches the pages and follows the
// cursors), so a sequence can be iterated again; leaving a loop early releases its cursor.

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
}

extension Graphql {
    /// Every customer matching `options` and `filter` (JSON), fetched a page at a time.
    public func allCustomers(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<CustomerRow> {
        InsurUpSequence { try self.customerRows(options: options, filter: filter).next }
    }

    /// Every proposal matching `options` and `filter`, fetched a page at a time.
    public func allProposals(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<ProposalRow> {
        InsurUpSequence { try self.proposalRows(options: options, filter: filter).next }
    }

    /// Every policy matching `options` and `filter`, fetched a page at a time; memory stays
    /// bounded by one page however long the list is.
    public func allPolicies(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<PolicyRow> {
        InsurUpSequence { try self.policyRows(options: options, filter: filter).next }
    }

    /// Every case matching `options` and `filter`, fetched a page at a time.
    public func allCases(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<CaseRow> {
        InsurUpSequence { try self.caseRows(options: options, filter: filter).next }
    }

    /// Every policy with its customer, asset and insurer details (`policiesExpanded`), a page at a time.
    public func allPoliciesExpanded(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<ExpandedPolicyRow> {
        InsurUpSequence { try self.policiesExpandedRows(options: options, filter: filter).next }
    }

    /// Every user of the agency matching `options` and `filter`, fetched a page at a time.
    public func allAgentUsers(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<AgentUserRow> {
        InsurUpSequence { try self.agentUserRows(options: options, filter: filter).next }
    }

    /// Every policy transfer matching `options` and `filter`, fetched a page at a time.
    public func allPolicyTransfers(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<PolicyTransferRow> {
        InsurUpSequence { try self.policyTransferRows(options: options, filter: filter).next }
    }

    /// Every webhook delivery matching `options` and `filter`, fetched a page at a time.
    public func allWebhookDeliveries(_ options: ListOptions = ListOptions(), filter: String? = nil) -> InsurUpSequence<WebhookDeliveryRow> {
        InsurUpSequence { try self.webhookDeliveryRows(options: options, filter: filter).next }
    }
}

extension Proposals {
    /// The insurers' answers to proposal `proposalId` as they arrive: one update per change, the last
    /// with `finished == true`.
    public func updates(of proposalId: ProposalId, options: WaitOptions = WaitOptions()) -> InsurUpSequence<ProposalUpdate> {
        InsurUpSequence { try self.watch(proposalId: proposalId, options: options).next }
    }
}
