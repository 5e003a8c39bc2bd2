//! HotChocolate-style filter operations and the scalars they compare.

use async_graphql::{
    InputObject, InputType, InputValueError, InputValueResult, Scalar, ScalarType, Value,
};
use time::{Date as TimeDate, OffsetDateTime};

use crate::clock::{fmt_date, fmt_ts, parse_date, parse_ts_or_date};
use crate::model::{
    CaseMainState, CaseStatus, CaseSubState, CaseType, Channel, CustomerType, PolicyState,
    ProductBranch, ProposalState,
};

/// RFC 3339 UTC timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime(pub OffsetDateTime);

#[Scalar(name = "DateTime")]
impl ScalarType for DateTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => parse_ts_or_date(s).map(DateTime).ok_or_else(|| {
                InputValueError::custom(format!("'{s}' is not an RFC 3339 timestamp"))
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(fmt_ts(self.0))
    }
}

/// Calendar date, `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub TimeDate);

#[Scalar(name = "Date")]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => parse_date(s)
                .or_else(|| parse_ts_or_date(s).map(|t| t.date()))
                .map(Date)
                .ok_or_else(|| InputValueError::custom(format!("'{s}' is not a YYYY-MM-DD date"))),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(fmt_date(self.0))
    }
}

#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum SortEnumType {
    Asc,
    Desc,
}

/// Text comparisons; `contains`, `startsWith` and `endsWith` ignore case.
#[derive(InputObject, Clone, Debug, Default)]
#[graphql(name = "StringOperationFilterInput")]
pub struct StringOps {
    eq: Option<String>,
    neq: Option<String>,
    #[graphql(name = "in")]
    in_: Option<Vec<String>>,
    nin: Option<Vec<String>>,
    contains: Option<String>,
    not_contains: Option<String>,
    starts_with: Option<String>,
    ends_with: Option<String>,
}

impl StringOps {
    pub fn matches(&self, value: Option<&str>) -> bool {
        let v = value.unwrap_or("");
        let lower = || v.to_lowercase();
        self.eq.as_deref().is_none_or(|x| value == Some(x))
            && self.neq.as_deref().is_none_or(|x| value != Some(x))
            && self
                .in_
                .as_ref()
                .is_none_or(|xs| xs.iter().any(|x| value == Some(x.as_str())))
            && self
                .nin
                .as_ref()
                .is_none_or(|xs| !xs.iter().any(|x| value == Some(x.as_str())))
            && self
                .contains
                .as_deref()
                .is_none_or(|x| value.is_some() && lower().contains(&x.to_lowercase()))
            && self
                .not_contains
                .as_deref()
                .is_none_or(|x| !lower().contains(&x.to_lowercase()))
            && self
                .starts_with
                .as_deref()
                .is_none_or(|x| value.is_some() && lower().starts_with(&x.to_lowercase()))
            && self
                .ends_with
                .as_deref()
                .is_none_or(|x| value.is_some() && lower().ends_with(&x.to_lowercase()))
    }
}

/// Ordered comparisons shared by numbers and dates. `None` (a null field) fails every bound.
#[derive(InputObject, Clone, Debug, Default)]
#[graphql(concrete(name = "FloatOperationFilterInput", params(f64)))]
#[graphql(concrete(name = "IntOperationFilterInput", params(i32)))]
#[graphql(concrete(name = "DateTimeOperationFilterInput", params(DateTime)))]
#[graphql(concrete(name = "DateOperationFilterInput", params(Date)))]
pub struct OrderedOps<T: InputType + PartialOrd + Copy> {
    eq: Option<T>,
    neq: Option<T>,
    #[graphql(name = "in")]
    in_: Option<Vec<T>>,
    nin: Option<Vec<T>>,
    gt: Option<T>,
    gte: Option<T>,
    lt: Option<T>,
    lte: Option<T>,
}

