use insurup::{Case, Channel, CustomerId, NewSaleOpportunity, ProductBranch};

use crate::error::Result;

/// Cases (`/api/cases`): the CRM record of a sale opportunity.
#[derive(Debug, uniffi::Object)]
pub struct Cases(pub(crate) insurup::Cases);

#[uniffi::export(async_runtime = "tokio")]
impl Cases {
    /// Opens a sale opportunity and returns the case. Never retried once sent; see
    /// `ensure_sale_opportunity` for the duplicate-safe flow.
    pub async fn create_sale_opportunity(&self, opportunity: NewSaleOpportunity) -> Result<Case> {
        Ok(self.0.create_sale_opportunity(opportunity).await?)
    }

    /// A case by id or by reference (`SF-2026-001234`).
    pub async fn get(&self, id_or_ref: String) -> Result<Case> {
        Ok(self.0.get(&id_or_ref).await?)
    }

    /// The customer's newest open sale opportunity for `branch`, if any.
    pub async fn find_open_sale_opportunity(
        &self, customer_id: CustomerId, branch: ProductBranch,
    ) -> Result<Option<Case>> {
        Ok(self.0.find_open_sale_opportunity(&customer_id, branch).await?)
    }

    /// The customer's open sale opportunity for `branch`, opened now if there is none. Calls for
    /// the same customer and branch through one client never open two.
    pub async fn ensure_sale_opportunity(
        &self, customer_id: CustomerId, branch: ProductBranch, channel: Channel,
    ) -> Result<Case> {
        Ok(self.0.ensure_sale_opportunity(&customer_id, branch, channel).await?)
    }
}
