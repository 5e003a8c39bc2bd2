use napi::bindgen_prelude::{PromiseRaw, Unknown};
use napi::{Env, Result};
use napi_derive::napi;
use tokio::sync::Mutex;

use insurup::{
    AgentBranchId, Channel, CoverageGroupId, CustomerId, NewProposal, Product, PropertyId,
    Proposal, ProposalId, ProposalProductId, ProposalUpdate, VehicleId, WaitOptions, WaitSettings,
};

use super::Proposals;

use crate::cancel::Cancellation;
use crate::read;

/// Declares the object a `create<Branch>` method takes: its own fields, then the options of the
/// core's `NewProposal` (docs as string literals, as in `resource!`; `Option` spelt out, not
/// passed as a `ty`, which napi would not see as optional). `into_new` makes the core's
/// `NewProposal` of it: `base`, written with the own fields, and the options.
macro_rules! proposal_input {
    (
        $($doc:literal)*
        $name:ident { $($($field_doc:literal)* $field:ident: $ty:ident $(<$inner:ty>)?,)* }
        into_new($param:ident: $param_ty:ty) = $base:expr;
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug)]
        #[napi(object, object_to_js = false)]
        pub struct $name {
            $($(#[doc = $field_doc])* pub $field: $ty $(<$inner>)?,)*
            #[doc = "Coverage groups to price (at most 3); the agency's defaults when omitted."]
            pub coverage_group_ids: Option<Vec<CoverageGroupId>>,
            #[doc = "Channel; `API` when omitted."]
            pub channel: Option<Channel>,
            #[doc = "Branch; the client's branch when omitted."]
            pub agent_branch_id: Option<AgentBranchId>,
            #[doc = "Policy start date, `YYYY-MM-DD`; today when omitted."]
            pub policy_start_date: Option<String>,
        }

        impl $name {
            fn into_new(self, $param: $param_ty) -> NewProposal {
                let $name { $($field,)* coverage_group_ids, channel, agent_branch_id, policy_start_date } = self;
                NewProposal { coverage_group_ids, channel, agent_branch_id, policy_start_date, ..$base }
            }
        }
    };
}

proposal_input! {
    "A proposal for a customer's vehicle (kasko, trafik, İMM)."
    VehicleProposal {
        "The customer who pays (sigorta ettiren)."
        customer_id: CustomerId,
        "The vehicle."
        vehicle_id: VehicleId,
        "The customer who is insured (sigortalı); the payer when omitted."
        insured_customer_id: Option<CustomerId>,
    }
    into_new(branch: fn(CustomerId, VehicleId) -> NewProposal) =
        NewProposal { insured_customer_id, ..branch(customer_id, vehicle_id) };
}

proposal_input! {
    "A proposal for a customer's property (DASK, konut)."
    PropertyProposal {
        "The customer who pays (sigorta ettiren)."
        customer_id: CustomerId,
        "The property."
        property_id: PropertyId,
        "The customer who is insured (sigortalı); the payer when omitted."
        insured_customer_id: Option<CustomerId>,
    }
    into_new(branch: fn(CustomerId, PropertyId) -> NewProposal) =
        NewProposal { insured_customer_id, ..branch(customer_id, property_id) };
}

/// The core's wait options for `options` (seconds; the core's defaults for what is left out) and
/// the signal that cancels the call.
fn wait_options(env: &Env, options: Option<Unknown>) -> Result<(WaitOptions, Cancellation)> {
    let settings = read::<WaitSettings>(options.as_ref())?.unwrap_or_default();
    let cancellation = Cancellation::from_options(env, options.as_ref())?;
    Ok((WaitOptions::try_from(settings)?, cancellation))
}

