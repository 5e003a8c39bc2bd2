//! The text and variables of a list query in each dialect: root field, input type names, sort
//! argument, connection selection and field names all differ (`tests/DIALECTS.md` rows 2–8).

use serde_json::{Map, Value, json};

use super::{DEFAULT_PAGE_SIZE, Filter, ListQuery};
use crate::dialect::Dialect;
use crate::error::{Error, Result};

/// How one list is named in the three dialects.
#[derive(Debug, Clone, Copy)]
pub struct ListSpec {
    /// The plural resource, as in `customersNew`: `customers` (also the legacy offset query's
    /// root).
    pub plural: &'static str,
    /// The root field in the docs' and vendor client's spelling: `customersNew`,
    /// `policiesExpanded`; the guide's is the same with `get` before it (`getCustomersNew`).
    pub root: &'static str,
    /// The guide's short type name, as in `CustomerFilterInput`.
    pub guide_type: &'static str,
    /// The model HotChocolate names the docs' and vendor's types after (`QueryCustomerModel`).
    pub model: &'static str,
    /// False where the guide documents no cursor connection (cases: the legacy offset query).
    pub guide_connection: bool,
    /// The selection in the guide's field names.
    pub guide_fields: &'static str,
    /// The selection in the docs' and vendor client's field names.
    pub current_fields: &'static str,
}

/// Filter keys spelt differently by the docs and the vendor client than by the guide.
const CURRENT_NAMES: [(&str, &str); 4] = [
    ("city", "cityText"),
    ("district", "districtText"),
    ("vehicleModelName", "vehicleModelTypeText"),
    ("vehiclePlate", "vehiclePlateCode"),
];

/// Lists the B2B guide documents no query for, and who does. The guide names only the
/// customer, proposal and policy connections and the legacy `cases` query; asking a guide server
/// for another list would mean inventing its spelling (`tests/DIALECTS.md` rows 26 and 28).
const NOT_IN_GUIDE: [(&str, &str); 4] = [
    (
        "agentUsersNew",
        "the GraphQL docs and the vendor client name it",
    ),
    (
        "policyTransfersNew",
        "the GraphQL docs and the vendor client name it",
    ),
    (
        "webhookDeliveriesNew",
        "the GraphQL docs and the vendor client name it",
    ),
    (
        "policiesExpanded",
        "only InsurUp's GraphQL docs document it",
    ),
];

/// A list query ready to send.
#[derive(Debug, Clone)]
pub(crate) struct ListRequest {
    pub text: String,
    pub variables: Value,
    /// The field of `data` the page is under.
    pub root: String,
    /// Set for the legacy offset query: the offset this page starts at.
    pub offset: Option<u64>,
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

impl ListSpec {
    fn fields(&self, dialect: Dialect) -> &'static str {
        if dialect.older_rest() {
            self.guide_fields
        } else {
            self.current_fields
        }
    }

    fn input_types(&self, dialect: Dialect) -> (String, String) {
        match dialect {
            Dialect::Guide => (
                format!("{}FilterInput", self.guide_type),
                format!("{}SortInput", self.guide_type),
            ),
            Dialect::GraphqlDocs => (
                format!("{}FilterInput", self.model),
                format!("{}SortInput", self.model),
            ),
            Dialect::VendorSdk => (
                format!("filtering_{}FilterInput", self.model),
                format!("sorting_{}SortInput", self.model),
            ),
        }
    }

    /// The type of the `search` argument; the guide documents none.
    fn search_type(&self, dialect: Dialect) -> Option<String> {
        match dialect {
            Dialect::Guide => None,
            Dialect::GraphqlDocs => Some(format!("{}SearchInput", self.model)),
            Dialect::VendorSdk => Some(format!("searching_{}FilterInput", self.model)),
        }
    }

    /// The query for one page of `query` in `dialect`, with its total count.
    pub(crate) fn request(&self, dialect: Dialect, query: &ListQuery) -> Result<ListRequest> {
        self.request_counting(dialect, query, true)
    }

