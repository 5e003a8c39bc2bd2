//! Runs a list query over the store: HotChocolate-style `filter`/`where`, Atlas-style `search`,
//! `order`, then Relay cursors or offset paging. Inputs arrive already validated against the
//! dialect's schema, so only their meaning is checked here.

use std::cmp::Ordering;

use async_graphql::{ErrorExtensions, Name, Value};
use base64::Engine;
use time::{Date, OffsetDateTime};

use super::fields::{Field, Scalar, Ty};
use super::lists::ListDef;
use super::naming::ConnectionShape;
use crate::simulation::clock::{parse_date, parse_ts_or_date};
use crate::store::State as Data;

/// Rows per page when neither `first` nor `last` is given.
pub const DEFAULT_PAGE: usize = 50;

pub fn error(code: &'static str, message: impl Into<String>) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, e| e.set("code", code))
}

/// The list arguments a query gave.
#[derive(Debug, Default)]
pub struct ListArgs {
    pub first: Option<i64>,
    pub after: Option<String>,
    pub last: Option<i64>,
    pub before: Option<String>,
    pub skip: Option<i64>,
    pub take: Option<i64>,
    pub filter: Option<Value>,
    pub search: Option<Value>,
    pub order: Option<Value>,
}

/// A row that passed the filter and the search, with its search score.
struct Hit<'a, T> {
    row: &'a T,
    score: Option<f64>,
}

fn members(value: &Value) -> impl Iterator<Item = (&Name, &Value)> {
    match value {
        Value::Object(map) => Some(map.iter()),
        _ => None,
    }
    .into_iter()
    .flatten()
}

fn items(value: &Value) -> Vec<&Value> {
    match value {
        Value::List(list) => list.iter().collect(),
        Value::Null => Vec::new(),
        // GraphQL input coercion: a single value where a list is expected is a list of one.
        other => vec![other],
    }
}

fn field<'f, T>(fields: &'f [Field<T>], name: &str) -> Option<&'f Field<T>> {
    fields.iter().find(|f| f.name == name)
}

// ---------------------------------------------------------------- comparable values

/// A field value in a form that compares the way its GraphQL type does.
#[derive(Clone, Debug, PartialEq)]
enum Comparable {
    Null,
    Text(String),
    Number(f64),
    Time(OffsetDateTime),
    Day(Date),
    Flag(bool),
}

impl Comparable {
    fn of(ty: Ty, value: &Value) -> Self {
        match (ty, value) {
            (_, Value::Null) => Comparable::Null,
            (Ty::Scalar(Scalar::Int | Scalar::Float), Value::Number(n)) => {
                n.as_f64().map_or(Comparable::Null, Comparable::Number)
            }
            (Ty::Scalar(Scalar::DateTime), Value::String(s)) => {
                parse_ts_or_date(s).map_or(Comparable::Null, Comparable::Time)
            }
            (Ty::Scalar(Scalar::Date), Value::String(s)) => parse_date(s)
                .or_else(|| parse_ts_or_date(s).map(|t| t.date()))
                .map_or(Comparable::Null, Comparable::Day),
            (Ty::Scalar(Scalar::Uuid), Value::String(s)) => {
                Comparable::Text(s.to_ascii_lowercase())
            }
            (_, Value::Boolean(b)) => Comparable::Flag(*b),
            (_, Value::String(s)) => Comparable::Text(s.clone()),
            (_, Value::Enum(e)) => Comparable::Text(e.to_string()),
            (_, Value::Number(n)) => n.as_f64().map_or(Comparable::Null, Comparable::Number),
            _ => Comparable::Null,
        }
    }

