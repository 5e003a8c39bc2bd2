use napi::bindgen_prelude::{PromiseRaw, Unknown};
use napi::{Env, Result};
use napi_derive::napi;
use tokio::sync::Mutex;

use insurup::{
    AgentBranchId, Channel, CoverageGroupId, CustomerId, Document, NewProposal, PremiumDetail,
    Product, ProductBranch, PropertyId, Proposal, ProposalId, ProposalProductId, ProposalUpdate,
    VehicleId, WaitOptions, WaitSettings,
};

use crate::cancel::Cancellation;
use crate::read;

/// A proposal for a customer's vehicle (kasko, trafik, İMM).
#[derive(Debug)]
#[napi(object)]
pub struct VehicleProposal {
    /// The customer who pays (sigorta ettiren).
    pub customer_id: CustomerId,
    /// The vehicle.
    pub vehicle_id: VehicleId,
    /// The customer who is insured (sigortalı); the payer when omitted.
    pub insured_customer_id: Option<CustomerId>,
    /// Coverage groups to price (at most 3); the agency's defaults when omitted.
    pub coverage_group_ids: Option<Vec<CoverageGroupId>>,
    /// Channel; `API` when omitted.
    pub channel: Option<Channel>,
    /// Branch; the client's branch when omitted.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Policy start date, `YYYY-MM-DD`; today when omitted.
    pub policy_start_date: Option<String>,
}

/// A proposal for a customer's property (DASK, konut).
#[derive(Debug)]
#[napi(object)]
pub struct PropertyProposal {
    /// The customer who pays (sigorta ettiren).
    pub customer_id: CustomerId,
    /// The property.
    pub property_id: PropertyId,
    /// The customer who is insured (sigortalı); the payer when omitted.
    pub insured_customer_id: Option<CustomerId>,
    /// Coverage groups to price (at most 3); the agency's defaults when omitted.
    pub coverage_group_ids: Option<Vec<CoverageGroupId>>,
    /// Channel; `API` when omitted.
    pub channel: Option<Channel>,
    /// Branch; the client's branch when omitted.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Policy start date, `YYYY-MM-DD`; today when omitted.
    pub policy_start_date: Option<String>,
}

/// Any proposal, the branch named (`proposals.create`); the `create<Branch>` methods are shorter.
#[derive(Debug)]
#[napi(object, js_name = "NewProposal")]
pub struct NewProposalInput {
    /// Branch.
    pub product_branch: ProductBranch,
    /// The customer who pays (sigorta ettiren).
    pub insurer_customer_id: CustomerId,
    /// The customer who is insured (sigortalı); the payer when omitted.
    pub insured_customer_id: Option<CustomerId>,
    /// The vehicle, for kasko, trafik and İMM.
    pub vehicle_id: Option<VehicleId>,
    /// The property, for DASK and konut.
    pub property_id: Option<PropertyId>,
    /// Coverage groups to price (at most 3); the agency's defaults when omitted.
    pub coverage_group_ids: Option<Vec<CoverageGroupId>>,
    /// Channel; `API` when omitted.
    pub channel: Option<Channel>,
    /// Branch; the client's branch when omitted.
    pub agent_branch_id: Option<AgentBranchId>,
    /// Policy start date, `YYYY-MM-DD`; today when omitted.
    pub policy_start_date: Option<String>,
}

impl From<NewProposalInput> for NewProposal {
    fn from(input: NewProposalInput) -> Self {
        NewProposal {
            product_branch: input.product_branch,
            insurer_customer_id: input.insurer_customer_id,
            insured_customer_id: input.insured_customer_id,
            vehicle_id: input.vehicle_id,
            property_id: input.property_id,
            coverage_group_ids: input.coverage_group_ids.unwrap_or_default(),
            channel: input.channel,
            agent_branch_id: input.agent_branch_id,
            policy_start_date: input.policy_start_date,
        }
    }
}

impl VehicleProposal {
    fn into_new(self, branch: fn(CustomerId, VehicleId) -> NewProposal) -> NewProposal {
        NewProposal {
            insured_customer_id: self.insured_customer_id,
            coverage_group_ids: self.coverage_group_ids.unwrap_or_default(),
            channel: self.channel,
            agent_branch_id: self.agent_branch_id,
            policy_start_date: self.policy_start_date,
            ..branch(self.customer_id, self.vehicle_id)
        }
    }
}

impl PropertyProposal {
    fn into_new(self, branch: fn(CustomerId, PropertyId) -> NewProposal) -> NewProposal {
        NewProposal {
            insured_customer_id: self.insured_customer_id,
            coverage_group_ids: self.coverage_group_ids.unwrap_or_default(),
            channel: self.channel,
            agent_branch_id: self.agent_branch_id,
            policy_start_date: self.policy_start_date,
            ..branch(self.customer_id, self.property_id)
        }
    }
}

