//! Builds a dialect's GraphQL schema from the list catalogues: per list a node type, its filter,
//! search and sort inputs, its connection and the legacy offset segment, and the root fields that
//! serve them. One generic resolver per kind of root field serves every list.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use async_graphql::Value;
use async_graphql::dynamic::{
    Enum, Field as GqlField, FieldFuture, FieldValue, InputObject, InputValue, Object,
    ResolverContext, Scalar as GqlScalar, Schema, SchemaError, Type, TypeRef,
};

use super::fields::{EnumDef, Field, Leaf, ObjectDef, Scalar, Ty};
use super::lists::{self, ListDef};
use super::naming::{Naming, pascal};
use super::query::{self, ListArgs};
use crate::config::SandboxConfig;
use crate::simulation::clock::{parse_date, parse_ts_or_date};
use crate::state::AppState;

/// The dialect's schema, with the sandbox's depth and complexity limits.
pub fn build(config: &SandboxConfig) -> Result<Schema, SchemaError> {
    let naming = Naming::of(config.dialect);
    let generation = naming.generation();
    let mut builder = Builder {
        naming,
        registered: HashSet::new(),
        types: Vec::new(),
        query: Object::new("Query"),
        max_page: config.max_page_size,
    };
    builder.list(lists::customers(generation));
    builder.list(lists::proposals(generation));
    builder.list(lists::policies(generation));
    builder.list(lists::policies_expanded(generation));
    builder.list(lists::cases(generation));
    builder.list(lists::agent_users(generation));
    builder.list(lists::policy_transfers(generation));
    builder.list(lists::webhook_deliveries(generation));
    let Builder { types, query, .. } = builder;
    types
        .into_iter()
        .fold(Schema::build("Query", None, None), |schema, ty| {
            schema.register(ty)
        })
        .register(query)
        .limit_depth(20)
        .limit_complexity(5_000)
        .limit_recursive_depth(32)
        .finish()
}

struct Builder {
    naming: Naming,
    registered: HashSet<String>,
    types: Vec<Type>,
    query: Object,
    max_page: usize,
}

/// An output field that reads its value from the parent's JSON-like value by name.
fn member(name: &str, ty: TypeRef) -> GqlField {
    let key = name.to_owned();
    GqlField::new(name, ty, move |ctx| {
        let value = match ctx.parent_value.as_value() {
            Some(Value::Object(map)) => map
                .get(key.as_str())
                .filter(|v| !matches!(v, Value::Null))
                .cloned(),
            _ => None,
        };
        FieldFuture::from_value(value)
    })
}

fn required_or_not(name: String, required: bool) -> TypeRef {
    if required {
        TypeRef::named_nn(name)
    } else {
        TypeRef::named(name)
    }
}

fn is_date_time(v: &Value) -> bool {
    matches!(v, Value::String(s) if parse_ts_or_date(s).is_some())
}

fn is_date(v: &Value) -> bool {
    matches!(v, Value::String(s) if parse_date(s).is_some() || parse_ts_or_date(s).is_some())
}

fn is_uuid(v: &Value) -> bool {
    matches!(v, Value::String(s) if uuid::Uuid::parse_str(s).is_ok())
}