    fn order(&self, other: &Self) -> Option<Ordering> {
        match (self, other) {
            (Comparable::Text(a), Comparable::Text(b)) => Some(a.cmp(b)),
            (Comparable::Number(a), Comparable::Number(b)) => a.partial_cmp(b),
            (Comparable::Time(a), Comparable::Time(b)) => Some(a.cmp(b)),
            (Comparable::Day(a), Comparable::Day(b)) => Some(a.cmp(b)),
            (Comparable::Flag(a), Comparable::Flag(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// Sort order: nulls first ascending, then by value.
    fn sort_cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Comparable::Null, Comparable::Null) => Ordering::Equal,
            (Comparable::Null, _) => Ordering::Less,
            (_, Comparable::Null) => Ordering::Greater,
            _ => self.order(other).unwrap_or(Ordering::Equal),
        }
    }
}

// ---------------------------------------------------------------- filter

/// Applies one field's operations. String `contains`/`startsWith`/`endsWith` ignore case, as
/// InsurUp's MongoDB collation does.
fn operations_match(ty: Ty, actual: &Value, ops: &Value) -> bool {
    let here = Comparable::of(ty, actual);
    let lower = || match &here {
        Comparable::Text(s) => Some(s.to_lowercase()),
        _ => None,
    };
    members(ops).all(|(op, operand)| {
        let operand_value = Comparable::of(ty, operand);
        let bound = |ok: fn(Ordering) -> bool| here.order(&operand_value).is_some_and(ok);
        let text = || match operand {
            Value::String(s) => Some(s.to_lowercase()),
            _ => None,
        };
        match op.as_str() {
            "and" => items(operand)
                .iter()
                .all(|o| operations_match(ty, actual, o)),
            "or" => items(operand)
                .iter()
                .any(|o| operations_match(ty, actual, o)),
            "eq" => here == operand_value,
            "neq" => here != operand_value,
            "in" => items(operand).iter().any(|o| Comparable::of(ty, o) == here),
            "nin" => !items(operand).iter().any(|o| Comparable::of(ty, o) == here),
            "gt" => bound(Ordering::is_gt),
            "ngt" => !bound(Ordering::is_gt),
            "gte" => bound(Ordering::is_ge),
            "ngte" => !bound(Ordering::is_ge),
            "lt" => bound(Ordering::is_lt),
            "nlt" => !bound(Ordering::is_lt),
            "lte" => bound(Ordering::is_le),
            "nlte" => !bound(Ordering::is_le),
            "contains" => lower().zip(text()).is_some_and(|(v, x)| v.contains(&x)),
            "notContains" => !lower().zip(text()).is_some_and(|(v, x)| v.contains(&x)),
            "startsWith" => lower().zip(text()).is_some_and(|(v, x)| v.starts_with(&x)),
            "notStartsWith" => !lower().zip(text()).is_some_and(|(v, x)| v.starts_with(&x)),
            "endsWith" => lower().zip(text()).is_some_and(|(v, x)| v.ends_with(&x)),
            "notEndsWith" => !lower().zip(text()).is_some_and(|(v, x)| v.ends_with(&x)),
            _ => true,
        }
    })
}

fn filter_matches<T>(filter: &Value, row: &T, data: &Data, fields: &[Field<T>]) -> bool {
    members(filter).all(|(name, ops)| match name.as_str() {
        "and" => items(ops)
            .iter()
            .all(|f| filter_matches(f, row, data, fields)),
        "or" => items(ops)
            .iter()
            .any(|f| filter_matches(f, row, data, fields)),
        other => field(fields, other).is_none_or(|f| {
            matches!(ops, Value::Null) || operations_match(f.ty, &(f.get)(row, data), ops)
        }),
    })
}

// ---------------------------------------------------------------- search

/// The score an operation contributes when it matches: `constant` replaces it, `boost`
/// multiplies the base score of 1.
fn operation_score(operand: &Value) -> f64 {
    let score = match operand {
        Value::Object(map) => map.get("score"),
        _ => None,
    };
    match score {
        Some(Value::Object(s)) => match (s.get("constant"), s.get("boost")) {
            (Some(Value::Number(c)), _) => c.as_f64().unwrap_or(1.0),
            (_, Some(Value::Number(b))) => b.as_f64().unwrap_or(1.0),
            _ => 1.0,
        },
        _ => 1.0,
    }
}

fn operand_texts(operand: &Value) -> Vec<String> {
    let Value::Object(map) = operand else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(Value::String(v)) = map.get("value") {
        out.push(v.to_lowercase());
    }
    if let Some(Value::List(vs)) = map.get("values") {
        out.extend(vs.iter().filter_map(|v| match v {
            Value::String(s) => Some(s.to_lowercase()),
            _ => None,
        }));
    }
    out
}

/// `*` and `?` globbing, as Atlas Search's `wildcard` operator.
fn wildcard(pattern: &[char], text: &[char]) -> bool {
    match (pattern.first(), text.first()) {
        (None, None) => true,
        (Some('*'), _) => {
            wildcard(&pattern[1..], text) || (!text.is_empty() && wildcard(pattern, &text[1..]))
        }
        (Some('?'), Some(_)) => wildcard(&pattern[1..], &text[1..]),
        (Some(p), Some(t)) if p == t => wildcard(&pattern[1..], &text[1..]),
        _ => false,
    }
}

fn search_operation(actual: &str, op: &str, operand: &Value) -> Option<f64> {
    let value = actual.to_lowercase();
    let words: Vec<&str> = value.split_whitespace().collect();
    let texts = operand_texts(operand);
    let hit = match op {
        "eq" | "in" => texts.contains(&value),
        "neq" | "nin" => !texts.contains(&value),
        "textSearch" => texts
            .iter()
            .any(|t| t.split_whitespace().any(|token| words.contains(&token))),
        "wildcard" => texts.iter().any(|t| {
            let pattern: Vec<char> = t.chars().collect();
            let chars: Vec<char> = value.chars().collect();
            wildcard(&pattern, &chars)
        }),
        "autocomplete" => texts.iter().any(|t| {
            value.starts_with(t.as_str()) || words.iter().any(|w| w.starts_with(t.as_str()))
        }),
        "contains" => texts.iter().any(|t| value.contains(t.as_str())),
        "notContains" => !texts.iter().any(|t| value.contains(t.as_str())),
        "startsWith" => texts.iter().any(|t| value.starts_with(t.as_str())),
        "notStartsWith" => !texts.iter().any(|t| value.starts_with(t.as_str())),
        "endsWith" => texts.iter().any(|t| value.ends_with(t.as_str())),
        "notEndsWith" => !texts.iter().any(|t| value.ends_with(t.as_str())),
        _ => true,
    };
    hit.then(|| operation_score(operand))
}

fn search_field(actual: &Value, ops: &Value) -> Option<f64> {
    let text = match actual {
        Value::String(s) => s.as_str(),
        _ => "",
    };
    let mut total = 0.0;
    for (op, operand) in members(ops) {
        let score = match op.as_str() {
            "and" => items(operand)
                .iter()
                .map(|o| search_field(actual, o))
                .sum::<Option<f64>>()?,
            "or" => {
                let scores: Vec<f64> = items(operand)
                    .iter()
                    .filter_map(|o| search_field(actual, o))
                    .collect();
                if scores.is_empty() {
                    return None;
                }
                scores.iter().sum()
            }
            other => search_operation(text, other, operand)?,
        };
        total += score;
    }
    Some(total)
}

/// `Some(score)` when the row matches the search, `None` when it does not.
fn search_score<T>(search: &Value, row: &T, data: &Data, fields: &[Field<T>]) -> Option<f64> {
    let mut total = 0.0;
    for (name, ops) in members(search) {
        let score = match name.as_str() {
            "and" => items(ops)
                .iter()
                .map(|s| search_score(s, row, data, fields))
                .sum::<Option<f64>>()?,
            "or" => {
                let scores: Vec<f64> = items(ops)
                    .iter()
                    .filter_map(|s| search_score(s, row, data, fields))
                    .collect();
                if scores.is_empty() {
                    return None;
                }
                scores.iter().sum()
            }
            other => match field(fields, other) {
                Some(f) => search_field(&(f.get)(row, data), ops)?,
                None => 0.0,
            },
        };
        total += score;
    }
    Some(total)
}

// ---------------------------------------------------------------- order

fn sort_terms(order: Option<&Value>) -> Vec<(String, bool)> {
    let mut terms = Vec::new();
    for entry in order.map(items).unwrap_or_default() {
        for (name, direction) in members(entry) {
            let descending = match direction {
                Value::Enum(d) => d.as_str() == "DESC",
                Value::String(d) => d == "DESC",
                _ => false,
            };
            terms.push((name.to_string(), descending));
        }
    }
    terms
}

/// The hits of a list, filtered, searched and ordered (newest first unless ordered otherwise).
fn select<'a, T>(def: &ListDef<T>, data: &'a Data, args: &ListArgs) -> Vec<Hit<'a, T>> {
    let fields = &def.fields;
    // Rows are stored oldest first, so newest-first is a reverse walk with no sort.
    let mut hits: Vec<Hit<'a, T>> = (def.rows)(data)
        .into_iter()
        .rev()
        .filter(|row| {
            args.filter
                .as_ref()
                .is_none_or(|f| filter_matches(f, *row, data, fields))
        })
        .filter_map(|row| match &args.search {
            Some(search) if !matches!(search, Value::Null) => {
                search_score(search, row, data, fields).map(|score| Hit {
                    row,
                    score: Some(score),
                })
            }
            _ => Some(Hit { row, score: None }),
        })
        .collect();
    let terms = sort_terms(args.order.as_ref());
    if !terms.is_empty() {
        let keyed: Vec<(Vec<Comparable>, Hit<'a, T>)> = hits
            .into_iter()
            .map(|hit| {
                let keys = terms
                    .iter()
                    .map(|(name, _)| match name.as_str() {
                        "searchScore" => hit.score.map_or(Comparable::Null, Comparable::Number),
                        other => field(fields, other).map_or(Comparable::Null, |f| {
                            Comparable::of(f.ty, &(f.get)(hit.row, data))
                        }),
                    })
                    .collect();
                (keys, hit)
            })
            .collect();
        let mut keyed = keyed;
        keyed.sort_by(|(a, ha), (b, hb)| {
            for ((ka, kb), (_, descending)) in a.iter().zip(b).zip(&terms) {
                let ord = ka.sort_cmp(kb);
                let ord = if *descending { ord.reverse() } else { ord };
                if ord.is_ne() {
                    return ord;
                }
            }
            (def.id)(ha.row).cmp((def.id)(hb.row))
        });
        hits = keyed.into_iter().map(|(_, hit)| hit).collect();
    }
    hits
}

