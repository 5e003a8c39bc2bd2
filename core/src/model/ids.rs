//! Typed ids, so a vehicle id cannot be passed where a customer id belongs.

use super::macros::string_ids;

string_ids! {
    /// A customer (UUID).
    CustomerId;
    /// A vehicle of a customer (UUID).
    VehicleId;
    /// A property (home, workplace) of a customer (UUID).
    PropertyId;
    /// A case: sale opportunity, endorsement, cancel or complaint (24-hex ObjectId).
    CaseId;
    /// A proposal: one quote request sent to many insurers (24-hex ObjectId).
    ProposalId;
    /// One insurer's product inside a proposal; the thing that is bought (24-hex ObjectId).
    ProposalProductId;
    /// An issued policy (24-hex ObjectId).
    PolicyId;
    /// A coverage group (24-hex ObjectId).
    CoverageGroupId;
    /// A webhook subscription (24-hex ObjectId).
    WebhookId;
    /// One delivery attempt series of a webhook event (24-hex ObjectId).
    WebhookDeliveryId;
    /// An agency (UUID), `INSURUP_AGENT_ID`.
    AgentId;
    /// A branch or partner of an agency (24-hex ObjectId), `INSURUP_AGENT_BRANCH_ID`.
    AgentBranchId;
    /// An agent user (UUID).
    UserId;
}
