//! A typed builder for HotChocolate-style filters: `{field: {op: value}}`, `and`, `or`.

use std::marker::PhantomData;

use serde_json::{Map, Value, json};

/// A GraphQL filter. Build one from the field handles of [`PolicyFields`], [`ProposalFields`],
/// [`CustomerFields`], [`CaseFields`] and the other `…Fields`, combine with [`Filter::and`] and
/// [`Filter::or`], or take raw JSON with [`Filter::from_json`].
///
/// A filter may also hold Atlas Search clauses ([`StringField::search`]): like the vendor
/// client's unified filter, each is marked `"$search": true`, and the clauses so marked are sent
/// in the list's `search` argument, the others in `filter`. The server ANDs the two, so an `or`
/// that mixes search and filter clauses becomes an `or` in each; keep each `or` to one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter(Value);

/// The marker of a search clause inside a [`Filter`] (the vendor client's `SEARCH_MARKER`).
pub(crate) const SEARCH_MARKER: &str = "$search";

impl Filter {
    /// A filter given as JSON, e.g. `{"state": {"eq": "ACTIVE"}}`; it is sent as is.
    pub fn from_json(value: Value) -> Self {
        Filter(value)
    }

    /// The filter as JSON.
    pub fn to_json(&self) -> &Value {
        &self.0
    }

    fn on(field: &str, operation: &str, value: Value) -> Self {
        Filter(json!({ field: { operation: value } }))
    }

    /// Both this and `other`.
    pub fn and(self, other: impl Into<Filter>) -> Filter {
        Filter::all([self, other.into()])
    }

    /// This or `other`.
    pub fn or(self, other: impl Into<Filter>) -> Filter {
        Filter::any([self, other.into()])
    }

    /// True when the filter holds a search clause.
    pub fn has_search(&self) -> bool {
        let (_, search) = self.split();
        search.is_some()
    }

    /// The `filter` and `search` arguments this filter is sent as, either absent when empty.
    pub(crate) fn split(&self) -> (Option<Value>, Option<Value>) {
        split(&self.0)
    }

    /// Every filter must hold; nested `and`s are flattened.
    pub fn all(filters: impl IntoIterator<Item = Filter>) -> Filter {
        Filter::combine("and", filters)
    }

    /// At least one filter must hold.
    pub fn any(filters: impl IntoIterator<Item = Filter>) -> Filter {
        Filter::combine("or", filters)
    }

    fn combine(operator: &str, filters: impl IntoIterator<Item = Filter>) -> Filter {
        let mut parts = Vec::new();
        for Filter(value) in filters {
            match value {
                Value::Object(mut object) if object.len() == 1 && object.contains_key(operator) => {
                    if let Some(Value::Array(inner)) = object.remove(operator) {
                        parts.extend(inner);
                    }
                }
                other => parts.push(other),
            }
        }
        Filter(json!({ operator: parts }))
    }
}