// ---------------------------------------------------------------- paging

fn encode_cursor(id: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("cursor:{id}"))
}

fn decode_cursor(cursor: &str) -> async_graphql::Result<String> {
    base64::engine::general_purpose::STANDARD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("cursor:").map(str::to_owned))
        .ok_or_else(|| {
            error(
                "BAD_REQUEST",
                format!("'{cursor}' is not a cursor issued by this server"),
            )
        })
}

fn page_size(value: Option<i64>, name: &str, max: usize) -> async_graphql::Result<Option<usize>> {
    match value {
        None => Ok(None),
        Some(n) if n < 0 => Err(error(
            "BAD_REQUEST",
            format!("'{name}' must not be negative"),
        )),
        Some(n) if usize::try_from(n).unwrap_or(usize::MAX) > max => Err(error(
            "BAD_REQUEST",
            format!("'{name}' must not exceed {max}"),
        )),
        Some(n) => Ok(usize::try_from(n).ok()),
    }
}

/// A node: every field of the dialect, with the query's search score.
fn node<T>(fields: &[Field<T>], row: &T, data: &Data, score: Option<f64>) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|f| {
                let value = if f.name == "searchScore" {
                    score.map_or(Value::Null, Value::from)
                } else {
                    (f.get)(row, data)
                };
                (Name::new(f.name), value)
            })
            .collect(),
    )
}