fn is_object_id(v: &Value) -> bool {
    matches!(v, Value::String(s) if s.len() == 24 && s.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Builder {
    /// Registers a type once; later registrations of the same name are ignored.
    fn first_time(&mut self, name: &str) -> bool {
        self.registered.insert(name.to_owned())
    }

    fn register(&mut self, ty: impl Into<Type>) {
        self.types.push(ty.into());
    }

    fn scalar(&mut self, scalar: Scalar) -> String {
        let name = self.naming.scalar(scalar);
        let validator: Option<fn(&Value) -> bool> = match name {
            "DateTime" => Some(is_date_time),
            "Date" | "LocalDate" => Some(is_date),
            "UUID" => Some(is_uuid),
            "ObjectId" => Some(is_object_id),
            _ => None,
        };
        if let Some(valid) = validator
            && self.first_time(name)
        {
            self.register(GqlScalar::new(name).validator(valid));
        }
        name.to_owned()
    }

    fn enumeration(&mut self, def: &EnumDef) -> String {
        if self.first_time(def.name) {
            self.register(Enum::new(def.name).items(def.values.iter().copied()));
        }
        def.name.to_owned()
    }

    fn leaf(&mut self, leaf: Leaf) -> String {
        match leaf {
            Leaf::Scalar(s) => self.scalar(s),
            Leaf::Enum(e) => self.enumeration(e),
        }
    }

    fn object(&mut self, def: &ObjectDef) -> String {
        if self.first_time(def.name) {
            let mut object = Object::new(def.name);
            for &(name, leaf, required) in def.fields {
                let ty = self.leaf(leaf);
                object = object.field(member(name, required_or_not(ty, required)));
            }
            self.register(object);
        }
        def.name.to_owned()
    }

    fn output_type(&mut self, ty: Ty, required: bool) -> TypeRef {
        match ty {
            Ty::Scalar(s) => required_or_not(self.scalar(s), required),
            Ty::Enum(e) => required_or_not(self.enumeration(e), required),
            Ty::Object(o) => required_or_not(self.object(o), required),
            Ty::ObjectList(o) => {
                let name = self.object(o);
                if required {
                    TypeRef::named_nn_list_nn(name)
                } else {
                    TypeRef::named_nn_list(name)
                }
            }
        }
    }

    fn sort_enum(&mut self) -> String {
        if self.first_time("SortEnumType") {
            self.register(Enum::new("SortEnumType").items(["ASC", "DESC"]));
        }
        "SortEnumType".to_owned()
    }

    /// The filter operation input for a field type (`StringOperationFilterInput`, …); `None` for
    /// nested objects, which the sandbox does not filter on.
    fn operations(&mut self, ty: Ty) -> Option<String> {
        let (name, value_type, kind) = match ty {
            Ty::Scalar(Scalar::String) => (
                self.naming.operation_type("String"),
                "String".to_owned(),
                "text",
            ),
            Ty::Scalar(Scalar::Boolean) => (
                self.naming.operation_type("Boolean"),
                "Boolean".to_owned(),
                "flag",
            ),
            Ty::Scalar(s) => {
                let base = self.naming.scalar_operation_base(s);
                let value_type = self.scalar(s);
                let kind = if value_type == "String" {
                    "text"
                } else {
                    "ordered"
                };
                (self.naming.operation_type(base), value_type, kind)
            }
            Ty::Enum(e) => {
                let value_type = self.enumeration(e);
                (self.naming.operation_type(e.name), value_type, "enum")
            }
            Ty::Object(_) | Ty::ObjectList(_) => return None,
        };
        if self.first_time(&name) {
            let mut input = InputObject::new(&name);
            let one = || TypeRef::named(&value_type);
            let many = || TypeRef::named_list(&value_type);
            match kind {
                "text" => {
                    input = input
                        .field(InputValue::new("and", TypeRef::named_nn_list(&name)))
                        .field(InputValue::new("or", TypeRef::named_nn_list(&name)))
                        .field(InputValue::new("eq", one()))
                        .field(InputValue::new("neq", one()))
                        .field(InputValue::new("in", many()))
                        .field(InputValue::new("nin", many()));
                    for op in [
                        "contains",
                        "notContains",
                        "startsWith",
                        "notStartsWith",
                        "endsWith",
                        "notEndsWith",
                    ] {
                        input = input.field(InputValue::new(op, one()));
                    }
                }
                "flag" => {
                    input = input
                        .field(InputValue::new("eq", one()))
                        .field(InputValue::new("neq", one()));
                }
                "enum" => {
                    input = input
                        .field(InputValue::new("eq", one()))
                        .field(InputValue::new("neq", one()))
                        .field(InputValue::new("in", TypeRef::named_nn_list(&value_type)))
                        .field(InputValue::new("nin", TypeRef::named_nn_list(&value_type)));
                }
                _ => {
                    input = input
                        .field(InputValue::new("eq", one()))
                        .field(InputValue::new("neq", one()))
                        .field(InputValue::new("in", many()))
                        .field(InputValue::new("nin", many()));
                    for op in ["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"] {
                        input = input.field(InputValue::new(op, one()));
                    }
                }
            }
            self.register(input);
        }
        Some(name)
    }

    /// The Atlas Search operation input (`SearchStringOperationFilterInput`) and its parts.
    fn search_operations(&mut self) -> String {
        let ops = self
            .naming
            .search_operation_type("SearchStringOperationFilterInput");
        if self.first_time(&ops) {
            let score = self.naming.search_operation_type("SearchScoreInput");
            let text = self.naming.search_operation_type("SearchTextInput");
            let list = self.naming.search_operation_type("SearchTextListInput");
            self.register(
                InputObject::new(&score)
                    .field(InputValue::new("boost", TypeRef::named(TypeRef::FLOAT)))
                    .field(InputValue::new("constant", TypeRef::named(TypeRef::FLOAT))),
            );
            self.register(
                InputObject::new(&text)
                    .field(InputValue::new("value", TypeRef::named_nn(TypeRef::STRING)))
                    .field(InputValue::new("score", TypeRef::named(&score))),
            );
            self.register(
                InputObject::new(&list)
                    .field(InputValue::new(
                        "values",
                        TypeRef::named_nn_list_nn(TypeRef::STRING),
                    ))
                    .field(InputValue::new("score", TypeRef::named(&score))),
            );
            let mut input = InputObject::new(&ops)
                .field(InputValue::new("and", TypeRef::named_nn_list(&ops)))
                .field(InputValue::new("or", TypeRef::named_nn_list(&ops)));
            for op in ["eq", "neq"] {
                input = input.field(InputValue::new(op, TypeRef::named(&text)));
            }
            for op in ["in", "nin"] {
                input = input.field(InputValue::new(op, TypeRef::named(&list)));
            }
            for op in [
                "textSearch",
                "wildcard",
                "autocomplete",
                "contains",
                "notContains",
                "startsWith",
                "notStartsWith",
                "endsWith",
                "notEndsWith",
            ] {
                input = input.field(InputValue::new(op, TypeRef::named(&text)));
            }
            self.register(input);
        }
        ops
    }

    fn page_info(&mut self) -> String {
        if self.first_time("PageInfo") {
            self.register(
                Object::new("PageInfo")
                    .field(member("hasNextPage", TypeRef::named_nn(TypeRef::BOOLEAN)))
                    .field(member(
                        "hasPreviousPage",
                        TypeRef::named_nn(TypeRef::BOOLEAN),
                    ))
                    .field(member("startCursor", TypeRef::named(TypeRef::STRING)))
                    .field(member("endCursor", TypeRef::named(TypeRef::STRING))),
            );
        }
        "PageInfo".to_owned()
    }

    fn segment_info(&mut self) -> String {
        if self.first_time("CollectionSegmentInfo") {
            self.register(
                Object::new("CollectionSegmentInfo")
                    .field(member("hasNextPage", TypeRef::named_nn(TypeRef::BOOLEAN)))
                    .field(member(
                        "hasPreviousPage",
                        TypeRef::named_nn(TypeRef::BOOLEAN),
                    )),
            );
        }
        "CollectionSegmentInfo".to_owned()
    }

    /// Everything one list needs, and its root fields. A list the dialect does not document adds
    /// nothing; lists over the same model (`policiesNew`, `policiesExpanded`) share its types.
    fn list<T: Send + Sync + 'static>(&mut self, def: ListDef<T>) {
        let def = Arc::new(def);
        let naming = self.naming;
        let connections = naming.connection_fields(def.connection, def.documented);
        if connections.is_empty() && def.legacy.is_none() {
            return;
        }

        if self.first_time(def.model) {
            let mut node = Object::new(def.model);
            for f in &def.fields {
                let ty = self.output_type(f.ty, f.required);
                node = node.field(member(f.name, ty));
            }
            self.register(node);
        }

        let filter = self.filter_input(&def);
        let search = naming.has_search().then(|| self.search_input(&def));
        let sort = self.sort_input(&def);

        for field in connections {
            let connection = self.connection_type(&def, &field);
            let mut root = self.connection_field(&def, &field, connection);
            root = root
                .argument(InputValue::new("first", TypeRef::named(TypeRef::INT)))
                .argument(InputValue::new("after", TypeRef::named(TypeRef::STRING)))
                .argument(InputValue::new("last", TypeRef::named(TypeRef::INT)))
                .argument(InputValue::new("before", TypeRef::named(TypeRef::STRING)))
                .argument(InputValue::new("filter", TypeRef::named(&filter)));
            if let Some(search) = &search {
                root = root.argument(InputValue::new("search", TypeRef::named(search)));
            }
            for argument in naming.sort_arguments() {
                root = root.argument(InputValue::new(*argument, TypeRef::named_nn_list(&sort)));
            }
            self.add_root(root);
        }

        let Some(legacy_field) = def.legacy else {
            return;
        };
        let segment = format!("{}CollectionSegment", pascal(legacy_field));
        let info = self.segment_info();
        self.register(
            Object::new(&segment)
                .field(member("totalCount", TypeRef::named_nn(TypeRef::INT)))
                .field(member("items", TypeRef::named_nn_list(def.model)))
                .field(member("pageInfo", TypeRef::named_nn(info))),
        );
        let legacy = self
            .segment_field(&def, legacy_field, segment)
            .argument(InputValue::new("skip", TypeRef::named(TypeRef::INT)))
            .argument(InputValue::new("take", TypeRef::named(TypeRef::INT)))
            .argument(InputValue::new("where", TypeRef::named(&filter)))
            .argument(InputValue::new("order", TypeRef::named_nn_list(&sort)));
        self.add_root(legacy);
    }

    fn add_root(&mut self, field: GqlField) {
        let query = std::mem::replace(&mut self.query, Object::new("Query"));
        self.query = query.field(field);
    }

    fn filter_input<T>(&mut self, def: &ListDef<T>) -> String {
        let name = self.naming.filter_type(def.model, def.short);
        if !self.first_time(&name) {
            return name;
        }
        let mut input = InputObject::new(&name)
            .field(InputValue::new("and", TypeRef::named_nn_list(&name)))
            .field(InputValue::new("or", TypeRef::named_nn_list(&name)));
        for f in def.fields.iter().filter(|f| f.filter) {
            if let Some(ops) = self.operations(f.ty) {
                input = input.field(InputValue::new(f.name, TypeRef::named(ops)));
            }
        }
        self.register(input);
        name
    }

    fn search_input<T>(&mut self, def: &ListDef<T>) -> String {
        let name = self.naming.search_type(def.model);
        if !self.first_time(&name) {
            return name;
        }
        let ops = self.search_operations();
        let mut input = InputObject::new(&name)
            .field(InputValue::new("and", TypeRef::named_nn_list(&name)))
            .field(InputValue::new("or", TypeRef::named_nn_list(&name)));
        for f in def.fields.iter().filter(|f| f.search) {
            input = input.field(InputValue::new(f.name, TypeRef::named(&ops)));
        }
        self.register(input);
        name
    }

    fn sort_input<T>(&mut self, def: &ListDef<T>) -> String {
        let name = self.naming.sort_type(def.model, def.short);
        if !self.first_time(&name) {
            return name;
        }
        let direction = self.sort_enum();
        let mut input = InputObject::new(&name);
        for f in def.fields.iter().filter(|f: &&Field<T>| f.sort) {
            input = input.field(InputValue::new(f.name, TypeRef::named(&direction)));
        }
        self.register(input);
        name
    }

    fn connection_type<T>(&mut self, def: &ListDef<T>, field: &str) -> String {
        let shape = self.naming.connection_shape();
        let name = self.naming.connection_type(field, def.connection);
        if !self.first_time(&name) {
            return name;
        }
        let page_info = self.page_info();
        let mut connection = Object::new(&name)
            .field(member("totalCount", TypeRef::named_nn(TypeRef::INT)))
            .field(member("pageInfo", TypeRef::named_nn(page_info)));
        if shape.edges {
            let edge = self.naming.edge_type(field, def.connection);
            let mut edge_type = Object::new(&edge);
            if shape.edge_cursor {
                edge_type = edge_type.field(member("cursor", TypeRef::named_nn(TypeRef::STRING)));
            }
            edge_type = edge_type.field(member("node", TypeRef::named_nn(def.model)));
            self.register(edge_type);
            connection = connection.field(member("edges", TypeRef::named_nn_list(edge)));
        }
        if shape.nodes {
            connection = connection.field(member("nodes", TypeRef::named_nn_list(def.model)));
        }
        self.register(connection);
        name
    }

    fn connection_field<T: Send + Sync + 'static>(
        &self,
        def: &Arc<ListDef<T>>,
        field: &str,
        connection: String,
    ) -> GqlField {
        let def = Arc::clone(def);
        let naming = self.naming;
        let max = self.max_page;
        GqlField::new(field, TypeRef::named(connection), move |ctx| {
            let def = Arc::clone(&def);
            FieldFuture::new(async move {
                let app = ctx.data::<AppState>()?;
                let args = read_args(&ctx, naming.sort_arguments());
                let value = app.store.with(|data| {
                    if def.settles {
                        crate::simulation::market::settle_all(app, data, Instant::now());
                    }
                    query::connection(&def, data, &args, naming.connection_shape(), max)
                });
                Ok(field_value(&ctx, value))
            })
        })
    }

    fn segment_field<T: Send + Sync + 'static>(
        &self,
        def: &Arc<ListDef<T>>,
        field: &str,
        segment: String,
    ) -> GqlField {
        let def = Arc::clone(def);
        let max = self.max_page;
        GqlField::new(field, TypeRef::named(segment), move |ctx| {
            let def = Arc::clone(&def);
            FieldFuture::new(async move {
                let app = ctx.data::<AppState>()?;
                let mut args = read_args(&ctx, &["order"]);
                args.filter = ctx.args.get("where").map(|v| v.as_value().clone());
                let value = app.store.with(|data| {
                    if def.settles {
                        crate::simulation::market::settle_all(app, data, Instant::now());
                    }
                    query::segment(&def, data, &args, max)
                });
                Ok(field_value(&ctx, value))
            })
        })
    }
}

