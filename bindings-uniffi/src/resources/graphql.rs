use insurup::graphql::{
    CasePage, CaseRow, CustomerPage, CustomerRow, PolicyPage, PolicyRow, ProposalPage, ProposalRow,
};

use crate::error::{InsurUpError, Result, json_argument};

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SortDirection {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// One sort key.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SortOrder {
    /// Field, as the API names it (`grossPremium`).
    pub field: String,
    /// Direction.
    pub direction: SortDirection,
}

/// Which page to fetch and how to filter and sort it.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct ListQuery {
    /// Rows per page counting forward (50 when neither `first` nor `last` is given, at most 500).
    #[uniffi(default)]
    pub first: Option<u32>,
    /// Cursor to start after.
    #[uniffi(default)]
    pub after: Option<String>,
    /// Rows per page counting backward.
    #[uniffi(default)]
    pub last: Option<u32>,
    /// Cursor to end before.
    #[uniffi(default)]
    pub before: Option<String>,
    /// A filter as JSON text, sent as is: `{"state": {"eq": "ACTIVE"}}`, combined with
    /// `{"and": [...]}` / `{"or": [...]}`.
    #[uniffi(default)]
    pub filter: Option<String>,
    /// Sort order, most significant first.
    #[uniffi(default)]
    pub order: Vec<SortOrder>,
}

impl TryFrom<ListQuery> for insurup::ListQuery {
    type Error = InsurUpError;

    fn try_from(query: ListQuery) -> Result<Self> {
        let filter = match &query.filter {
            Some(text) => Some(insurup::Filter::from_json(json_argument("filter", text)?)),
            None => None,
        };
        Ok(insurup::ListQuery {
            first: query.first,
            after: query.after,
            last: query.last,
            before: query.before,
            filter,
            order: query
                .order
                .into_iter()
                .map(|order| match order.direction {
                    SortDirection::Asc => insurup::Order::asc(order.field),
                    SortDirection::Desc => insurup::Order::desc(order.field),
                })
                .collect(),
        })
    }
}

/// GraphQL lists (`POST /graphql`): one page, or a pager that walks every page.
#[derive(Debug, uniffi::Object)]
pub struct Graphql(pub(crate) insurup::Graphql);

#[uniffi::export(async_runtime = "tokio")]
impl Graphql {
    /// Runs any query with `variables` (JSON text) and returns its `data` as JSON text. GraphQL
    /// errors become the same error cases as REST errors.
    #[uniffi::method(default(variables = "{}"))]
    pub async fn execute(&self, query: String, variables: String) -> Result<String> {
        let variables = json_argument("variables", &variables)?;
        Ok(self.0.execute(&query, variables).await?.to_string())
    }

    /// One page of customers (`customersNew`).
    pub async fn customers(&self, query: ListQuery) -> Result<CustomerPage> {
        Ok(self.0.customers(&query.try_into()?).await?)
    }

    /// One page of proposals (`proposalsNew`).
    pub async fn proposals(&self, query: ListQuery) -> Result<ProposalPage> {
        Ok(self.0.proposals(&query.try_into()?).await?)
    }

    /// One page of policies (`policiesNew`).
    pub async fn policies(&self, query: ListQuery) -> Result<PolicyPage> {
        Ok(self.0.policies(&query.try_into()?).await?)
    }

    /// One page of cases (`casesNew`).
    pub async fn cases(&self, query: ListQuery) -> Result<CasePage> {
        Ok(self.0.cases(&query.try_into()?).await?)
    }

    /// Customer pages one by one, starting at `query` (Kotlin `Flow` / Swift `AsyncSequence`
    /// wrappers ship with the package).
    pub fn customer_pages(&self, query: ListQuery) -> Result<std::sync::Arc<CustomerPages>> {
        Ok(CustomerPages::new(self.0.customer_pages(query.try_into()?)))
    }

    /// Proposal pages one by one.
    pub fn proposal_pages(&self, query: ListQuery) -> Result<std::sync::Arc<ProposalPages>> {
        Ok(ProposalPages::new(self.0.proposal_pages(query.try_into()?)))
    }

    /// Policy pages one by one; memory stays bounded by one page however long the list is.
    pub fn policy_pages(&self, query: ListQuery) -> Result<std::sync::Arc<PolicyPages>> {
        Ok(PolicyPages::new(self.0.policy_pages(query.try_into()?)))
    }

    /// Case pages one by one.
    pub fn case_pages(&self, query: ListQuery) -> Result<std::sync::Arc<CasePages>> {
        Ok(CasePages::new(self.0.case_pages(query.try_into()?)))
    }
}

/// Declares a pager object over the core's `GraphqlPages<Row>`; the core follows the cursors.
macro_rules! pager {
    ($(#[$meta:meta])* $name:ident, $row:ty, $page:ty) => {
        $(#[$meta])*
        #[derive(Debug, uniffi::Object)]
        pub struct $name(tokio::sync::Mutex<insurup::GraphqlPages<$row>>);

        impl $name {
            fn new(pages: insurup::GraphqlPages<$row>) -> std::sync::Arc<Self> {
                std::sync::Arc::new($name(tokio::sync::Mutex::new(pages)))
            }
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $name {
            /// The next page, or null/nil after the last one. A failed page can be asked for
            /// again; concurrent calls take turns.
            pub async fn next_page(&self) -> Result<Option<$page>> {
                let mut pages = self.0.lock().await;
                pages.next_page().await.map_err(InsurUpError::from)
            }
        }
    };
}

pager!(
    /// Walks the customer list a page at a time.
    CustomerPages, CustomerRow, CustomerPage
);
pager!(
    /// Walks the proposal list a page at a time.
    ProposalPages, ProposalRow, ProposalPage
);
pager!(
    /// Walks the policy list a page at a time.
    PolicyPages, PolicyRow, PolicyPage
);
pager!(
    /// Walks the case list a page at a time.
    CasePages, CaseRow, CasePage
);
