//! GraphQL lists (B2B guide §5): typed rows, a typed filter builder, sort orders and pages.
//!
//! Queries use the connection fields `customersNew`, `proposalsNew`, `policiesNew` and
//! `casesNew` with the filter and sort input names of the B2B guide (`PolicyFilterInput`, …).

mod filter;
mod rows;

#[doc(hidden)]
pub use crate::resources::decode_list_answer;
pub use filter::{
    CaseFields, CustomerFields, DateField, EnumField, Filter, NumberField, Order, PolicyFields,
    ProposalFields, SortDirection, StringField,
};
pub(crate) use rows::Connection;
pub use rows::Listing;
pub use rows::{
    AgentBranchRef, CasePage, CaseRow, CustomerPage, CustomerRow, PageInfo, PolicyPage, PolicyRow,
    ProposalPage, ProposalRow,
};

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

    /// Adds a filter (combined with `and` when one is set already).
    pub fn filter(mut self, filter: Filter) -> Self {
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

    pub(crate) fn variables(&self) -> serde_json::Value {
        let first = match (self.first, self.last) {
            (None, None) => Some(DEFAULT_PAGE_SIZE),
            (first, _) => first,
        };
        let mut vars = serde_json::Map::new();
        let mut put = |key: &str, value: serde_json::Value| {
            if !value.is_null() {
                vars.insert(key.to_owned(), value);
            }
        };
        put("first", serde_json::json!(first));
        put("after", serde_json::json!(self.after));
        put("last", serde_json::json!(self.last));
        put("before", serde_json::json!(self.before));
        put(
            "filter",
            self.filter
                .as_ref()
                .map_or(serde_json::Value::Null, |filter| filter.to_json().clone()),
        );
        if !self.order.is_empty() {
            put(
                "order",
                serde_json::Value::Array(self.order.iter().map(Order::to_json).collect()),
            );
        }
        serde_json::Value::Object(vars)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PolicyState;

    #[test]
    fn list_queries_become_graphql_variables() {
        let query = ListQuery::first(100)
            .filter(PolicyFields::state().eq(PolicyState::Active))
            .filter(PolicyFields::gross_premium().gte(1000.0))
            .order_by(PolicyFields::gross_premium().desc());
        insta::assert_json_snapshot!(query.variables(), @r#"
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
    fn page_sizes_outside_the_api_limits_are_refused() {
        assert_eq!(
            ListQuery::first(0).validate().expect_err("zero").field(),
            Some("first")
        );
        assert!(ListQuery::first(501).validate().is_err());
        assert!(ListQuery::first(500).validate().is_ok());
    }
}
