//! Properties (dwellings and workplaces) of a customer, identified by their UAVT number.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::clock::{fmt_ts, today};
use crate::customers;
use crate::extract::{ApiJson, Checks, PathIds};
use crate::model::Property;
use crate::problem::{ApiResult, Problem};
use crate::webhooks;

#[derive(Deserialize)]
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

#[derive(Serialize)]
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
            created_at: fmt_ts(p.created_at),
        }
    }
}

pub async fn create(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<PropertyBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    if !(1..=9_999_999_999).contains(&body.property_number) {
        checks.fail(
            "propertyNumber",
            "UAVT adres kodu en fazla 10 haneli pozitif bir sayı olmalı.",
            body.property_number,
        );
    }
    if !(10..=100_000).contains(&body.square_meter) {
        checks.fail(
            "squareMeter",
            "10 ile 100000 arasında olmalı.",
            body.square_meter,
        );
    }
    if !(1850..=today().year()).contains(&body.construction_year) {
        checks.fail(
            "constructionYear",
            "Geçerli bir yapım yılı değil.",
            body.construction_year,
        );
    }
    let style = body.utilization_style.trim().to_ascii_uppercase();
    if !matches!(style.as_str(), "HOUSE" | "BUSINESS" | "OTHER") {
        checks.fail(
            "utilizationStyle",
            "HOUSE, BUSINESS veya OTHER olmalı.",
            body.utilization_style.as_str(),
        );
    }
    let ownership = body.ownership_type.trim().to_ascii_uppercase();
    if !matches!(ownership.as_str(), "PROPRIETOR" | "TENANT") {
        checks.fail(
            "ownershipType",
            "PROPRIETOR veya TENANT olmalı.",
            body.ownership_type.as_str(),
        );
    }
    checks.finish()?;
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
            created_at: crate::clock::now(),
        };
        let payload = json!({
            "customerId": customer_id,
            "propertyId": id,
            "propertyNumber": property.property_number,
            "squareMeter": property.square_meter,
            "constructionYear": property.construction_year,
            "utilizationStyle": property.utilization_style,
            "ownershipType": property.ownership_type,
            "createdAt": fmt_ts(property.created_at),
        });
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
            .ok_or_else(|| Problem::not_found("PROPERTY_NOT_FOUND", "Konut bulunamadı."))
    })
}
