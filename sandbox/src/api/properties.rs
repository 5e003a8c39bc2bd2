//! Properties (dwellings and workplaces) of a customer, identified by their UAVT number.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::api::auth::Principal;
use crate::api::customers;
use crate::api::webhooks;
use crate::http::extract::{ApiJson, Checks, PathIds};
use crate::http::openapi::{Errors, IdAnswer};
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::addresses::{self, MAX_PROPERTY_NUMBER, PropertyAddress};
use crate::simulation::catalog;
use crate::simulation::clock::{fmt_date, fmt_ts, now, today};
use crate::state::AppState;
use crate::store::ids::hash_parts;
use crate::store::model::Property;

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyBody {
    customer_id: Option<String>,
    property_number: i64,
    square_meter: u32,
    construction_year: i32,
    utilization_style: String,
    ownership_type: String,
    floor: Option<i32>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyView {
    id: String,
    customer_id: String,
    property_number: i64,
    square_meter: u32,
    construction_year: i32,
    utilization_style: String,
    ownership_type: String,
    floor: Option<i32>,
    /// The address of the UAVT number.
    address: PropertyAddress,
    created_at: String,
}

impl From<&Property> for PropertyView {
    fn from(p: &Property) -> Self {
        Self {
            id: p.id.clone(),
            customer_id: p.customer_id.clone(),
            property_number: p.property_number,
            square_meter: p.square_meter,
            construction_year: p.construction_year,
            utilization_style: p.utilization_style.clone(),
            ownership_type: p.ownership_type.clone(),
            floor: p.floor,
            address: addresses::address_at(p.property_number),
            created_at: fmt_ts(p.created_at),
        }
    }
}

/// Checks what a create or update body says about the dwelling; returns the normalised
/// utilization style and ownership type.
fn check_details(
    property_number: Option<i64>,
    square_meter: u32,
    construction_year: i32,
    utilization_style: &str,
    ownership_type: &str,
) -> ApiResult<(String, String)> {
    let mut checks = Checks::default();
    if let Some(number) = property_number
        && !(1..=MAX_PROPERTY_NUMBER).contains(&number)
    {
        checks.fail(
            "propertyNumber",
            "UAVT adres kodu en fazla 10 haneli pozitif bir sayı olmalı.",
            number,
        );
    }
    if !(10..=100_000).contains(&square_meter) {
        checks.fail(
            "squareMeter",
            "10 ile 100000 arasında olmalı.",
            square_meter,
        );
    }
    if !(1850..=today().year()).contains(&construction_year) {
        checks.fail(
            "constructionYear",
            "Geçerli bir yapım yılı değil.",
            construction_year,
        );
    }
    let style = utilization_style.trim().to_ascii_uppercase();
    if !matches!(style.as_str(), "HOUSE" | "BUSINESS" | "OTHER") {
        checks.fail(
            "utilizationStyle",
            "HOUSE, BUSINESS veya OTHER olmalı.",
            utilization_style,
        );
    }
    let ownership = ownership_type.trim().to_ascii_uppercase();
    if !matches!(ownership.as_str(), "PROPRIETOR" | "TENANT") {
        checks.fail(
            "ownershipType",
            "PROPRIETOR veya TENANT olmalı.",
            ownership_type,
        );
    }
    checks.finish()?;
    Ok((style, ownership))
}

/// `property.created` / `property.updated` without the moment, which the caller adds.
fn event_payload(p: &Property) -> Value {
    json!({
        "customerId": p.customer_id,
        "propertyId": p.id,
        "propertyNumber": p.property_number,
        "address": addresses::address_at(p.property_number),
        "squareMeter": p.square_meter,
        "constructionYear": p.construction_year,
        "utilizationStyle": p.utilization_style,
        "ownershipType": p.ownership_type,
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/properties", tag = "properties", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = PropertyBody,
    responses((status = 200, description = "The new property's id", body = IdAnswer), Errors))]
pub async fn create(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<PropertyBody>,
) -> ApiResult<Json<Value>> {
    let (style, ownership) = check_details(
        Some(body.property_number),
        body.square_meter,
        body.construction_year,
        &body.utilization_style,
        &body.ownership_type,
    )?;
    let (id, payload, branch) = app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        if let Some(body_customer) = body.customer_id.as_deref()
            && data.customer_id_for(body_customer).as_deref() != Some(customer_id.as_str())
        {
            return Err(Problem::field(
                "customerId",
                "Gövdedeki customerId adresteki müşteriyle aynı olmalı.",
                body_customer,
            ));
        }
        let id = data.ids.uuid();
        let property = Property {
            id: id.clone(),
            customer_id: customer_id.clone(),
            property_number: body.property_number,
            square_meter: body.square_meter,
            construction_year: body.construction_year,
            utilization_style: style,
            ownership_type: ownership,
            floor: body.floor,
            created_at: crate::simulation::clock::now(),
        };
        let mut payload = event_payload(&property);
        if let Some(fields) = payload.as_object_mut() {
            fields.insert("createdAt".to_owned(), json!(fmt_ts(property.created_at)));
        }
        data.properties.insert(id.clone(), property);
        let customer = data.customers.get_mut(&customer_id);
        let branch = customer.and_then(|c| {
            c.property_count += 1;
            c.agent_branch_id.clone()
        });
        Ok((id, payload, branch))
    })?;
    webhooks::emit(&app, "property.created", branch.as_deref(), payload);
    Ok(Json(json!({ "id": id })))
}

