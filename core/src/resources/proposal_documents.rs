//! A proposal after the insurers answered: revising it, its documents and their delivery to the
//! customer, the comparison PDF, what it was made from, and who looks after it.

use crate::dialect::Dialect;
use crate::error::{Error, Result};
use crate::model::{
    AgentBranchId, CoverageGroupId, CustomerId, Document, DocumentRecipient, Proposal, ProposalId,
    ProposalProductId, UserId,
};
use crate::transport::{Request, Response};
use crate::validate;

use super::{CreatedId, Proposals};

/// The most coverage groups a proposal prices.
const MAX_COVERAGE_GROUPS: usize = 3;

impl Proposals {
    async fn send_on_either_route(
        &self,
        build: impl Fn(Dialect) -> Result<Request>,
    ) -> Result<Response> {
        super::send_on_either_route(&self.client, build).await
    }

    /// Asks the insurers again with other coverage groups (the same ones when empty) and
    /// returns the new proposal, whose products arrive as the first one's did. Never retried
    /// once sent.
    pub async fn revise(
        &self,
        id: &ProposalId,
        coverage_group_ids: Vec<CoverageGroupId>,
    ) -> Result<Proposal> {
        validate::id("proposal_id", id.as_str())?;
        check_coverage_groups(&coverage_group_ids)?;
        let mut body = serde_json::json!({ "proposalId": id });
        if let (false, Some(object)) = (coverage_group_ids.is_empty(), body.as_object_mut()) {
            object.insert(
                "coverageGroupIds".to_owned(),
                serde_json::json!(coverage_group_ids),
            );
        }
        let request = Request::post(
            "/api/proposals/{id}/revise",
            format!("/api/proposals/{id}/revise"),
        )
        .json(&body)?;
        let created: CreatedId = self.client.call(request).await?;
        self.get(&ProposalId::new(created.into_string())).await
    }