    /// The query for one page of `query` in `dialect`; `count` selects `totalCount` (which the
    /// server computes for every page: leave it out when nobody reads it).
    pub(crate) fn request_counting(
        &self,
        dialect: Dialect,
        query: &ListQuery,
        count: bool,
    ) -> Result<ListRequest> {
        if dialect == Dialect::Guide
            && let Some((root, who)) = NOT_IN_GUIDE.iter().find(|(root, _)| *root == self.root)
        {
            return Err(Error::validation(
                *root,
                format!(
                    "this server speaks the B2B guide's GraphQL, which has no {root} list ({who})"
                ),
            ));
        }
        let (filter_type, sort_type) = self.input_types(dialect);
        let fields = self.fields(dialect);
        let (filter, search) = query.filter.as_ref().map_or((None, None), Filter::split);
        let filter = filter.map(|filter| spelt_for(dialect, &filter));
        let search = match (search, self.search_type(dialect)) {
            (None, _) => None,
            (Some(search), Some(search_type)) => Some((spelt_for(dialect, &search), search_type)),
            (Some(_), None) => {
                return Err(Error::validation(
                    "search",
                    format!(
                        "this server speaks the B2B guide's GraphQL, whose {} list has no search \
                         argument; use filter operators such as contains instead",
                        self.plural
                    ),
                ));
            }
        };
        let order = (!query.order.is_empty()).then(|| {
            Value::Array(
                query
                    .order
                    .iter()
                    .map(|order| spelt_for(dialect, &order.to_json()))
                    .collect(),
            )
        });
        if dialect == Dialect::Guide && !self.guide_connection {
            return self.offset_request(
                query,
                filter,
                order,
                (&filter_type, &sort_type),
                fields,
                count,
            );
        }
        let root = match dialect {
            Dialect::Guide => format!("get{}", capitalized(self.root)),
            Dialect::GraphqlDocs | Dialect::VendorSdk => self.root.to_owned(),
        };
        let order_argument = if dialect == Dialect::Guide {
            "orderBy"
        } else {
            "order"
        };
        // Matches are scored only when searching; the score is selected then.
        let fields = match &search {
            Some(_) => format!("{fields} searchScore"),
            None => fields.to_owned(),
        };
        let selection = match dialect {
            Dialect::Guide => format!("edges {{ node {{ {fields} }} }}"),
            Dialect::GraphqlDocs => format!("nodes {{ {fields} }}"),
            Dialect::VendorSdk => format!("edges {{ cursor node {{ {fields} }} }}"),
        };
        let (search_variable, search_argument) = match &search {
            Some((_, search_type)) => (
                format!(", $search: {search_type}"),
                ", search: $search".to_owned(),
            ),
            None => (String::new(), String::new()),
        };
        let total = if count { "totalCount " } else { "" };
        let text = format!(
            "query List($first: Int, $after: String, $last: Int, $before: String, \
             $filter: {filter_type}{search_variable}, ${order_argument}: [{sort_type}!]) {{ \
             {root}(first: $first, after: $after, last: $last, before: $before, filter: $filter\
             {search_argument}, {order_argument}: ${order_argument}) {{ {total}pageInfo {{ \
             hasNextPage hasPreviousPage startCursor endCursor }} {selection} }} }}"
        );
        let first = match (query.first, query.last) {
            (None, None) => Some(DEFAULT_PAGE_SIZE),
            (first, _) => first,
        };
        let mut variables = Map::new();
        put(&mut variables, "first", json!(first));
        put(&mut variables, "after", json!(query.after));
        put(&mut variables, "last", json!(query.last));
        put(&mut variables, "before", json!(query.before));
        put(&mut variables, "filter", filter.unwrap_or(Value::Null));
        if let Some((search, _)) = search {
            put(&mut variables, "search", search);
        }
        put(&mut variables, order_argument, order.unwrap_or(Value::Null));
        Ok(ListRequest {
            text,
            variables: Value::Object(variables),
            root,
            offset: None,
        })
    }