#[utoipa::path(get, path = "/api/customers/{id}/properties", tag = "properties", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "The customer's properties", body = Vec<PropertyView>), Errors))]
pub async fn list(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<PropertyView>>> {
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        Ok(Json(
            data.properties
                .iter()
                .filter(|p| p.customer_id == customer_id)
                .map(PropertyView::from)
                .collect(),
        ))
    })
}

#[utoipa::path(get, path = "/api/customers/{id}/properties/{propertyId}", tag = "properties", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("propertyId" = String, Path)),
    responses((status = 200, description = "The property", body = PropertyView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds((key, property_id)): PathIds<(String, String)>,
) -> ApiResult<Json<PropertyView>> {
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        data.properties
            .get(&property_id)
            .filter(|p| p.customer_id == customer_id)
            .map(|p| Json(PropertyView::from(p)))
            .ok_or_else(property_not_found)
    })
}

fn property_not_found() -> Problem {
    Problem::not_found("PROPERTY_NOT_FOUND", "Konut bulunamadı.")
}

/// The update body: what the create body says about the dwelling, plus the ids the vendor client
/// repeats. The UAVT number cannot change (a different number is a different property).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyUpdateBody {
    property_id: Option<String>,
    customer_id: Option<String>,
    property_number: Option<i64>,
    square_meter: u32,
    construction_year: i32,
    utilization_style: String,
    ownership_type: String,
    floor: Option<i32>,
    #[serde(default, rename = "daskOldPolicyNumber")]
    #[schema(value_type = Option<Object>)]
    _dask_old_policy_number: Option<IgnoredAny>,
    #[serde(default, rename = "damageStatus")]
    #[schema(value_type = Option<Object>)]
    _damage_status: Option<IgnoredAny>,
    #[serde(default, rename = "structure")]
    #[schema(value_type = Option<Object>)]
    _structure: Option<IgnoredAny>,
    #[serde(default, rename = "lossPayeeClause")]
    #[schema(value_type = Option<Object>)]
    _loss_payee_clause: Option<IgnoredAny>,
}

#[utoipa::path(put, path = "/api/customers/{id}/properties/{propertyId}", tag = "properties", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("propertyId" = String, Path)),
    request_body = PropertyUpdateBody,
    responses((status = 204, description = "Updated"), Errors))]
pub async fn update(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds((key, property_id)): PathIds<(String, String)>,
    ApiJson(body): ApiJson<PropertyUpdateBody>,
) -> ApiResult<StatusCode> {
    if let Some(other) = body.property_id.as_deref().filter(|p| *p != property_id) {
        return Err(Problem::field(
            "propertyId",
            "Adresteki konut ile aynı olmalı.",
            other,
        ));
    }
    let (style, ownership) = check_details(
        body.property_number,
        body.square_meter,
        body.construction_year,
        &body.utilization_style,
        &body.ownership_type,
    )?;
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        if let Some(body_customer) = body.customer_id.as_deref()
            && data.customer_id_for(body_customer).as_deref() != Some(customer_id.as_str())
        {
            return Err(Problem::field(
                "customerId",
                "Gövdedeki customerId adresteki müşteriyle aynı olmalı.",
                body_customer,
            ));
        }
        let property = data
            .properties
            .get_mut(&property_id)
            .filter(|p| p.customer_id == customer_id)
            .ok_or_else(property_not_found)?;
        if let Some(number) = body.property_number
            && number != property.property_number
        {
            return Err(Problem::business(
                "PROPERTY_NUMBER_IMMUTABLE",
                "Konutun UAVT adres kodu değiştirilemez.",
            ));
        }
        property.square_meter = body.square_meter;
        property.construction_year = body.construction_year;
        property.utilization_style = style;
        property.ownership_type = ownership;
        property.floor = body.floor;
        let mut payload = event_payload(property);
        if let Some(fields) = payload.as_object_mut() {
            fields.insert("updatedAt".to_owned(), json!(fmt_ts(now())));
            fields.insert(
                "updatedBy".to_owned(),
                json!(catalog::user_reference(&principal.user_id)),
            );
        }
        let branch = data
            .customers
            .get(&customer_id)
            .and_then(|c| c.agent_branch_id.clone());
        webhooks::emit_locked(
            &app,
            data,
            branch.as_deref(),
            vec![("property.updated", payload)],
        );
        Ok(StatusCode::NO_CONTENT)
    })
}