fn count(n: usize) -> Value {
    Value::from(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A Relay connection over the list, with the members `shape` exposes.
pub fn connection<T>(
    def: &ListDef<T>,
    data: &Data,
    args: &ListArgs,
    shape: ConnectionShape,
    max: usize,
) -> async_graphql::Result<Value> {
    let hits = select(def, data, args);
    let first = page_size(args.first, "first", max)?;
    let last = page_size(args.last, "last", max)?;
    let position = |cursor: &str| -> async_graphql::Result<usize> {
        let target = decode_cursor(cursor)?;
        hits.iter()
            .position(|h| (def.id)(h.row) == target)
            .ok_or_else(|| {
                error(
                    "BAD_REQUEST",
                    "the cursor's row is no longer in this result",
                )
            })
    };
    let mut start = 0;
    let mut end = hits.len();
    if let Some(after) = &args.after {
        start = position(after)? + 1;
    }
    if let Some(before) = &args.before {
        end = position(before)?;
    }
    end = end.max(start);
    if let Some(n) = first {
        end = end.min(start + n);
    }
    if let Some(n) = last {
        start = start.max(end.saturating_sub(n));
    }
    if first.is_none() && last.is_none() {
        end = end.min(start + DEFAULT_PAGE);
    }
    let page = &hits[start..end];
    let cursors: Vec<String> = page
        .iter()
        .map(|h| encode_cursor((def.id)(h.row)))
        .collect();
    let nodes: Vec<Value> = page
        .iter()
        .map(|h| node(&def.fields, h.row, data, h.score))
        .collect();
    let mut out = async_graphql::indexmap::IndexMap::new();
    out.insert(Name::new("totalCount"), count(hits.len()));
    out.insert(
        Name::new("pageInfo"),
        super::fields::object([
            ("hasNextPage", Value::Boolean(end < hits.len())),
            ("hasPreviousPage", Value::Boolean(start > 0)),
            (
                "startCursor",
                cursors
                    .first()
                    .map_or(Value::Null, |c| Value::from(c.as_str())),
            ),
            (
                "endCursor",
                cursors
                    .last()
                    .map_or(Value::Null, |c| Value::from(c.as_str())),
            ),
        ]),
    );
    if shape.edges {
        let edges = cursors
            .iter()
            .zip(&nodes)
            .map(|(cursor, node)| {
                super::fields::object([
                    ("cursor", Value::from(cursor.as_str())),
                    ("node", node.clone()),
                ])
            })
            .collect();
        out.insert(Name::new("edges"), Value::List(edges));
    }
    if shape.nodes {
        out.insert(Name::new("nodes"), Value::List(nodes));
    }
    Ok(Value::Object(out))
}

/// The legacy offset page: `{totalCount, items, pageInfo {hasNextPage hasPreviousPage}}`.
pub fn segment<T>(
    def: &ListDef<T>,
    data: &Data,
    args: &ListArgs,
    max: usize,
) -> async_graphql::Result<Value> {
    let hits = select(def, data, args);
    let skip = usize::try_from(args.skip.unwrap_or(0))
        .map_err(|_| error("BAD_REQUEST", "'skip' must not be negative"))?;
    let take = page_size(args.take, "take", max)?.unwrap_or(DEFAULT_PAGE);
    let start = skip.min(hits.len());
    let end = (start + take).min(hits.len());
    let items = hits[start..end]
        .iter()
        .map(|h| node(&def.fields, h.row, data, h.score))
        .collect();
    Ok(super::fields::object([
        ("totalCount", count(hits.len())),
        ("items", Value::List(items)),
        (
            "pageInfo",
            super::fields::object([
                ("hasNextPage", Value::Boolean(end < hits.len())),
                ("hasPreviousPage", Value::Boolean(start > 0)),
            ]),
        ),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string_ops(ops: Value) -> impl Fn(&str) -> bool {
        move |v| operations_match(super::super::fields::STRING, &Value::from(v), &ops)
    }

    #[test]
    fn string_operations_combine_with_and_and_ignore_case_where_hotchocolate_does() {
        let ops = async_graphql::value!({"contains": "yil", "startsWith": "Ahmet"});
        let matches = string_ops(ops);
        assert!(matches("AHMET YILMAZ"));
        assert!(!matches("MEHMET YILMAZ"));
        let exact = string_ops(async_graphql::value!({"eq": "ahmet"}));
        assert!(!exact("AHMET"), "eq is exact");
    }

    #[test]
    fn ordered_operations_reject_nulls_and_respect_bounds() {
        let ops = async_graphql::value!({"gte": 10.0, "lt": 20.0});
        let ty = super::super::fields::FLOAT;
        assert!(operations_match(ty, &Value::from(10.0), &ops));
        assert!(!operations_match(ty, &Value::from(20.0), &ops));
        assert!(!operations_match(ty, &Value::Null, &ops));
    }

    #[test]
    fn search_scores_add_up_with_boosts_and_refuse_misses() {
        let ops =
            async_graphql::value!({"autocomplete": {"value": "ahm", "score": {"boost": 3.0}}});
        assert_eq!(search_field(&Value::from("AHMET YILMAZ"), &ops), Some(3.0));
        assert_eq!(search_field(&Value::from("MEHMET"), &ops), None);
        let glob = async_graphql::value!({"wildcard": {"value": "34*12?"}});
        assert_eq!(search_field(&Value::from("34ABC123"), &glob), Some(1.0));
    }
}