/// Splits a unified filter into its filter and search halves (see [`Filter`]).
fn split(value: &Value) -> (Option<Value>, Option<Value>) {
    let Value::Object(object) = value else {
        return (Some(value.clone()), None);
    };
    let mut filter = Map::new();
    let mut search = Map::new();
    for (key, inner) in object {
        match (key.as_str(), inner) {
            ("and" | "or", Value::Array(items)) => {
                let (mut filters, mut searches) = (Vec::new(), Vec::new());
                for item in items {
                    let (f, s) = split(item);
                    filters.extend(f);
                    searches.extend(s);
                }
                if !filters.is_empty() {
                    filter.insert(key.clone(), Value::Array(filters));
                }
                if !searches.is_empty() {
                    search.insert(key.clone(), Value::Array(searches));
                }
            }
            (_, Value::Object(operations))
                if operations.get(SEARCH_MARKER) == Some(&Value::Bool(true)) =>
            {
                let mut operations = operations.clone();
                operations.remove(SEARCH_MARKER);
                search.insert(key.clone(), Value::Object(operations));
            }
            _ => {
                filter.insert(key.clone(), inner.clone());
            }
        }
    }
    let some = |map: Map<String, Value>| (!map.is_empty()).then_some(Value::Object(map));
    (some(filter), some(search))
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDirection {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// One sort key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// Field, as the API names it (`grossPremium`).
    pub field: String,
    /// Direction.
    pub direction: SortDirection,
}

impl Order {
    /// Ascending on a field given by its API name.
    pub fn asc(field: impl Into<String>) -> Self {
        Order {
            field: field.into(),
            direction: SortDirection::Asc,
        }
    }

    /// Descending on a field given by its API name.
    pub fn desc(field: impl Into<String>) -> Self {
        Order {
            field: field.into(),
            direction: SortDirection::Desc,
        }
    }

    /// Best search matches first: `order: [{searchScore: DESC}]`, for lists filtered with a
    /// search clause.
    pub fn search_score() -> Self {
        Order::desc("searchScore")
    }

    pub(crate) fn to_json(&self) -> Value {
        let direction = match self.direction {
            SortDirection::Asc => "ASC",
            SortDirection::Desc => "DESC",
        };
        json!({ self.field.clone(): direction })
    }
}

/// A text field: `eq`, `neq`, `in`, `nin`, `contains`, `notContains`, `startsWith`,
/// `notStartsWith`, `endsWith`, `notEndsWith`, and Atlas Search through [`StringField::search`].
#[derive(Debug, Clone, Copy)]
pub struct StringField(&'static str);

impl StringField {
    /// Equal to `value`.
    pub fn eq(self, value: impl Into<String>) -> Filter {
        Filter::on(self.0, "eq", Value::String(value.into()))
    }
    /// Not equal to `value`.
    pub fn neq(self, value: impl Into<String>) -> Filter {
        Filter::on(self.0, "neq", Value::String(value.into()))
    }
    /// One of `values`.
    pub fn is_in<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> Filter {
        let values = values
            .into_iter()
            .map(|v| Value::String(v.into()))
            .collect();
        Filter::on(self.0, "in", Value::Array(values))
    }
    /// Contains `text`.
    pub fn contains(self, text: impl Into<String>) -> Filter {
        Filter::on(self.0, "contains", Value::String(text.into()))
    }
    /// Starts with `text`.
    pub fn starts_with(self, text: impl Into<String>) -> Filter {
        Filter::on(self.0, "startsWith", Value::String(text.into()))
    }
    /// Ends with `text`.
    pub fn ends_with(self, text: impl Into<String>) -> Filter {
        Filter::on(self.0, "endsWith", Value::String(text.into()))
    }
    /// None of `values`.
    pub fn not_in<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> Filter {
        let values = values
            .into_iter()
            .map(|v| Value::String(v.into()))
            .collect();
        Filter::on(self.0, "nin", Value::Array(values))
    }
    /// Does not contain `text`.
    pub fn not_contains(self, text: impl Into<String>) -> Filter {
        Filter::on(self.0, "notContains", Value::String(text.into()))
    }
    /// Does not start with `text`.
    pub fn not_starts_with(self, text: impl Into<String>) -> Filter {
        Filter::on(self.0, "notStartsWith", Value::String(text.into()))
    }
    /// Does not end with `text`.
    pub fn not_ends_with(self, text: impl Into<String>) -> Filter {
        Filter::on(self.0, "notEndsWith", Value::String(text.into()))
    }
    /// Atlas Search on this field (sent in the `search` argument): `autocomplete`, `textSearch`,
    /// `wildcard`, … with an optional score boost. The server decides which fields are searchable.
    pub fn search(self) -> SearchField {
        SearchField(self.0)
    }
    /// Ascending order on this field.
    pub fn asc(self) -> Order {
        Order::asc(self.0)
    }
    /// Descending order on this field.
    pub fn desc(self) -> Order {
        Order::desc(self.0)
    }
}

/// An amount or count: `eq`, `neq`, `in`, `nin`, `gt`, `ngt`, `gte`, `ngte`, `lt`, `nlt`, `lte`,
/// `nlte`.
#[derive(Debug, Clone, Copy)]
pub struct NumberField(&'static str);

impl NumberField {
    /// Equal to `value`.
    pub fn eq(self, value: f64) -> Filter {
        Filter::on(self.0, "eq", json!(value))
    }
    /// Not equal to `value`.
    pub fn neq(self, value: f64) -> Filter {
        Filter::on(self.0, "neq", json!(value))
    }
    /// One of `values`.
    pub fn is_in(self, values: impl IntoIterator<Item = f64>) -> Filter {
        Filter::on(self.0, "in", json!(values.into_iter().collect::<Vec<_>>()))
    }
    /// None of `values`.
    pub fn not_in(self, values: impl IntoIterator<Item = f64>) -> Filter {
        Filter::on(self.0, "nin", json!(values.into_iter().collect::<Vec<_>>()))
    }
    /// Not greater than `value`.
    pub fn ngt(self, value: f64) -> Filter {
        Filter::on(self.0, "ngt", json!(value))
    }
    /// Less than `value` (not at least).
    pub fn ngte(self, value: f64) -> Filter {
        Filter::on(self.0, "ngte", json!(value))
    }
    /// Not less than `value`.
    pub fn nlt(self, value: f64) -> Filter {
        Filter::on(self.0, "nlt", json!(value))
    }
    /// Greater than `value` (not at most).
    pub fn nlte(self, value: f64) -> Filter {
        Filter::on(self.0, "nlte", json!(value))
    }
    /// Greater than `value`.
    pub fn gt(self, value: f64) -> Filter {
        Filter::on(self.0, "gt", json!(value))
    }
    /// At least `value`.
    pub fn gte(self, value: f64) -> Filter {
        Filter::on(self.0, "gte", json!(value))
    }
    /// Less than `value`.
    pub fn lt(self, value: f64) -> Filter {
        Filter::on(self.0, "lt", json!(value))
    }
    /// At most `value`.
    pub fn lte(self, value: f64) -> Filter {
        Filter::on(self.0, "lte", json!(value))
    }
    /// Between `min` and `max`, both included.
    pub fn between(self, min: f64, max: f64) -> Filter {
        self.gte(min).and(self.lte(max))
    }
    /// Ascending order on this field.
    pub fn asc(self) -> Order {
        Order::asc(self.0)
    }
    /// Descending order on this field.
    pub fn desc(self) -> Order {
        Order::desc(self.0)
    }
}

/// A date or timestamp, compared as ISO-8601 text (`2026-01-31` or RFC 3339).
#[derive(Debug, Clone, Copy)]
pub struct DateField(&'static str);

impl DateField {
    /// On `date`.
    pub fn eq(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "eq", Value::String(date.into()))
    }
    /// Not on `date`.
    pub fn neq(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "neq", Value::String(date.into()))
    }
    /// On one of `dates`.
    pub fn is_in<I: IntoIterator<Item = S>, S: Into<String>>(self, dates: I) -> Filter {
        let dates = dates.into_iter().map(|d| Value::String(d.into())).collect();
        Filter::on(self.0, "in", Value::Array(dates))
    }
    /// On none of `dates`.
    pub fn not_in<I: IntoIterator<Item = S>, S: Into<String>>(self, dates: I) -> Filter {
        let dates = dates.into_iter().map(|d| Value::String(d.into())).collect();
        Filter::on(self.0, "nin", Value::Array(dates))
    }
    /// Not after `date`.
    pub fn ngt(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "ngt", Value::String(date.into()))
    }
    /// Before `date` (not on or after).
    pub fn ngte(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "ngte", Value::String(date.into()))
    }
    /// Not before `date`.
    pub fn nlt(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "nlt", Value::String(date.into()))
    }
    /// After `date` (not on or before).
    pub fn nlte(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "nlte", Value::String(date.into()))
    }
    /// On or after `date`.
    pub fn gte(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "gte", Value::String(date.into()))
    }
    /// On or before `date`.
    pub fn lte(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "lte", Value::String(date.into()))
    }
    /// After `date`.
    pub fn gt(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "gt", Value::String(date.into()))
    }
    /// Before `date`.
    pub fn lt(self, date: impl Into<String>) -> Filter {
        Filter::on(self.0, "lt", Value::String(date.into()))
    }
    /// Between `from` and `to`, both included.
    pub fn between(self, from: impl Into<String>, to: impl Into<String>) -> Filter {
        self.gte(from).and(self.lte(to))
    }
    /// Ascending order on this field.
    pub fn asc(self) -> Order {
        Order::asc(self.0)
    }
    /// Descending order on this field.
    pub fn desc(self) -> Order {
        Order::desc(self.0)
    }
}

