//! The native module `insurup._insurup` behind the `insurup` Python package.
//!
//! Thin by design: every behaviour (validation, retries, auth, paging, purchase safety) is the
//! Rust core's. This crate converts arguments and results, maps errors to exception classes,
//! releases the GIL while calls wait, and bridges tokio futures to asyncio.

mod auth;
mod client;
mod errors;
mod inputs;
mod lists;
mod logging;
mod repr;
mod resources;
mod runtime;
mod webhook;

use pyo3::prelude::*;

#[pymodule]
mod _insurup {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::client::{AsyncClient, Client};

    #[pymodule_export]
    use crate::resources::{
        AsyncCases, AsyncCustomers, AsyncGraphql, AsyncPolicies, AsyncProperties, AsyncProposals,
        AsyncPurchases, AsyncReferenceData, AsyncVehicles, AsyncWebhooks, Cases, Customers,
        Graphql, Policies, Properties, Proposals, Purchases, ReferenceData, Vehicles, Webhooks,
    };

    #[pymodule_export]
    use crate::lists::{
        AsyncPageIterator, AsyncProposalWatch, AsyncRowIterator, PageIterator, ProposalWatch,
        RowIterator,
    };

    #[pymodule_export]
    use crate::inputs::Card;

    /// Receiving webhooks; the public names are in `insurup.webhook`.
    #[pymodule_export]
    use crate::webhook::{
        DeliveryDeduplicator, WebhookEvent, parse, sign, verify, verify_and_parse,
    };

    #[pymodule_export]
    use crate::auth::{FileTokenStore, MemoryTokenStore, PyTokenSet, TwoFactorChallenge};

    #[pymodule_export]
    use insurup::graphql::{
        AgentBranchRef, CasePage, CaseRow, CustomerPage, CustomerRow, PageInfo, PolicyPage,
        PolicyRow, ProposalPage, ProposalRow,
    };

    #[pymodule_export]
    use insurup::{
        AgentBranch, AgentUser, Case, CoverageGroup, CoverageGroupRef, Customer, CustomerLookup,
        Document, DocumentSerial, InsuranceCompany, PhoneNumber, Plate, Policy, Premium,
        PremiumDetail, Product, Property, Proposal, ProposalUpdate, Purchase, PurchaseRedirect,
        Reference, Vehicle, VehicleLookup, Webhook, WebhookDelivery,
    };

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("CARGO_PKG_VERSION"))?;
        crate::logging::install(module.py())
    }
}
