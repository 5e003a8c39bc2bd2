//! A typed builder for HotChocolate-style filters: `{field: {op: value}}`, `and`, `or`.

use std::marker::PhantomData;

use serde_json::{Value, json};

/// A GraphQL filter. Build one from the field handles of [`PolicyFields`], [`ProposalFields`],
/// [`CustomerFields`] and [`CaseFields`], combine with [`Filter::and`] and [`Filter::or`], or
/// take raw JSON with [`Filter::from_json`].
#[derive(Debug, Clone, PartialEq)]
pub struct Filter(Value);

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
    pub fn and(self, other: Filter) -> Filter {
        Filter::all([self, other])
    }

    /// This or `other`.
    pub fn or(self, other: Filter) -> Filter {
        Filter::any([self, other])
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

    pub(crate) fn to_json(&self) -> Value {
        let direction = match self.direction {
            SortDirection::Asc => "ASC",
            SortDirection::Desc => "DESC",
        };
        json!({ self.field.clone(): direction })
    }
}

/// A text field: `eq`, `neq`, `in`, `contains`, `startsWith`, `endsWith`.
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
    /// Ascending order on this field.
    pub fn asc(self) -> Order {
        Order::asc(self.0)
    }
    /// Descending order on this field.
    pub fn desc(self) -> Order {
        Order::desc(self.0)
    }
}

/// An amount or count: `eq`, `gt`, `gte`, `lt`, `lte`.
#[derive(Debug, Clone, Copy)]
pub struct NumberField(&'static str);

impl NumberField {
    /// Equal to `value`.
    pub fn eq(self, value: f64) -> Filter {
        Filter::on(self.0, "eq", json!(value))
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
    CaseMainState, CaseStatus, CaseType, Channel, CustomerType, PolicyState, ProductBranch,
    ProposalState,
};
as_wire!(
    CaseMainState,
    CaseStatus,
    CaseType,
    Channel,
    CustomerType,
    PolicyState,
    ProductBranch,
    ProposalState
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
