use std::time::Duration;

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;
use tokio::sync::Mutex;

use insurup::{
    AgentBranchId, Channel, CoverageGroupId, CustomerId, Document, NewProposal, PremiumDetail,
    Product, ProductBranch, PropertyId, Proposal, ProposalId, ProposalProductId, ProposalUpdate,
    VehicleId,
};

use crate::cancel::Cancellation;

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

/// Fills the optional fields both request shapes share into a proposal the core built.
fn with_details(
    mut proposal: NewProposal,
    insured_customer_id: Option<CustomerId>,
    coverage_group_ids: Option<Vec<CoverageGroupId>>,
    channel: Option<Channel>,
    agent_branch_id: Option<AgentBranchId>,
    policy_start_date: Option<String>,
) -> NewProposal {
    proposal.insured_customer_id = insured_customer_id;
    proposal.coverage_group_ids = coverage_group_ids.unwrap_or_default();
    proposal.channel = channel;
    proposal.agent_branch_id = agent_branch_id;
    proposal.policy_start_date = policy_start_date;
    proposal
}

impl VehicleProposal {
    fn into_new(self, branch: fn(CustomerId, VehicleId) -> NewProposal) -> NewProposal {
        with_details(
            branch(self.customer_id, self.vehicle_id),
            self.insured_customer_id,
            self.coverage_group_ids,
            self.channel,
            self.agent_branch_id,
            self.policy_start_date,
        )
    }
}

impl PropertyProposal {
    fn into_new(self, branch: fn(CustomerId, PropertyId) -> NewProposal) -> NewProposal {
        with_details(
            branch(self.customer_id, self.property_id),
            self.insured_customer_id,
            self.coverage_group_ids,
            self.channel,
            self.agent_branch_id,
            self.policy_start_date,
        )
    }
}

/// How long `wait` and `watch` wait and how often they look.
#[allow(missing_debug_implementations)] // Read once on the JS thread; JS handles have no Debug.
#[napi(object, object_to_js = false)]
pub struct WaitOptions<'env> {
    /// Give up after this many milliseconds; 90 000 by default.
    pub timeout_ms: Option<u32>,
    /// First pause between polls in milliseconds (500); grows by half each time.
    pub poll_interval_ms: Option<u32>,
    /// Longest pause between polls in milliseconds (4 000).
    pub max_poll_interval_ms: Option<u32>,
    /// Stops waiting when it fires; the call rejects with an `AbortError`.
    #[napi(ts_type = "AbortSignal")]
    pub signal: Option<Object<'env>>,
}

fn wait_options(
    env: &Env,
    options: Option<WaitOptions>,
) -> Result<(insurup::WaitOptions, Cancellation)> {
    let mut wait = insurup::WaitOptions::default();
    let Some(options) = options else {
        return Ok((wait, Cancellation::default()));
    };
    let millis = |ms: u32| Duration::from_millis(ms.into());
    if let Some(ms) = options.timeout_ms {
        wait.timeout = millis(ms);
    }
    if let Some(ms) = options.poll_interval_ms {
        wait.poll_interval = millis(ms);
    }
    if let Some(ms) = options.max_poll_interval_ms {
        wait.max_poll_interval = millis(ms);
    }
    let cancellation = Cancellation::from_signal(env, options.signal.as_ref())?;
    Ok((wait, cancellation))
}

/// Proposals (`/api/proposals`): ask every insurer at once, then watch the answers arrive.
#[derive(Debug)]
#[napi]
pub struct Proposals(pub(crate) insurup::Proposals);

#[napi]
impl Proposals {
    /// Requests a proposal from every insurer the agency works with and returns it at once;
    /// products arrive over the next seconds (see `wait` and `watch`). Never sent twice.
    #[napi]
    pub async fn create(&self, proposal: NewProposalInput) -> Result<Proposal> {
        Ok(self.0.create(proposal.into()).await?)
    }

    /// Requests a kasko (comprehensive motor) proposal.
    #[napi]
    pub async fn create_kasko(&self, proposal: VehicleProposal) -> Result<Proposal> {
        Ok(self.0.create(proposal.into_new(NewProposal::kasko)).await?)
    }

    /// Requests a trafik (compulsory motor liability) proposal.
    #[napi]
    pub async fn create_trafik(&self, proposal: VehicleProposal) -> Result<Proposal> {
        Ok(self
            .0
            .create(proposal.into_new(NewProposal::trafik))
            .await?)
    }

