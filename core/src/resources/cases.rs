use crate::client::Client;
use crate::error::Result;
use crate::graphql::{CaseFields, ListQuery};
use crate::model::{
    Case, CaseStatus, CaseType, Channel, CustomerId, NewSaleOpportunity, ProductBranch,
};
use crate::transport::Request;
use crate::validate;

use super::CreatedId;

/// Cases (`/api/cases`): the CRM record of a sale opportunity.
#[derive(Debug, Clone)]
pub struct Cases {
    pub(super) client: Client,
}

impl Cases {
    pub(crate) fn new(client: Client) -> Self {
        Cases { client }
    }

    /// Opens a sale opportunity and returns the case. Never retried once sent; see
    /// [`Cases::ensure_sale_opportunity`] for the duplicate-safe flow.
    pub async fn create_sale_opportunity(&self, opportunity: NewSaleOpportunity) -> Result<Case> {
        validate::id("customer_id", opportunity.customer_id.as_str())?;
        if let Some(asset) = &opportunity.asset_id {
            validate::id("asset_id", asset)?;
        }
        let body = serde_json::json!({
            "customerId": opportunity.customer_id,
            "productBranch": opportunity.product_branch,
            "channel": opportunity.channel.clone().unwrap_or(Channel::Api),
            "assetType": opportunity.asset_type,
            "assetId": opportunity.asset_id,
            "agentBranchId": opportunity.agent_branch_id.as_ref().or(self.client.agent_branch_id()),
        });
        let request = Request::post(
            "/api/cases:new-sale-opportunity",
            "/api/cases:new-sale-opportunity",
        )
        .json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(&created.into_string()).await
    }

    /// A case by id or by reference (`SF-2026-001234`).
    pub async fn get(&self, id_or_ref: &str) -> Result<Case> {
        validate::id("case_id", id_or_ref)?;
        self.client
            .call(Request::get(
                "/api/cases/{ref}",
                format!("/api/cases/{id_or_ref}"),
            ))
            .await
    }

    /// The customer's newest open sale opportunity for `branch`, if any (the guides' open-case
    /// check, through the GraphQL cases list of the server's dialect).
    pub async fn find_open_sale_opportunity(
        &self,
        customer_id: &CustomerId,
        branch: ProductBranch,
    ) -> Result<Option<Case>> {
        validate::id("customer_id", customer_id.as_str())?;
        let filter = CaseFields::customer_id()
            .eq(customer_id.as_str())
            .and(CaseFields::status().eq(CaseStatus::Open))
            .and(CaseFields::case_type().eq(CaseType::SaleOpportunity))
            .and(CaseFields::product_branch().eq(branch));
        let newest_first = ListQuery::first(100)
            .filter(filter)
            .order_by(CaseFields::created_at().desc());
        let open = self.client.graphql().cases(&newest_first).await?;
        match open.items.into_iter().next() {
            Some(case) => self.get(case.id.as_str()).await.map(Some),
            None => Ok(None),
        }
    }

    /// The customer's open sale opportunity for `branch`, opened now if there is none. Calls for
    /// the same customer and branch through one client are serialised, so they never open two.
    pub async fn ensure_sale_opportunity(
        &self,
        customer_id: &CustomerId,
        branch: ProductBranch,
        channel: Channel,
    ) -> Result<Case> {
        let lock = self
            .client
            .case_lock(format!("{customer_id}/{branch}"))
            .await;
        let _guard = lock.lock().await;
        if let Some(open) = self
            .find_open_sale_opportunity(customer_id, branch.clone())
            .await?
        {
            return Ok(open);
        }
        self.create_sale_opportunity(NewSaleOpportunity {
            customer_id: customer_id.clone(),
            product_branch: branch,
            channel: Some(channel),
            asset_type: None,
            asset_id: None,
            agent_branch_id: None,
        })
        .await
    }
}
