//! What each dialect calls things in its GraphQL schema: root fields, argument names, input type
//! names and the shape of a connection. Everything here is a documented spelling (see
//! `tests/DIALECTS.md`); the schema builder only asks this module for names.

use super::fields::Scalar;
use super::lists::{Documented, Generation};
use crate::dialect::Dialect;

/// Which of a connection's members a dialect exposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionShape {
    /// `edges { node }`.
    pub edges: bool,
    /// `edges { cursor }` as well.
    pub edge_cursor: bool,
    /// `nodes`.
    pub nodes: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Naming {
    pub dialect: Dialect,
}

/// `customersNew` → `CustomersNew`.
pub fn pascal(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Naming {
    pub fn of(dialect: Dialect) -> Self {
        Self { dialect }
    }

    /// Node field names: the guide's, or the generation the GraphQL docs and the vendor share.
    pub fn generation(self) -> Generation {
        match self.dialect {
            Dialect::Guide => Generation::Guide,
            Dialect::GraphqlDocs | Dialect::VendorSdk => Generation::Current,
        }
    }

    /// The connection root fields of a list the dialect documents: the B2B guide prefixes them
    /// with `get` (as the C# method is named), HotChocolate's default strips it.
    pub fn connection_fields(self, connection: &str, documented: Documented) -> Vec<String> {
        let here = match documented {
            Documented::Everywhere => true,
            Documented::NotInGuide => self.dialect != Dialect::Guide,
            Documented::GraphqlDocsOnly => self.dialect == Dialect::GraphqlDocs,
        };
        match self.dialect {
            _ if !here => Vec::new(),
            Dialect::Guide => vec![format!("get{}", pascal(connection))],
            Dialect::GraphqlDocs | Dialect::VendorSdk => vec![connection.to_owned()],
        }
    }

    /// The connection's type name, which HotChocolate derives from the field name.
    pub fn connection_type(self, field: &str, _connection: &str) -> String {
        format!("{}Connection", pascal(field))
    }

    pub fn edge_type(self, field: &str, _connection: &str) -> String {
        format!("{}Edge", pascal(field))
    }

    /// `edges { node }` (guide), `nodes` (GraphQL docs), `edges { cursor node }` (vendor client).
    pub fn connection_shape(self) -> ConnectionShape {
        match self.dialect {
            Dialect::Guide => ConnectionShape {
                edges: true,
                edge_cursor: false,
                nodes: false,
            },
            Dialect::GraphqlDocs => ConnectionShape {
                edges: false,
                edge_cursor: false,
                nodes: true,
            },
            Dialect::VendorSdk => ConnectionShape {
                edges: true,
                edge_cursor: true,
                nodes: false,
            },
        }
    }

    /// The sort argument: the guide's `orderBy` or HotChocolate's `order`.
    pub fn sort_arguments(self) -> &'static [&'static str] {
        match self.dialect {
            Dialect::Guide => &["orderBy"],
            Dialect::GraphqlDocs | Dialect::VendorSdk => &["order"],
        }
    }

    /// Whether connections take the Atlas Search `search` argument (absent from the guide).
    pub fn has_search(self) -> bool {
        matches!(self.dialect, Dialect::GraphqlDocs | Dialect::VendorSdk)
    }

    /// `PolicyFilterInput` (guide), `QueryPoliciesResultFilterInput` (GraphQL docs),
    /// `filtering_QueryPoliciesResultFilterInput` (vendor client).
    pub fn filter_type(self, model: &str, short: &str) -> String {
        match self.dialect {
            Dialect::Guide => format!("{short}FilterInput"),
            Dialect::GraphqlDocs => format!("{model}FilterInput"),
            Dialect::VendorSdk => format!("filtering_{model}FilterInput"),
        }
    }

    /// `QueryPoliciesResultSearchInput` (GraphQL docs), `searching_QueryPoliciesResultFilterInput`
    /// (vendor client).
    pub fn search_type(self, model: &str) -> String {
        match self.dialect {
            Dialect::VendorSdk => format!("searching_{model}FilterInput"),
            _ => format!("{model}SearchInput"),
        }
    }

    pub fn sort_type(self, model: &str, short: &str) -> String {
        match self.dialect {
            Dialect::Guide => format!("{short}SortInput"),
            Dialect::GraphqlDocs => format!("{model}SortInput"),
            Dialect::VendorSdk => format!("sorting_{model}SortInput"),
        }
    }

    /// A filter operation type (`StringOperationFilterInput`); the vendor's schema scopes every
    /// filtering type with `filtering_` (its client names
    /// `filtering_FilterScalarListOperationFilterInputTypeOfStringTypeFilterInput`).
    pub fn operation_type(self, base: &str) -> String {
        match self.dialect {
            Dialect::VendorSdk => format!("filtering_{base}OperationFilterInput"),
            _ => format!("{base}OperationFilterInput"),
        }
    }

    /// A search type (`SearchStringOperationFilterInput`, `SearchTextInput`, …).
    pub fn search_operation_type(self, base: &str) -> String {
        match self.dialect {
            Dialect::VendorSdk => format!("searching_{base}"),
            _ => base.to_owned(),
        }
    }

    /// A scalar's name: the guide's schema has `Date` and plain string ids; HotChocolate's data
    /// types give the others `LocalDate`, `UUID` and `ObjectId`.
    pub fn scalar(self, scalar: Scalar) -> &'static str {
        let current = self.generation() == Generation::Current;
        match scalar {
            Scalar::String => "String",
            Scalar::Int => "Int",
            Scalar::Float => "Float",
            Scalar::Boolean => "Boolean",
            Scalar::DateTime => "DateTime",
            Scalar::Date if current => "LocalDate",
            Scalar::Date => "Date",
            Scalar::Uuid if current => "UUID",
            Scalar::ObjectId if current => "ObjectId",
            Scalar::Uuid | Scalar::ObjectId => "String",
        }
    }

    /// The base of a scalar's filter operation type (`LocalDate` → `LocalDateOperationFilterInput`).
    pub fn scalar_operation_base(self, scalar: Scalar) -> &'static str {
        match self.scalar(scalar) {
            "UUID" => "Uuid",
            other => other,
        }
    }
}