/// A list field's value, or its error reported as HotChocolate reports a field error: the field
/// is null, the error carries the field's path and its own `code` (`BAD_REQUEST`), and the rest of
/// the answer stands. Returned as the resolver's error instead, async-graphql's dynamic schema
/// drops the path and nulls the whole answer, which reads as a request that did not validate.
fn field_value(
    ctx: &ResolverContext<'_>,
    value: async_graphql::Result<Value>,
) -> Option<FieldValue<'static>> {
    match value {
        Ok(value) => Some(FieldValue::value(value)),
        Err(error) => {
            ctx.add_error(ctx.set_error_path(error.into_server_error(ctx.item.pos)));
            None
        }
    }
}

fn read_args(ctx: &ResolverContext<'_>, sort_arguments: &[&str]) -> ListArgs {
    let int = |name: &str| ctx.args.get(name).and_then(|v| v.i64().ok());
    let text = |name: &str| {
        ctx.args
            .get(name)
            .and_then(|v| v.string().ok().map(str::to_owned))
    };
    let value = |name: &str| {
        ctx.args
            .get(name)
            .map(|v| v.as_value().clone())
            .filter(|v| !matches!(v, Value::Null))
    };
    ListArgs {
        first: int("first"),
        after: text("after"),
        last: int("last"),
        before: text("before"),
        skip: int("skip"),
        take: int("take"),
        filter: value("filter"),
        search: value("search"),
        order: sort_arguments.iter().find_map(|name| value(name)),
    }
}