    /// The legacy `cases(skip, take, where, order)` query, paged by offset: the cursors this SDK
    /// hands out for it are offsets. Whether more rows follow is read from HotChocolate's
    /// `CollectionSegmentInfo` (`pageInfo { hasNextPage hasPreviousPage }`), so `totalCount` is
    /// selected only when asked for, as on the cursor connections.
    fn offset_request(
        &self,
        query: &ListQuery,
        filter: Option<Value>,
        order: Option<Value>,
        (filter_type, sort_type): (&str, &str),
        fields: &str,
        count: bool,
    ) -> Result<ListRequest> {
        if query.last.is_some() || query.before.is_some() {
            return Err(Error::validation(
                "last",
                format!(
                    "this server lists {} by offset, forward only; use first and after",
                    self.plural
                ),
            ));
        }
        let offset = match &query.after {
            None => 0,
            Some(cursor) => cursor.parse::<u64>().map_err(|_| {
                Error::validation(
                    "after",
                    format!(
                        "this server lists {} by offset; pass a cursor this SDK returned",
                        self.plural
                    ),
                )
            })?,
        };
        let root = self.plural.to_owned();
        let total = if count { "totalCount " } else { "" };
        let text = format!(
            "query List($skip: Int, $take: Int, $where: {filter_type}, $order: [{sort_type}!]) {{ \
             {root}(skip: $skip, take: $take, where: $where, order: $order) {{ {total}pageInfo \
             {{ hasNextPage hasPreviousPage }} items {{ {fields} }} }} }}"
        );
        let mut variables = Map::new();
        put(&mut variables, "skip", json!(offset));
        put(
            &mut variables,
            "take",
            json!(query.first.unwrap_or(DEFAULT_PAGE_SIZE)),
        );
        put(&mut variables, "where", filter.unwrap_or(Value::Null));
        put(&mut variables, "order", order.unwrap_or(Value::Null));
        Ok(ListRequest {
            text,
            variables: Value::Object(variables),
            root,
            offset: Some(offset),
        })
    }
}

fn put(variables: &mut Map<String, Value>, key: &str, value: Value) {
    if !value.is_null() {
        variables.insert(key.to_owned(), value);
    }
}

/// A filter or sort order with its field names spelt for `dialect`. The docs and the vendor
/// client split a plate into city and code, so a plate value loses its city digits.
fn spelt_for(dialect: Dialect, value: &Value) -> Value {
    if dialect.older_rest() {
        return value.clone();
    }
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(key, inner)| {
                    let renamed = CURRENT_NAMES
                        .iter()
                        .find(|(guide, _)| guide == key)
                        .map_or(key.as_str(), |(_, current)| current);
                    let inner = if key == "vehiclePlate" {
                        without_plate_city(inner)
                    } else {
                        spelt_for(dialect, inner)
                    };
                    (renamed.to_owned(), inner)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| spelt_for(dialect, v)).collect()),
        other => other.clone(),
    }
}

