//! GraphQL lists (B2B guide §5): typed rows, a typed filter builder, sort orders and pages.
//!
//! Queries are spelt in the server's dialect ([`crate::Dialect`]): `getPoliciesNew` with
//! `PolicyFilterInput` and `orderBy` for the guide, `policiesNew` with the docs' or the vendor
//! client's input types and `order` for the others; rows read either generation of field names.

mod filter;
mod query;
mod rows;

#[doc(hidden)]
pub use crate::resources::decode_list_answer;
pub use filter::{
    AgentUserFields, BoolField, CaseFields, ConsentFields, CustomerFields, DateField, EnumField,
    Filter, ListField, NumberField, Order, PolicyFields, PolicyTransferFields, ProposalFields,
    SearchClause, SearchField, SortDirection, StringField, StringListField, WebhookDeliveryFields,
};
#[doc(hidden)]
pub use query::ListSpec;
pub(crate) use rows::Connection;
pub use rows::Listing;
pub use rows::{
    AgentBranchRef, AgentUserBranch, AgentUserPage, AgentUserRole, AgentUserRow, CasePage, CaseRow,
    CustomerPage, CustomerRow, ExpandedPolicyPage, ExpandedPolicyRow, PageInfo, PolicyPage,
    PolicyRow, PolicyTransferPage, PolicyTransferRow, ProposalPage, ProposalRow,
    WebhookDeliveryPage, WebhookDeliveryRow,
};

/// True when a GraphQL document defines a mutation (or cannot be read, which counts as one: a
/// document of unknown effect is not retried after it may have been sent). Only the keywords at
/// the top level matter, so a scanner that skips strings, comments and selection sets is enough.
pub(crate) fn has_mutation(document: &str) -> bool {
    let text: Vec<char> = document.chars().collect();
    let mut at = 0;
    let mut depth = 0usize;
    let mut saw_operation = false;
    while at < text.len() {
        let c = text[at];
        if c.is_alphanumeric() || c == '_' {
            let start = at;
            while at < text.len() && (text[at].is_alphanumeric() || text[at] == '_') {
                at += 1;
            }
            if depth == 0 {
                match text[start..at].iter().collect::<String>().as_str() {
                    "mutation" | "subscription" => return true,
                    "query" => saw_operation = true,
                    _ => {}
                }
            }
            continue;
        }
        at += 1;
        match c {
            '#' => {
                while at < text.len() && text[at] != '\n' && text[at] != '\r' {
                    at += 1;
                }
            }
            '"' if text[at..].starts_with(&['"', '"']) => {
                // A block string: everything up to the next unescaped `"""`.
                at += 2;
                while at < text.len() && !text[at..].starts_with(&['"', '"', '"']) {
                    at += if text[at] == '\\' { 2 } else { 1 };
                }
                at += 3;
            }
            '"' => {
                while at < text.len() && text[at] != '"' {
                    at += if text[at] == '\\' { 2 } else { 1 };
                }
                at += 1;
            }
            '{' | '(' | '[' => {
                saw_operation |= depth == 0 && c == '{';
                depth += 1;
            }
            '}' | ')' | ']' => match depth.checked_sub(1) {
                Some(outer) => depth = outer,
                None => return true,
            },
            _ => {}
        }
    }
    depth != 0 || !saw_operation
}

/// Which page to fetch and how to filter and sort it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    /// Rows per page counting forward (default 50, at most 500).
    pub first: Option<u32>,
    /// Cursor to start after.
    pub after: Option<String>,
    /// Rows per page counting backward.
    pub last: Option<u32>,
    /// Cursor to end before.
    pub before: Option<String>,
    /// Filter; see [`Filter`].
    pub filter: Option<Filter>,
    /// Sort order, most significant first.
    pub order: Vec<Order>,
}

/// The default page size when neither `first` nor `last` is given.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
/// The largest page the API serves.
pub const MAX_PAGE_SIZE: u32 = 500;

impl ListQuery {
    /// The first `first` rows.
    pub fn first(first: u32) -> Self {
        ListQuery {
            first: Some(first),
            ..ListQuery::default()
        }
    }

    /// Adds a filter or search clause (combined with `and` when one is set already).
    pub fn filter(mut self, filter: impl Into<Filter>) -> Self {
        let filter = filter.into();
        self.filter = Some(match self.filter.take() {
            Some(existing) => existing.and(filter),
            None => filter,
        });
        self
    }

    /// Adds a sort order.
    pub fn order_by(mut self, order: Order) -> Self {
        self.order.push(order);
        self
    }

    /// Continues after `cursor`.
    pub fn after(mut self, cursor: impl Into<String>) -> Self {
        self.after = Some(cursor.into());
        self
    }

    pub(crate) fn validate(&self) -> crate::Result<()> {
        for (field, size) in [("first", self.first), ("last", self.last)] {
            if let Some(size) = size
                && !(1..=MAX_PAGE_SIZE).contains(&size)
            {
                return Err(crate::Error::validation(
                    field,
                    format!("must be between 1 and {MAX_PAGE_SIZE}"),
                ));
            }
        }
        if self.first.is_some() && self.last.is_some() {
            return Err(crate::Error::validation(
                "last",
                "give either first (forward paging) or last (backward paging), not both",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PolicyState;

    #[test]
    fn list_queries_become_graphql_variables() {
        use crate::graphql::Listing;
        let query = ListQuery::first(100)
            .filter(PolicyFields::state().eq(PolicyState::Active))
            .filter(PolicyFields::gross_premium().gte(1000.0))
            .order_by(PolicyFields::gross_premium().desc());
        let request = PolicyRow::SPEC
            .request(crate::Dialect::VendorSdk, &query)
            .expect("request");
        insta::assert_json_snapshot!(request.variables, @r#"
        {
          "filter": {
            "and": [
              {
                "state": {
                  "eq": "ACTIVE"
                }
              },
              {
                "grossPremium": {
                  "gte": 1000.0
                }
              }
            ]
          },
          "first": 100,
          "order": [
            {
              "grossPremium": "DESC"
            }
          ]
        }
        "#);
    }

    #[test]
    fn mutations_are_told_from_queries_at_the_top_level_only() {
        assert!(!has_mutation("{ customersNew { nodes { id } } }"));
        assert!(!has_mutation(
            "query List($first: Int) { policiesNew(first: $first) { totalCount } }"
        ));
        assert!(!has_mutation(
            "# mutation in a comment\nquery { a(text: \"mutation {\") { mutation } }"
        ));
        assert!(!has_mutation(
            "query { a(text: \"\"\"\n mutation \"quoted\" \"\"\") { b } } fragment F on X { mutation }"
        ));
        assert!(has_mutation("mutation Buy { purchase { id } }"));
        assert!(has_mutation("query A { a } mutation B { b }"));
        assert!(has_mutation("subscription { changes { id } }"));
        assert!(
            has_mutation("query { unbalanced "),
            "unreadable counts as a mutation"
        );
        assert!(has_mutation("   "), "no operation counts as one");
    }

    #[test]
    fn page_sizes_outside_the_api_limits_are_refused() {
        assert_eq!(
            ListQuery::first(0).validate().expect_err("zero").field(),
            Some("first")
        );
        assert!(ListQuery::first(501).validate().is_err());
        assert!(ListQuery::first(500).validate().is_ok());
    }
}