    /// Requests an İMM (voluntary motor liability) proposal.
    #[napi]
    pub async fn create_imm(&self, proposal: VehicleProposal) -> Result<Proposal> {
        Ok(self.0.create(proposal.into_new(NewProposal::imm)).await?)
    }

    /// Requests a DASK (compulsory earthquake) proposal.
    #[napi]
    pub async fn create_dask(&self, proposal: PropertyProposal) -> Result<Proposal> {
        Ok(self.0.create(proposal.into_new(NewProposal::dask)).await?)
    }

    /// Requests a konut (home) proposal.
    #[napi]
    pub async fn create_konut(&self, proposal: PropertyProposal) -> Result<Proposal> {
        Ok(self.0.create(proposal.into_new(NewProposal::konut)).await?)
    }

    /// A proposal with its products.
    #[napi]
    pub async fn get(&self, id: ProposalId) -> Result<Proposal> {
        Ok(self.0.get(&id).await?)
    }

    /// The products of a proposal.
    #[napi]
    pub async fn products(&self, id: ProposalId) -> Result<Vec<Product>> {
        Ok(self.0.products(&id).await?)
    }

    /// One product of a proposal.
    #[napi]
    pub async fn product(&self, id: ProposalId, product_id: ProposalProductId) -> Result<Product> {
        Ok(self.0.product(&id, &product_id).await?)
    }

    /// Waits until every insurer has answered and returns the proposal. At the deadline it
    /// returns what has arrived if at least one product can be bought, and rejects with a
    /// `TimeoutError` otherwise.
    #[napi(ts_return_type = "Promise<Proposal>")]
    pub fn wait<'env>(
        &self,
        env: &'env Env,
        id: ProposalId,
        options: Option<WaitOptions>,
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
    #[napi]
    pub fn watch(
        &self,
        env: &Env,
        id: ProposalId,
        options: Option<WaitOptions>,
    ) -> Result<ProposalWatch> {
        let (options, cancellation) = wait_options(env, options)?;
        Ok(ProposalWatch {
            watch: Mutex::new(self.0.watch(&id, options)?),
            cancellation,
        })
    }

    /// Insurer-side references of one premium.
    #[napi]
    pub async fn premium_detail(
        &self,
        id: ProposalId,
        product_id: ProposalProductId,
        installments: u32,
    ) -> Result<PremiumDetail> {
        Ok(self
            .0
            .premium_detail(&id, &product_id, installments)
            .await?)
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

    /// The proposal document (PDF) of a product.
    #[napi]
    pub async fn document(
        &self,
        id: ProposalId,
        product_id: ProposalProductId,
    ) -> Result<Document> {
        Ok(self.0.document(&id, &product_id).await?)
    }

    /// The pre-sale information form (PDF) of a product.
    #[napi]
    pub async fn information_form(
        &self,
        id: ProposalId,
        product_id: ProposalProductId,
    ) -> Result<Document> {
        Ok(self.0.information_form(&id, &product_id).await?)
    }

    /// Asks a failed insurer again; the product goes back to waiting.
    #[napi]
    pub async fn retry_product(&self, id: ProposalId, product_id: ProposalProductId) -> Result<()> {
        Ok(self.0.retry_product(&id, &product_id).await?)
    }
}

/// A proposal being watched; iterate it with `for await`.
#[derive(Debug)]
#[napi]
pub struct ProposalWatch {
    watch: Mutex<insurup::ProposalWatch>,
    cancellation: Cancellation,
}

#[napi]
impl ProposalWatch {
    /// The next change, or `null` after the final update. Each call polls until something
    /// changes or the deadline passes.
    #[napi]
    pub async fn next_update(&self) -> Result<Option<ProposalUpdate>> {
        let mut watch = self.watch.lock().await;
        self.cancellation
            .run(async { Ok(watch.next().await?) })
            .await
    }
}

/// The cheapest product of `proposal` that can be bought in `installments` (1 = cash), by gross
/// premium; `null` when none can. Proposals returned by the client have it as a method:
/// `proposal.cheapestProduct(1)`.
#[napi]
pub fn cheapest_product(proposal: Proposal, installments: u32) -> Option<Product> {
    proposal.cheapest_product(installments).cloned()
}