#[utoipa::path(delete, path = "/api/customers/{id}/properties/{propertyId}", tag = "properties", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("propertyId" = String, Path)),
    responses((status = 204, description = "Deleted"), Errors))]
pub async fn delete(
    State(app): State<AppState>,
    PathIds((key, property_id)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        if data
            .properties
            .get(&property_id)
            .is_none_or(|p| p.customer_id != customer_id)
        {
            return Err(property_not_found());
        }
        data.properties.remove(&property_id);
        if let Some(c) = data.customers.get_mut(&customer_id) {
            c.property_count = c.property_count.saturating_sub(1);
        }
        Ok(StatusCode::NO_CONTENT)
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DaskLookupBody {
    /// The earlier DASK policy's number (at most 15 digits).
    dask_policy_number: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DaskOldPolicy {
    number: i64,
    end_date: String,
}

/// `{totalFloors, currentFloor}`; the total is an exact count here.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyFloor {
    #[schema(value_type = Object)]
    total_floors: Value,
    current_floor: i32,
}

/// What the DASK register holds about the dwelling an earlier policy insured.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DaskProperty {
    dask_old_policy: DaskOldPolicy,
    property_number: i64,
    address: PropertyAddress,
    floor: PropertyFloor,
    construction_year: i32,
    /// `STEEL_REINFORCED_CONCRETE` or `OTHER`.
    structure: &'static str,
    /// `NONE`.
    damage_status: &'static str,
    /// `HOUSE`.
    utilization_style: &'static str,
    /// `PROPRIETOR` or `TENANT`.
    ownership_type: &'static str,
    square_meter: u32,
}

/// Invented but deterministic: every DASK policy number names one dwelling whose earlier policy
/// ends within the coming year, so a renewal can be quoted at once.
#[utoipa::path(post, path = "/api/properties/query-property-by-dask-old-policy", tag = "properties", security(("bearer" = [])),
    request_body = DaskLookupBody,
    responses((status = 200, description = "The dwelling the earlier DASK policy insured", body = DaskProperty), Errors))]
pub async fn dask_lookup(
    State(app): State<AppState>,
    ApiJson(body): ApiJson<DaskLookupBody>,
) -> ApiResult<Json<DaskProperty>> {
    let number = body.dask_policy_number;
    if !(1..=999_999_999_999_999).contains(&number) {
        return Err(Problem::field(
            "daskPolicyNumber",
            "En fazla 15 haneli pozitif bir sayı olmalı.",
            number,
        ));
    }
    let h = hash_parts(app.config.seed, &["dask", &number.to_string()]);
    let property_number = 1 + i64::try_from(h % 9_999_999_999).unwrap_or(0);
    let end = today() + time::Duration::days(1 + i64::try_from((h >> 20) % 365).unwrap_or(0));
    let total = 2 + i32::try_from((h >> 8) % 12).unwrap_or(0);
    Ok(Json(DaskProperty {
        dask_old_policy: DaskOldPolicy {
            number,
            end_date: fmt_date(end),
        },
        property_number,
        address: addresses::address_at(property_number),
        floor: PropertyFloor {
            total_floors: json!({"$type": "exact", "value": total}),
            current_floor: i32::try_from((h >> 16) % u64::try_from(total).unwrap_or(1))
                .unwrap_or(0),
        },
        construction_year: 1975 + i32::try_from((h >> 24) % 50).unwrap_or(0),
        structure: if (h >> 30) % 5 == 0 {
            "OTHER"
        } else {
            "STEEL_REINFORCED_CONCRETE"
        },
        damage_status: "NONE",
        utilization_style: "HOUSE",
        ownership_type: if (h >> 33) % 3 == 0 {
            "TENANT"
        } else {
            "PROPRIETOR"
        },
        square_meter: 60 + u32::try_from((h >> 40) % 140).unwrap_or(0),
    }))
}