/// The core's wait options for `options` (seconds; the core's defaults for what is left out) and
/// the signal that cancels the call.
fn wait_options(env: &Env, options: Option<Unknown>) -> Result<(WaitOptions, Cancellation)> {
    let settings = read::<WaitSettings>(options.as_ref())?.unwrap_or_default();
    let cancellation = Cancellation::from_options(env, options.as_ref())?;
    Ok((WaitOptions::try_from(settings)?, cancellation))
}

resource! {
    "Proposals (`/api/proposals`): ask every insurer at once, then watch the answers arrive."
    Proposals(insurup::Proposals) {
        "Requests a proposal from every insurer the agency works with and returns it at once;"
        "products arrive over the next seconds (see `wait` and `watch`). Never sent twice."
        create(proposal: NewProposalInput) -> Proposal = create(proposal.into());
        "Requests a kasko (comprehensive motor) proposal."
        create_kasko(proposal: VehicleProposal) -> Proposal = create(proposal.into_new(NewProposal::kasko));
        "Requests a trafik (compulsory motor liability) proposal."
        create_trafik(proposal: VehicleProposal) -> Proposal = create(proposal.into_new(NewProposal::trafik));
        "Requests an İMM (voluntary motor liability) proposal."
        create_imm(proposal: VehicleProposal) -> Proposal = create(proposal.into_new(NewProposal::imm));
        "Requests a DASK (compulsory earthquake) proposal."
        create_dask(proposal: PropertyProposal) -> Proposal = create(proposal.into_new(NewProposal::dask));
        "Requests a konut (home) proposal."
        create_konut(proposal: PropertyProposal) -> Proposal = create(proposal.into_new(NewProposal::konut));
        "A proposal with its products."
        get(id: ProposalId) -> Proposal = get(&id);
        "The products of a proposal."
        products(id: ProposalId) -> Vec<Product> = products(&id);
        "One product of a proposal."
        product(id: ProposalId, product_id: ProposalProductId) -> Product = product(&id, &product_id);
        "Insurer-side references of one premium."
        premium_detail(id: ProposalId, product_id: ProposalProductId, installments: u32) -> PremiumDetail =
            premium_detail(&id, &product_id, installments);
        "The proposal document (PDF) of a product."
        document(id: ProposalId, product_id: ProposalProductId) -> Document = document(&id, &product_id);
        "The pre-sale information form (PDF) of a product."
        information_form(id: ProposalId, product_id: ProposalProductId) -> Document =
            information_form(&id, &product_id);
        "Asks a failed insurer again; the product goes back to waiting."
        retry_product(id: ProposalId, product_id: ProposalProductId) -> () = retry_product(&id, &product_id);
    }
}

#[napi]
impl Proposals {
    /// Waits until every insurer has answered and returns the proposal. At the deadline it
    /// returns what has arrived if at least one product can be bought, and rejects with a
    /// `TimeoutError` otherwise.
    #[napi(
        ts_args_type = "id: ProposalId, options?: WaitOptions & Abortable",
        ts_return_type = "Promise<Proposal>"
    )]
    pub fn wait<'env>(
        &self,
        env: &'env Env,
        id: ProposalId,
        options: Option<Unknown>,
    ) -> Result<PromiseRaw<'env, Proposal>> {
        let (options, cancellation) = wait_options(env, options)?;
        let proposals = self.0.clone();
        env.spawn_future(async move {
            cancellation
                .run(async { Ok(proposals.wait(&id, options).await?) })
                .await
        })
    }

    /// Watches a proposal: `for await (const update of client.proposals.watch(id))` yields the
    /// products that arrived since the previous update, until all have.
    #[napi(ts_args_type = "id: ProposalId, options?: WaitOptions & Abortable")]
    pub fn watch(
        &self,
        env: &Env,
        id: ProposalId,
        options: Option<Unknown>,
    ) -> Result<ProposalWatch> {
        let (options, cancellation) = wait_options(env, options)?;
        Ok(ProposalWatch(
            Mutex::new(self.0.watch(&id, options)?),
            cancellation,
        ))
    }

    /// The coverage table of a product (its shape differs per branch and insurer).
    #[napi(ts_return_type = "Promise<unknown>")]
    pub async fn coverage(
        &self,
        id: ProposalId,
        product_id: ProposalProductId,
    ) -> Result<serde_json::Value> {
        Ok(self.0.coverage(&id, &product_id).await?)
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

/// The cheapest product of `proposal` that can be bought in `installments` (1 = cash), by gross
/// premium; `null` when none can. Proposals returned by the client have it as a method:
/// `proposal.cheapestProduct(1)`.
#[napi]
pub fn cheapest_product(proposal: Proposal, installments: u32) -> Option<Product> {
    proposal.cheapest_product(installments).cloned()
}