impl<T: InputType + PartialOrd + Copy> OrderedOps<T> {
    pub fn matches(&self, value: Option<T>) -> bool {
        let cmp = |bound: &Option<T>, ok: fn(&T, &T) -> bool| {
            bound
                .as_ref()
                .is_none_or(|b| value.as_ref().is_some_and(|v| ok(v, b)))
        };
        cmp(&self.eq, |v, b| v == b)
            && self.neq.as_ref().is_none_or(|b| value.as_ref() != Some(b))
            && self
                .in_
                .as_ref()
                .is_none_or(|xs| value.is_some_and(|v| xs.contains(&v)))
            && self
                .nin
                .as_ref()
                .is_none_or(|xs| !value.is_some_and(|v| xs.contains(&v)))
            && cmp(&self.gt, |v, b| v > b)
            && cmp(&self.gte, |v, b| v >= b)
            && cmp(&self.lt, |v, b| v < b)
            && cmp(&self.lte, |v, b| v <= b)
    }
}

#[derive(InputObject, Clone, Debug)]
#[graphql(concrete(name = "ProductBranchOperationFilterInput", params(ProductBranch)))]
#[graphql(concrete(name = "ProposalStateOperationFilterInput", params(ProposalState)))]
#[graphql(concrete(name = "PolicyStateOperationFilterInput", params(PolicyState)))]
#[graphql(concrete(name = "ChannelOperationFilterInput", params(Channel)))]
#[graphql(concrete(name = "CustomerTypeOperationFilterInput", params(CustomerType)))]
#[graphql(concrete(name = "CaseTypeOperationFilterInput", params(CaseType)))]
#[graphql(concrete(name = "CaseStatusOperationFilterInput", params(CaseStatus)))]
#[graphql(concrete(name = "CaseMainStateOperationFilterInput", params(CaseMainState)))]
#[graphql(concrete(name = "CaseSubStateOperationFilterInput", params(CaseSubState)))]
pub struct EnumOps<T: InputType + PartialEq + Copy> {
    eq: Option<T>,
    neq: Option<T>,
    #[graphql(name = "in")]
    in_: Option<Vec<T>>,
    nin: Option<Vec<T>>,
}

impl<T: InputType + PartialEq + Copy> EnumOps<T> {
    pub fn matches(&self, value: Option<T>) -> bool {
        self.eq.is_none_or(|x| value == Some(x))
            && self.neq.is_none_or(|x| value != Some(x))
            && self
                .in_
                .as_ref()
                .is_none_or(|xs| value.is_some_and(|v| xs.contains(&v)))
            && self
                .nin
                .as_ref()
                .is_none_or(|xs| !value.is_some_and(|v| xs.contains(&v)))
    }
}

/// A value to sort by. Nulls sort first ascending.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub enum SortKey<'a> {
    Null,
    Text(&'a str),
    Number(f64),
    Time(OffsetDateTime),
    Day(TimeDate),
}

impl SortKey<'_> {
    pub fn compare(&self, other: &Self) -> std::cmp::Ordering {
        self.partial_cmp(other).unwrap_or(std::cmp::Ordering::Equal)
    }
}

pub fn text(value: Option<&str>) -> SortKey<'_> {
    value.map_or(SortKey::Null, SortKey::Text)
}

pub fn number(value: Option<f64>) -> SortKey<'static> {
    value.map_or(SortKey::Null, SortKey::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_operations_combine_with_and() {
        let ops = StringOps {
            contains: Some("yil".into()),
            starts_with: Some("Ahmet".into()),
            ..StringOps::default()
        };
        assert!(ops.matches(Some("AHMET YILMAZ")));
        assert!(!ops.matches(Some("MEHMET YILMAZ")));
        assert!(!ops.matches(None));
    }

    #[test]
    fn ordered_operations_reject_nulls_and_respect_bounds() {
        let ops = OrderedOps::<f64> {
            gte: Some(10.0),
            lt: Some(20.0),
            ..OrderedOps::default()
        };
        assert!(ops.matches(Some(10.0)));
        assert!(!ops.matches(Some(20.0)));
        assert!(!ops.matches(None));
    }
}