fn without_plate_city(value: &Value) -> Value {
    match value {
        Value::String(plate) => {
            let compact: String = plate.chars().filter(|c| !c.is_whitespace()).collect();
            Value::String(
                compact
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .to_owned(),
            )
        }
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(op, inner)| (op.clone(), without_plate_city(inner)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_plate_city).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graphql::PolicyFields;

    const POLICIES: ListSpec = ListSpec {
        plural: "policies",
        root: "policiesNew",
        guide_type: "Policy",
        model: "QueryPoliciesResult",
        guide_connection: true,
        guide_fields: "id vehiclePlate",
        current_fields: "id vehiclePlateCity vehiclePlateCode",
    };

    #[test]
    fn each_dialect_gets_its_own_names_and_shapes() {
        let query = ListQuery::first(10)
            .filter(PolicyFields::vehicle_plate().eq("34 ABC 123"))
            .order_by(PolicyFields::gross_premium().desc());
        let guide = POLICIES.request(Dialect::Guide, &query).expect("guide");
        assert!(guide.text.contains("getPoliciesNew("), "{}", guide.text);
        assert!(guide.text.contains("$filter: PolicyFilterInput"));
        assert!(guide.text.contains("orderBy: $orderBy"));
        assert!(guide.text.contains("edges { node { id vehiclePlate } }"));
        assert_eq!(
            guide.variables["filter"]["vehiclePlate"]["eq"],
            "34 ABC 123"
        );
        assert!(guide.variables.get("orderBy").is_some());

        let docs = POLICIES
            .request(Dialect::GraphqlDocs, &query)
            .expect("docs");
        assert!(docs.text.contains("policiesNew("));
        assert!(
            docs.text
                .contains("$filter: QueryPoliciesResultFilterInput")
        );
        assert!(
            docs.text
                .contains("$order: [QueryPoliciesResultSortInput!]")
        );
        assert!(
            docs.text
                .contains("nodes { id vehiclePlateCity vehiclePlateCode }")
        );
        assert_eq!(docs.variables["filter"]["vehiclePlateCode"]["eq"], "ABC123");

        let vendor = POLICIES
            .request(Dialect::VendorSdk, &query)
            .expect("vendor");
        assert!(
            vendor
                .text
                .contains("$filter: filtering_QueryPoliciesResultFilterInput")
        );
        assert!(
            vendor
                .text
                .contains("[sorting_QueryPoliciesResultSortInput!]")
        );
        assert!(vendor.text.contains("edges { cursor node {"));
    }

    #[test]
    fn a_list_the_guide_has_no_connection_for_is_paged_by_offset() {
        let cases = ListSpec {
            plural: "cases",
            root: "casesNew",
            guide_type: "Case",
            model: "QueryCaseModel",
            guide_connection: false,
            guide_fields: "id",
            current_fields: "id",
        };
        let page = cases
            .request(Dialect::Guide, &ListQuery::first(20).after("40"))
            .expect("offset");
        assert!(
            page.text.contains("cases(skip: $skip, take: $take"),
            "{}",
            page.text
        );
        assert_eq!(page.variables["skip"], 40);
        assert_eq!(page.variables["take"], 20);
        assert_eq!(page.offset, Some(40));
        assert!(page.text.contains("totalCount pageInfo { hasNextPage"));
        let uncounted = cases
            .request_counting(Dialect::Guide, &ListQuery::first(20), false)
            .expect("offset");
        assert!(!uncounted.text.contains("totalCount"), "{}", uncounted.text);
        assert!(
            uncounted
                .text
                .contains("pageInfo { hasNextPage hasPreviousPage }")
        );
        let error = cases
            .request(Dialect::Guide, &ListQuery::first(20).after("Y3Vyc29y"))
            .expect_err("not an offset");
        assert_eq!(error.field(), Some("after"));
    }

    #[test]
    fn a_list_the_guide_does_not_document_is_refused_in_its_dialect_only() {
        let users = ListSpec {
            plural: "agentUsers",
            root: "agentUsersNew",
            guide_type: "AgentUser",
            model: "QueryAgentUserResult",
            guide_connection: true,
            guide_fields: "id",
            current_fields: "id",
        };
        let error = users
            .request(Dialect::Guide, &ListQuery::first(5))
            .expect_err("the guide has no such list");
        assert_eq!(error.kind(), crate::ErrorKind::Validation);
        assert_eq!(error.field(), Some("agentUsersNew"));
        for dialect in [Dialect::GraphqlDocs, Dialect::VendorSdk] {
            let request = users
                .request(dialect, &ListQuery::first(5))
                .expect("documented");
            assert!(request.text.contains("agentUsersNew("), "{}", request.text);
        }
    }
}