/// A yes/no field: `eq`, `neq`.
#[derive(Debug, Clone, Copy)]
pub struct BoolField(&'static str);

impl BoolField {
    /// Equal to `value`.
    pub fn eq(self, value: bool) -> Filter {
        Filter::on(self.0, "eq", Value::Bool(value))
    }
    /// Not equal to `value`.
    pub fn neq(self, value: bool) -> Filter {
        Filter::on(self.0, "neq", Value::Bool(value))
    }
    /// Ascending order on this field.
    pub fn asc(self) -> Order {
        Order::asc(self.0)
    }
    /// Descending order on this field.
    pub fn desc(self) -> Order {
        Order::desc(self.0)
    }
}

/// A list of texts, such as a user's `agentBranchIds`: `in`, `nin`, `eq`.
#[derive(Debug, Clone, Copy)]
pub struct StringListField(&'static str);

impl StringListField {
    fn strings<I: IntoIterator<Item = S>, S: Into<String>>(values: I) -> Value {
        Value::Array(
            values
                .into_iter()
                .map(|v| Value::String(v.into()))
                .collect(),
        )
    }
    /// Holds one of `values`.
    pub fn is_in<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> Filter {
        Filter::on(self.0, "in", Self::strings(values))
    }
    /// Holds none of `values`.
    pub fn not_in<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> Filter {
        Filter::on(self.0, "nin", Self::strings(values))
    }
    /// Is exactly `values`.
    pub fn eq<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> Filter {
        Filter::on(self.0, "eq", Self::strings(values))
    }
}

/// A list of objects, such as a customer's `consents`: `all`, `none`, `some` take a filter on
/// the items' fields; `any` asks whether the list has items.
#[derive(Debug, Clone, Copy)]
pub struct ListField(&'static str);

impl ListField {
    /// Every item matches `item`.
    pub fn all(self, item: impl Into<Filter>) -> Filter {
        Filter::on(self.0, "all", item.into().0)
    }
    /// No item matches `item`.
    pub fn none(self, item: impl Into<Filter>) -> Filter {
        Filter::on(self.0, "none", item.into().0)
    }
    /// At least one item matches `item`.
    pub fn some(self, item: impl Into<Filter>) -> Filter {
        Filter::on(self.0, "some", item.into().0)
    }
    /// The list has items (`true`) or is empty (`false`).
    pub fn any(self, has_items: bool) -> Filter {
        Filter::on(self.0, "any", Value::Bool(has_items))
    }
}

/// A score for a search clause: `boost` multiplies the match score, `constant` replaces it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Score {
    Boost(f64),
    Constant(f64),
}

/// An Atlas Search handle on a text field (from [`StringField::search`]).
#[derive(Debug, Clone, Copy)]
pub struct SearchField(&'static str);

/// One search clause; becomes a [`Filter`] (marked as search) where one is expected.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchClause {
    field: &'static str,
    operation: &'static str,
    value: Value,
    score: Option<Score>,
}

impl SearchField {
    fn text(self, operation: &'static str, text: impl Into<String>) -> SearchClause {
        SearchClause {
            field: self.0,
            operation,
            value: json!({ "value": text.into() }),
            score: None,
        }
    }
    fn list<I: IntoIterator<Item = S>, S: Into<String>>(
        self,
        operation: &'static str,
        values: I,
    ) -> SearchClause {
        let values: Vec<String> = values.into_iter().map(Into::into).collect();
        SearchClause {
            field: self.0,
            operation,
            value: json!({ "values": values }),
            score: None,
        }
    }
    /// Type-ahead match: words starting with `text` (what the Agent Panel's search box uses).
    pub fn autocomplete(self, text: impl Into<String>) -> SearchClause {
        self.text("autocomplete", text)
    }
    /// Full-text match.
    pub fn text_search(self, text: impl Into<String>) -> SearchClause {
        self.text("textSearch", text)
    }
    /// Wildcard match (`*` and `?`).
    pub fn wildcard(self, pattern: impl Into<String>) -> SearchClause {
        self.text("wildcard", pattern)
    }
    /// Exactly `text`.
    pub fn eq(self, text: impl Into<String>) -> SearchClause {
        self.text("eq", text)
    }
    /// Not `text`.
    pub fn neq(self, text: impl Into<String>) -> SearchClause {
        self.text("neq", text)
    }
    /// One of `values`.
    pub fn is_in<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> SearchClause {
        self.list("in", values)
    }
    /// None of `values`.
    pub fn not_in<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> SearchClause {
        self.list("nin", values)
    }
    /// Contains `text`.
    pub fn contains(self, text: impl Into<String>) -> SearchClause {
        self.text("contains", text)
    }
    /// Does not contain `text`.
    pub fn not_contains(self, text: impl Into<String>) -> SearchClause {
        self.text("notContains", text)
    }
    /// Starts with `text`.
    pub fn starts_with(self, text: impl Into<String>) -> SearchClause {
        self.text("startsWith", text)
    }
    /// Does not start with `text`.
    pub fn not_starts_with(self, text: impl Into<String>) -> SearchClause {
        self.text("notStartsWith", text)
    }
    /// Ends with `text`.
    pub fn ends_with(self, text: impl Into<String>) -> SearchClause {
        self.text("endsWith", text)
    }
    /// Does not end with `text`.
    pub fn not_ends_with(self, text: impl Into<String>) -> SearchClause {
        self.text("notEndsWith", text)
    }
}

impl SearchClause {
    /// Multiplies this clause's match score by `factor` (e.g. 3.0 to rank name matches first).
    pub fn boost(mut self, factor: f64) -> Self {
        self.score = Some(Score::Boost(factor));
        self
    }
    /// Gives every match of this clause the score `score`.
    pub fn constant(mut self, score: f64) -> Self {
        self.score = Some(Score::Constant(score));
        self
    }
    /// Both this and `other`.
    pub fn and(self, other: impl Into<Filter>) -> Filter {
        Filter::from(self).and(other)
    }
    /// This or `other`.
    pub fn or(self, other: impl Into<Filter>) -> Filter {
        Filter::from(self).or(other)
    }
}

impl From<SearchClause> for Filter {
    fn from(clause: SearchClause) -> Self {
        let mut value = clause.value;
        if let (Some(score), Some(object)) = (clause.score, value.as_object_mut()) {
            let score = match score {
                Score::Boost(factor) => json!({ "boost": factor }),
                Score::Constant(score) => json!({ "constant": score }),
            };
            object.insert("score".to_owned(), score);
        }
        Filter(json!({ clause.field: { clause.operation: value, SEARCH_MARKER: true } }))
    }
}

/// An enum field: `eq`, `neq`, `in`, `nin` with the SDK's enum type.
#[derive(Debug, Clone, Copy)]
pub struct EnumField<E>(&'static str, PhantomData<fn(E)>);

impl<E: AsWire> EnumField<E> {
    /// Equal to `value`.
    pub fn eq(self, value: E) -> Filter {
        Filter::on(self.0, "eq", Value::String(value.wire().to_owned()))
    }
    /// Not equal to `value`.
    pub fn neq(self, value: E) -> Filter {
        Filter::on(self.0, "neq", Value::String(value.wire().to_owned()))
    }
    /// One of `values`.
    pub fn is_in(self, values: impl IntoIterator<Item = E>) -> Filter {
        let values = values
            .into_iter()
            .map(|v| Value::String(v.wire().to_owned()))
            .collect();
        Filter::on(self.0, "in", Value::Array(values))
    }
    /// None of `values`.
    pub fn not_in(self, values: impl IntoIterator<Item = E>) -> Filter {
        let values = values
            .into_iter()
            .map(|v| Value::String(v.wire().to_owned()))
            .collect();
        Filter::on(self.0, "nin", Value::Array(values))
    }
    /// Ascending order on this field.
    pub fn asc(self) -> Order {
        Order::asc(self.0)
    }
    /// Descending order on this field.
    pub fn desc(self) -> Order {
        Order::desc(self.0)
    }
}

/// Enums that have a wire spelling.
pub trait AsWire {
    /// The value as the API spells it.
    fn wire(&self) -> &str;
}

macro_rules! as_wire {
    ($($ty:ty),*) => {$(
        impl AsWire for $ty {
            fn wire(&self) -> &str {
                self.as_str()
            }
        }
    )*};
}

use crate::model::{
    AgentUserState, CaseMainState, CaseStatus, CaseSubState, CaseType, Channel, ConsentType,
    CustomerType, PaymentOption, PolicyState, ProductBranch, ProposalState, WebhookEvent,
};
as_wire!(
    AgentUserState,
    CaseMainState,
    CaseStatus,
    CaseSubState,
    CaseType,
    Channel,
    ConsentType,
    CustomerType,
    PaymentOption,
    PolicyState,
    ProductBranch,
    ProposalState,
    WebhookEvent
);

/// Declares a namespace of typed field handles.
macro_rules! fields {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $method:ident: $kind:ident $(<$arg:ty>)? = $wire:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $name {
            $(
                $(#[$fmeta])*
                pub fn $method() -> $kind $(<$arg>)? {
                    fields!(@make $kind $wire)
                }
            )*
        }
    };
    (@make EnumField $wire:literal) => { EnumField($wire, PhantomData) };
    (@make $kind:ident $wire:literal) => { $kind($wire) };
}

fields! {
    /// Filterable fields of `policiesNew`.
    PolicyFields {
        /// Policy id.
        id: StringField = "id";
        /// State.
        state: EnumField<PolicyState> = "state";
        /// Branch.
        product_branch: EnumField<ProductBranch> = "productBranch";
        /// Insurer's name.
        insurance_company_name: StringField = "insuranceCompanyName";
        /// Insurer's policy number.
        insurance_company_policy_number: StringField = "insuranceCompanyPolicyNumber";
        /// Gross premium.
        gross_premium: NumberField = "grossPremium";
        /// Net premium.
        net_premium: NumberField = "netPremium";
        /// Commission.
        commission: NumberField = "commission";
        /// Start date.
        start_date: DateField = "startDate";
        /// End date.
        end_date: DateField = "endDate";
        /// Issue date.
        arrangement_date: DateField = "arrangementDate";
        /// Creation time.
        created_at: DateField = "createdAt";
        /// Insured customer's name.
        insured_customer_name: StringField = "insuredCustomerName";
        /// Insured customer's TCKN/VKN.
        insured_customer_identity_number: StringField = "insuredCustomerIdentityNumber";
        /// Vehicle plate.
        vehicle_plate: StringField = "vehiclePlate";
        /// Branch id.
        agent_branch_id: StringField = "agentBranchId";
        /// Insurer's id.
        insurance_company_id: NumberField = "insuranceCompanyId";
        /// How it was paid.
        payment_type: EnumField<PaymentOption> = "paymentType";
        /// Sales channel.
        channel: EnumField<Channel> = "channel";
        /// The customer who pays.
        insurer_customer_id: StringField = "insurerCustomerId";
        /// The insured customer.
        insured_customer_id: StringField = "insuredCustomerId";
        /// Endorsement number (0 for the policy as issued).
        endorsement_number: NumberField = "endorsementNumber";
        /// Change in net premium of an endorsement (`policiesExpanded`).
        net_premium_change: NumberField = "netPremiumChange";
        /// Change in gross premium of an endorsement (`policiesExpanded`).
        gross_premium_change: NumberField = "grossPremiumChange";
        /// Change in commission of an endorsement (`policiesExpanded`).
        commission_change: NumberField = "commissionChange";
    }
}

fields! {
    /// Filterable fields of `proposalsNew`.
    ProposalFields {
        /// Proposal id.
        id: StringField = "id";
        /// State.
        state: EnumField<ProposalState> = "state";
        /// Branch.
        product_branch: EnumField<ProductBranch> = "productBranch";
        /// Channel.
        channel: EnumField<Channel> = "channel";
        /// Creation time.
        created_at: DateField = "createdAt";
        /// Insured customer's name.
        insured_customer_name: StringField = "insuredCustomerName";
        /// Insured customer's TCKN/VKN.
        insured_customer_identity_number: StringField = "insuredCustomerIdentityNumber";
        /// Lowest premium.
        lowest_premium: NumberField = "lowestPremium";
        /// Highest premium.
        highest_premium: NumberField = "highestPremium";
        /// Vehicle plate.
        vehicle_plate: StringField = "vehiclePlate";
        /// Branch id.
        agent_branch_id: StringField = "agentBranchId";
        /// The customer who pays.
        insurer_customer_id: StringField = "insurerCustomerId";
        /// The insured customer.
        insured_customer_id: StringField = "insuredCustomerId";
        /// Share of insurers that answered with a premium.
        success_rate: NumberField = "successRate";
    }
}

fields! {
    /// Filterable fields of `customersNew`.
    CustomerFields {
        /// Customer id.
        id: StringField = "id";
        /// Name.
        name: StringField = "name";
        /// TCKN/VKN.
        identity_number: StringField = "identityNumber";
        /// E-mail.
        primary_email: StringField = "primaryEmail";
        /// Kind of customer.
        customer_type: EnumField<CustomerType> = "type";
        /// Creation time.
        created_at: DateField = "createdAt";
        /// Branch id.
        agent_branch_id: StringField = "agentBranchId";
        /// VKN (companies).
        tax_number: StringField = "taxNumber";
        /// Phone.
        primary_phone_number: StringField = "primaryPhoneNumber";
        /// Where the customer came from.
        creation_channel: EnumField<Channel> = "creationChannel";
        /// The customer's consents; e.g. `consents().some(ConsentFields::consent_type().eq(…)
        /// .and(ConsentFields::is_active().eq(true)))`.
        consents: ListField = "consents";
    }
}

fields! {
    /// Fields of the items of a customer's `consents` list (for [`ListField`] filters).
    ConsentFields {
        /// KVKK or ETK.
        consent_type: EnumField<ConsentType> = "consentType";
        /// In force.
        is_active: BoolField = "isActive";
    }
}

fields! {
    /// Filterable fields of `casesNew` and the legacy `cases` query.
    CaseFields {
        /// Case id.
        id: StringField = "id";
        /// Customer id.
        customer_id: StringField = "customerId";
        /// Kind of case.
        case_type: EnumField<CaseType> = "type";
        /// Status.
        status: EnumField<CaseStatus> = "status";
        /// Main state.
        main_state: EnumField<CaseMainState> = "mainState";
        /// Branch of the product.
        product_branch: EnumField<ProductBranch> = "productBranch";
        /// Creation time.
        created_at: DateField = "createdAt";
        /// Branch id.
        agent_branch_id: StringField = "agentBranchId";
        /// Sub-state.
        sub_state: EnumField<CaseSubState> = "subState";
        /// Channel.
        channel: EnumField<Channel> = "channel";
    }
}

fields! {
    /// Filterable fields of `agentUsersNew`.
    AgentUserFields {
        /// User id.
        id: StringField = "id";
        /// E-mail.
        email: StringField = "email";
        /// First name.
        first_name: StringField = "firstName";
        /// Last name.
        last_name: StringField = "lastName";
        /// Account state.
        state: EnumField<AgentUserState> = "state";
        /// Creation time.
        created_at: DateField = "createdAt";
        /// The branches the user works for.
        agent_branch_ids: StringListField = "agentBranchIds";
        /// Service accounts (OAuth clients) rather than people.
        is_service_account: BoolField = "isServiceAccount";
    }
}

fields! {
    /// Filterable fields of `policyTransfersNew`.
    PolicyTransferFields {
        /// Transfer id.
        id: StringField = "id";
        /// First day of the period.
        start_date: DateField = "startDate";
        /// Last day of the period.
        end_date: DateField = "endDate";
        /// Creation time.
        created_at: DateField = "createdAt";
        /// Policies transferred.
        succeeded_policy_count: NumberField = "succeededPolicyCount";
        /// Policies that could not be transferred.
        failed_policy_count: NumberField = "failedPolicyCount";
        /// Policies skipped.
        skipped_policy_count: NumberField = "skippedPolicyCount";
    }
}

fields! {
    /// Filterable fields of `webhookDeliveriesNew`.
    WebhookDeliveryFields {
        /// Delivery id.
        id: StringField = "id";
        /// The webhook.
        webhook_id: StringField = "webhookId";
        /// The event (UPPER_SNAKE, as subscriptions name it).
        event: EnumField<WebhookEvent> = "event";
        /// When it was sent.
        sent_at: DateField = "sentAt";
        /// The receiver's status code.
        status_code: NumberField = "statusCode";
        /// How long the receiver took.
        duration_ms: NumberField = "durationMs";
        /// True when the receiver answered 2xx.
        is_success: BoolField = "isSuccess";
        /// Why the delivery failed.
        error_message: StringField = "errorMessage";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_ands_are_flattened_and_ors_kept() {
        let filter = PolicyFields::state()
            .eq(PolicyState::Active)
            .and(PolicyFields::gross_premium().between(1000.0, 2000.0))
            .and(
                PolicyFields::insurance_company_name()
                    .contains("Anadolu")
                    .or(PolicyFields::insurance_company_name().contains("Allianz")),
            );
        let and = filter.to_json()["and"].as_array().expect("and list");
        assert_eq!(and.len(), 4);
        assert_eq!(and[3]["or"].as_array().map(Vec::len), Some(2));
    }
}