    /// Asks one insurer again for a product with another coverage group or coverage (the
    /// coverage's shape differs per branch and insurer, as [`Proposals::coverage`] returns it).
    /// The product goes back to waiting. Never retried once sent.
    pub async fn revise_product(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
        coverage_group_id: Option<&CoverageGroupId>,
        coverage: Option<serde_json::Value>,
    ) -> Result<()> {
        validate::id("proposal_id", id.as_str())?;
        validate::id("product_id", product_id.as_str())?;
        if let Some(group) = coverage_group_id {
            validate::id("coverage_group_id", group.as_str())?;
        }
        if coverage.as_ref().is_some_and(|c| !c.is_object()) {
            return Err(Error::validation("coverage", "must be a JSON object"));
        }
        if coverage_group_id.is_none() && coverage.is_none() {
            return Err(Error::validation(
                "coverage",
                "give a coverage group or a coverage to revise the product with",
            ));
        }
        let mut body = serde_json::json!({
            "proposalId": id,
            "proposalProductId": product_id,
            "guaranteeGroupId": coverage_group_id,
            "coverage": coverage,
        });
        if let Some(object) = body.as_object_mut() {
            object.retain(|_, value| !value.is_null());
        }
        let request = Request::post(
            "/api/proposals/{id}/products/{productId}/revise",
            format!("/api/proposals/{id}/products/{product_id}/revise"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Sends a product's proposal document to the customer by e-mail or SMS.
    pub async fn send_document(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
        customer_id: &CustomerId,
        recipient: &DocumentRecipient,
    ) -> Result<()> {
        let body = delivery(id, Some(product_id), customer_id, recipient)?;
        let request = Request::post(
            "/api/proposals/{id}/products/{productId}/document/send",
            format!("/api/proposals/{id}/products/{product_id}/document/send"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Sends a product's pre-sale information form to the customer by e-mail or SMS. Only the
    /// form's read is named differently (`information-form-document` in the guides,
    /// `information-form` in the vendor client); every source sends it at
    /// `…/information-form/send`.
    pub async fn send_information_form(
        &self,
        id: &ProposalId,
        product_id: &ProposalProductId,
        customer_id: &CustomerId,
        recipient: &DocumentRecipient,
    ) -> Result<()> {
        let body = delivery(id, Some(product_id), customer_id, recipient)?;
        let request = Request::post(
            "/api/proposals/{id}/products/{productId}/information-form/send",
            format!("/api/proposals/{id}/products/{product_id}/information-form/send"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// A PDF comparing products of the proposal side by side, leaving out the named coverage
    /// fields. The docs fetch it with GET, the vendor client posts; the server's dialect goes
    /// first and the other verb is tried once after a 404 or 405.
    pub async fn compare_pdf(
        &self,
        id: &ProposalId,
        product_ids: &[ProposalProductId],
        excluded_coverage_fields: &[String],
    ) -> Result<Document> {
        validate::id("proposal_id", id.as_str())?;
        check_compared(product_ids)?;
        let body = serde_json::json!({
            "proposalId": id,
            "proposalProductIds": product_ids,
            "excludedCoverageFields": excluded_coverage_fields,
        });
        self.send_on_either_route(|dialect| {
            const ROUTE: &str = "/api/proposals/{id}/products/compare-pdf";
            let path = format!("/api/proposals/{id}/products/compare-pdf");
            if dialect.older_rest() {
                let mut request = Request::get(ROUTE, path);
                for product in product_ids {
                    request = request.query("proposalProductIds", product);
                }
                for field in excluded_coverage_fields {
                    request = request.query("excludedCoverageFields", field);
                }
                Ok(request)
            } else {
                Request::post(ROUTE, path).idempotent().json(&body)
            }
        })
        .await?
        .json()
    }

    /// Sends the comparison PDF of [`Proposals::compare_pdf`] to the customer.
    pub async fn send_compare_pdf(
        &self,
        id: &ProposalId,
        product_ids: &[ProposalProductId],
        excluded_coverage_fields: &[String],
        customer_id: &CustomerId,
        recipient: &DocumentRecipient,
    ) -> Result<()> {
        check_compared(product_ids)?;
        let mut body = delivery(id, None, customer_id, recipient)?;
        if let Some(object) = body.as_object_mut() {
            object.insert(
                "proposalProductIds".to_owned(),
                serde_json::json!(product_ids),
            );
            object.insert(
                "excludedCoverageFields".to_owned(),
                serde_json::json!(excluded_coverage_fields),
            );
        }
        let request = Request::post(
            "/api/proposals/{id}/products/compare-pdf/send",
            format!("/api/proposals/{id}/products/compare-pdf/send"),
        )
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// What the proposal was made from: the customers and the vehicle or property as they were
    /// when it was requested. Its shape differs per branch, so it is returned as JSON.
    pub async fn snapshot(&self, id: &ProposalId) -> Result<serde_json::Value> {
        validate::id("proposal_id", id.as_str())?;
        self.client
            .call(Request::get(
                "/api/proposals/{id}/snapshot",
                format!("/api/proposals/{id}/snapshot"),
            ))
            .await
    }

    /// The coverage the proposal was requested with, as JSON (its shape differs per branch).
    pub async fn proposal_coverage(&self, id: &ProposalId) -> Result<serde_json::Value> {
        validate::id("proposal_id", id.as_str())?;
        let answer: serde_json::Value = self
            .client
            .call(Request::get(
                "/api/proposals/{id}/coverage",
                format!("/api/proposals/{id}/coverage"),
            ))
            .await?;
        Ok(answer.get("coverage").cloned().unwrap_or(answer))
    }

    /// Hands a proposal to an agent user; `None` removes the representative.
    pub async fn set_representative(
        &self,
        id: &ProposalId,
        agent_user_id: Option<&UserId>,
    ) -> Result<()> {
        validate::id("proposal_id", id.as_str())?;
        if let Some(user) = agent_user_id {
            validate::id("agent_user_id", user.as_str())?;
        }
        let body = serde_json::json!({
            "proposalId": id,
            "representativeAgentUserId": agent_user_id,
        });
        let request = Request::post(
            "/api/proposals/{id}/representative",
            format!("/api/proposals/{id}/representative"),
        )
        .idempotent()
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }

    /// Moves a proposal to a branch; `None` removes the assignment.
    pub async fn set_branch(
        &self,
        id: &ProposalId,
        agent_branch_id: Option<&AgentBranchId>,
    ) -> Result<()> {
        validate::id("proposal_id", id.as_str())?;
        if let Some(branch) = agent_branch_id {
            validate::id("agent_branch_id", branch.as_str())?;
        }
        let body = serde_json::json!({ "proposalId": id, "agentBranchId": agent_branch_id });
        let request = Request::post(
            "/api/proposals/{id}/branch",
            format!("/api/proposals/{id}/branch"),
        )
        .idempotent()
        .json(&body)?;
        self.client.send(request).await.map(|_| ())
    }
}

/// The body of a document delivery: the ids, the customer and the `communication` member.
fn delivery(
    id: &ProposalId,
    product_id: Option<&ProposalProductId>,
    customer_id: &CustomerId,
    recipient: &DocumentRecipient,
) -> Result<serde_json::Value> {
    validate::id("proposal_id", id.as_str())?;
    if let Some(product) = product_id {
        validate::id("product_id", product.as_str())?;
    }
    validate::id("customer_id", customer_id.as_str())?;
    let communication = recipient.to_communication()?;
    let mut body = serde_json::json!({
        "proposalId": id,
        "customerId": customer_id,
        "communication": communication,
    });
    if let (Some(product), Some(object)) = (product_id, body.as_object_mut()) {
        object.insert("proposalProductId".to_owned(), serde_json::json!(product));
    }
    Ok(body)
}

fn check_coverage_groups(ids: &[CoverageGroupId]) -> Result<()> {
    if ids.len() > MAX_COVERAGE_GROUPS {
        return Err(Error::validation(
            "coverage_group_ids",
            format!("at most {MAX_COVERAGE_GROUPS} coverage groups"),
        ));
    }
    ids.iter()
        .try_for_each(|id| validate::id("coverage_group_ids", id.as_str()))
}

fn check_compared(product_ids: &[ProposalProductId]) -> Result<()> {
    if product_ids.is_empty() {
        return Err(Error::validation(
            "product_ids",
            "name the products to compare",
        ));
    }
    product_ids
        .iter()
        .try_for_each(|id| validate::id("product_ids", id.as_str()))
}