resource! {
    impl Proposals {
        "Requests a kasko (comprehensive motor) proposal."
        fn create_kasko(proposal: VehicleProposal) -> Proposal =
            create(proposal.into_new(NewProposal::kasko));
        "Requests a trafik (compulsory motor liability) proposal."
        fn create_trafik(proposal: VehicleProposal) -> Proposal =
            create(proposal.into_new(NewProposal::trafik));
        "Requests an İMM (voluntary motor liability) proposal."
        fn create_imm(proposal: VehicleProposal) -> Proposal =
            create(proposal.into_new(NewProposal::imm));
        "Requests a DASK (compulsory earthquake) proposal."
        fn create_dask(proposal: PropertyProposal) -> Proposal =
            create(proposal.into_new(NewProposal::dask));
        "Requests a konut (home) proposal."
        fn create_konut(proposal: PropertyProposal) -> Proposal =
            create(proposal.into_new(NewProposal::konut));
        "The coverage table of a product (its shape differs per branch and insurer)."
        fn coverage[ts_return_type = "Promise<unknown>"](proposal_id: ProposalId,
            product_id: ProposalProductId) -> serde_json::Value = coverage(&proposal_id, &product_id);
        "Asks one insurer again, with another coverage group or a coverage object."
        fn revise_product(proposal_id: ProposalId, product_id: ProposalProductId,
            coverage_group_id: Option<CoverageGroupId>, coverage: Option<serde_json::Value>) -> () =
            revise_product(&proposal_id, &product_id, coverage_group_id.as_ref(), coverage);
        "The proposal as the insurers saw it when they answered."
        fn snapshot(proposal_id: ProposalId) -> serde_json::Value = snapshot(&proposal_id);
        "The coverage the proposal asked for."
        fn proposal_coverage(proposal_id: ProposalId) -> serde_json::Value =
            proposal_coverage(&proposal_id);
    }
}

#[napi]
impl Proposals {
    /// Waits until every insurer has answered and returns the proposal. At the deadline it
    /// returns what has arrived if at least one product can be bought, and rejects with a
    /// `TimeoutError` otherwise.
    #[napi(
        ts_args_type = "proposalId: ProposalId, options?: WaitOptions & Abortable",
        ts_return_type = "Promise<Proposal>"
    )]
    pub fn wait<'env>(
        &self,
        env: &'env Env,
        proposal_id: ProposalId,
        options: Option<Unknown>,
    ) -> Result<PromiseRaw<'env, Proposal>> {
        let (options, cancellation) = wait_options(env, options)?;
        let proposals = self.0.clone();
        env.spawn_future(async move {
            cancellation
                .run(async { Ok(proposals.wait(&proposal_id, options).await?) })
                .await
        })
    }

    /// Watches a proposal: `for await (const update of client.proposals.watch(id))` yields the
    /// products that arrived since the previous update, until all have.
    #[napi(ts_args_type = "proposalId: ProposalId, options?: WaitOptions & Abortable")]
    pub fn watch(
        &self,
        env: &Env,
        proposal_id: ProposalId,
        options: Option<Unknown>,
    ) -> Result<ProposalWatch> {
        let (options, cancellation) = wait_options(env, options)?;
        Ok(ProposalWatch(
            Mutex::new(self.0.watch(&proposal_id, options)?),
            cancellation,
        ))
    }
}

/// A proposal being watched; iterate it with `for await`.
#[derive(Debug)]
#[napi]
pub struct ProposalWatch(Mutex<insurup::ProposalWatch>, Cancellation);

#[napi]
impl ProposalWatch {
    /// The next change, or `null` after the final update. Each call polls until something
    /// changes or the deadline passes.
    #[napi]
    pub async fn next_update(&self) -> Result<Option<ProposalUpdate>> {
        let mut watch = self.0.lock().await;
        self.1.run(async { Ok(watch.next().await?) }).await
    }
}

/// The cheapest product of `proposal` that can be bought in `installments` (left out: one
/// payment, cash), by gross premium; `null` when none can. Proposals returned by the client have
/// it as a method: `proposal.cheapestProduct()`.
#[napi]
pub fn cheapest_product(proposal: Proposal, installments: Option<u32>) -> Option<Product> {
    proposal.cheapest_product(installments).cloned()
}
