//! Vehicles of a customer, in both request shapes InsurUp has documented, and the tramer-like lookup.

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
use crate::dialect::Dialect;
use crate::http::extract::{ApiJson, Checks, PathIds};
use crate::http::openapi::{Errors, IdAnswer};
use crate::http::problem::{ApiResult, Problem};
use crate::http::validate::{is_valid_plate_code, parse_plate};
use crate::simulation::catalog::{self, Brand, Model};
use crate::simulation::clock::{fmt_date, fmt_ts, parse_date, today};
use crate::state::AppState;
use crate::store::State as Data;
use crate::store::ids::hash_parts;
use crate::store::model::{DocumentSerial, Fuel, Param, Plate, Vehicle};

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SerialBody {
    code: String,
    number: String,
}

/// Union of the SDK shape (`plate {city, code}`, `brandReference`...) and the older documented shape
/// (`plate: "34ABC123"`, `brandCode`, `documentSerialCode`...).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VehicleBody {
    customer_id: Option<String>,
    vehicle_id: Option<String>,
    plate: Option<Value>,
    model_year: Option<i32>,
    year: Option<i32>,
    brand_reference: Option<String>,
    brand_code: Option<String>,
    model_type_reference: Option<String>,
    model_code: Option<String>,
    utilization_style: Option<String>,
    fuel: Option<String>,
    engine: Option<String>,
    chassis: Option<String>,
    document_serial: Option<SerialBody>,
    document_serial_code: Option<String>,
    document_serial_number: Option<String>,
    registration_date: Option<String>,
    seat_number: Option<u32>,
    #[serde(default, rename = "accessories")]
    #[schema(value_type = Option<Object>)]
    _accessories: Option<IgnoredAny>,
    #[serde(default, rename = "kaskoOldPolicy")]
    #[schema(value_type = Option<Object>)]
    _kasko_old_policy: Option<IgnoredAny>,
    #[serde(default, rename = "trafikOldPolicy")]
    #[schema(value_type = Option<Object>)]
    _trafik_old_policy: Option<IgnoredAny>,
    #[serde(default, rename = "lossPayeeClause")]
    #[schema(value_type = Option<Object>)]
    _loss_payee_clause: Option<IgnoredAny>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VehicleView {
    id: String,
    customer_id: String,
    has_plate: bool,
    plate: Option<Plate>,
    model_year: Option<i32>,
    brand: Option<Param>,
    model: Option<Param>,
    utilization_style: String,
    fuel: Option<Fuel>,
    engine_number: Option<String>,
    chassis_number: Option<String>,
    registration_date: Option<String>,
    seat_number: Option<u32>,
    document_serial: Option<DocumentSerial>,
}

impl From<&Vehicle> for VehicleView {
    fn from(v: &Vehicle) -> Self {
        Self {
            id: v.id.clone(),
            customer_id: v.customer_id.clone(),
            has_plate: v.plate.is_some(),
            plate: v.plate.clone(),
            model_year: v.model_year,
            brand: v.brand.clone(),
            model: v.model.clone(),
            utilization_style: v.utilization_style.clone(),
            fuel: v.fuel,
            engine_number: v.engine.clone(),
            chassis_number: v.chassis.clone(),
            registration_date: v.registration_date.map(fmt_date),
            seat_number: v.seat_number,
            document_serial: v.document_serial.clone(),
        }
    }
}

/// Reads `plate` as `{city, code}` or `"34ABC123"`; `None` for a vehicle without a plate.
fn read_plate(value: &Option<Value>, checks: &mut Checks) -> Option<Plate> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => match parse_plate(text) {
            Some((city, code)) => Some(Plate { city, code }),
            None => {
                checks.fail(
                    "plate",
                    "Geçerli bir plaka değil (ör. 34ABC123).",
                    text.as_str(),
                );
                None
            }
        },
        Some(Value::Object(obj)) => {
            let city = obj.get("city").and_then(|c| match c {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => s.parse().ok(),
                _ => None,
            });
            let code = obj
                .get("code")
                .and_then(Value::as_str)
                .map(|c| c.replace(' ', "").to_uppercase());
            let unknown = obj.keys().find(|k| *k != "city" && *k != "code");
            if let Some(key) = unknown {
                checks.fail(&format!("plate.{key}"), "Bilinmeyen alan.", Value::Null);
                return None;
            }
            match (city, code) {
                (Some(city @ 1..=81), Some(code)) if is_valid_plate_code(&code) => Some(Plate {
                    city: u8::try_from(city).unwrap_or(34),
                    code,
                }),
                (Some(1..=81), None) => None,
                _ => {
                    checks.fail(
                        "plate",
                        "Plaka il kodu 1-81, kod 1-3 harf ve 2-5 rakam olmalı.",
                        Value::Object(obj.clone()),
                    );
                    None
                }
            }
        }
        Some(other) => {
            checks.fail("plate", "Plaka nesne ya da metin olmalı.", other.clone());
            None
        }
    }
}

fn read_serial(
    code: Option<String>,
    number: Option<String>,
    checks: &mut Checks,
) -> Option<DocumentSerial> {
    let (code, number) = match (code, number) {
        (None, None) => return None,
        (c, n) => (
            c.unwrap_or_default().trim().to_uppercase(),
            n.unwrap_or_default().trim().to_owned(),
        ),
    };
    if code.is_empty() || code.len() > 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        checks.fail(
            "documentSerial.code",
            "Belge seri kodu 1-2 harf olmalı.",
            code.as_str(),
        );
    }
    if !(6..=7).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        checks.fail(
            "documentSerial.number",
            "Belge seri numarası 6-7 rakam olmalı.",
            number.as_str(),
        );
    }
    Some(DocumentSerial { code, number })
}

fn fuel_of(model: &Model) -> Fuel {
    let name = model.name;
    if name.contains("HYBRID") {
        Fuel::Hybrid
    } else if ["TDI", "MULTIJET", "BLUEHDI", "ECOBLUE", " D ", "2.0"]
        .iter()
        .any(|k| name.contains(k))
    {
        Fuel::Diesel
    } else {
        Fuel::Gasoline
    }
}

/// The tramer record for a plate: the published plate is a 2021 Toyota Corolla, others are derived.
fn tramer(seed: u64, plate: &Plate) -> (&'static Brand, &'static Model, i32, u64) {
    let h = hash_parts(seed, &[&plate.display()]);
    if plate.city == 34 && plate.code == "ABC123" {
        if let Some((brand, model)) = catalog::model("139014") {
            return (brand, model, 2021, h);
        }
    }
    let brand = &catalog::BRANDS[(h % catalog::BRANDS.len() as u64) as usize];
    let model = &brand.models[((h >> 8) % brand.models.len() as u64) as usize];
    let span = u64::try_from(model.years.1 - model.years.0 + 1).unwrap_or(1);
    let year = model.years.0 + i32::try_from((h >> 16) % span).unwrap_or(0);
    (brand, model, year, h)
}

fn vin(brand: &Brand, h: u64) -> String {
    format!("NM{}{:014}", &brand.name[..1], h % 100_000_000_000_000)
}

/// The two documented vehicle bodies: the kasko guide's flat `{plate: "34ABC123", brandCode,
/// modelCode, year, documentSerialCode, documentSerialNumber}` and the vendor client's `{customerId,
/// plate: {city, code}, brandReference, modelTypeReference, modelYear, documentSerial: {code,
/// number}}`. A strict dialect binds only its own.
fn check_shape(body: &VehicleBody, dialect: Dialect) -> ApiResult<()> {
    let unmapped = |member: &str, type_name: &str| {
        Problem::unbindable(
            &format!("$.{member}"),
            &format!(
                "The JSON property '{member}' could not be mapped to any .NET member contained in type '{type_name}'."
            ),
            Problem::field(member, "Bilinmeyen alan.", Value::Null),
        )
    };
    let unconvertible = |member: &str, target: &str| {
        Problem::unbindable(
            &format!("$.{member}"),
            &format!("The JSON value could not be converted to {target}. Path: $.{member}."),
            Problem::field(member, "Geçersiz değer.", Value::Null),
        )
    };
    if dialect.guide_rest() {
        const TYPE: &str = "CreateVehicleRequest";
        for (member, present) in [
            ("customerId", body.customer_id.is_some()),
            ("modelYear", body.model_year.is_some()),
            ("brandReference", body.brand_reference.is_some()),
            ("modelTypeReference", body.model_type_reference.is_some()),
            ("documentSerial", body.document_serial.is_some()),
        ] {
            if present {
                return Err(unmapped(member, TYPE));
            }
        }
        if matches!(body.plate, Some(Value::Object(_))) {
            return Err(unconvertible("plate", "System.String"));
        }
    } else if dialect.vendor_rest() {
        const TYPE: &str = "CreateCustomerVehicleRequest";
        for (member, present) in [
            ("year", body.year.is_some()),
            ("brandCode", body.brand_code.is_some()),
            ("modelCode", body.model_code.is_some()),
            ("documentSerialCode", body.document_serial_code.is_some()),
            (
                "documentSerialNumber",
                body.document_serial_number.is_some(),
            ),
        ] {
            if present {
                return Err(unmapped(member, TYPE));
            }
        }
        if matches!(body.plate, Some(Value::String(_))) {
            return Err(unconvertible("plate", "VehiclePlate"));
        }
    }
    Ok(())
}

/// A vehicle body read and checked, before the store is consulted.
struct VehicleInput {
    customer_id: Option<String>,
    vehicle_id: Option<String>,
    plate: Option<Plate>,
    model_year: Option<i32>,
    brand: Option<&'static Brand>,
    model: Option<(&'static Brand, &'static Model)>,
    style: String,
    fuel: Option<Fuel>,
    engine: Option<String>,
    chassis: Option<String>,
    serial: Option<DocumentSerial>,
    registration_date: Option<time::Date>,
    seat_number: Option<u32>,
}

/// Binds a body in the dialect's shape and checks every field.
fn read_body(body: VehicleBody, dialect: Dialect) -> ApiResult<VehicleInput> {
    check_shape(&body, dialect)?;
    let mut checks = Checks::default();
    let plate = read_plate(&body.plate, &mut checks);
    let model_year = body.model_year.or(body.year);
    if let Some(y) = model_year
        && !(1950..=today().year() + 1).contains(&y)
    {
        checks.fail("modelYear", "Geçerli bir model yılı değil.", y);
    }
    let brand_ref = body.brand_reference.or(body.brand_code);
    let model_ref = body.model_type_reference.or(body.model_code);
    let brand = brand_ref.as_deref().and_then(|b| {
        let found = catalog::brand(b);
        if found.is_none() {
            checks.fail("brandReference", "Bilinmeyen marka kodu.", b);
        }
        found
    });
    let model = model_ref.as_deref().and_then(|m| match catalog::model(m) {
        Some((b, model)) if brand.is_none_or(|x| x.code == b.code) => Some((b, model)),
        _ => {
            checks.fail(
                "modelTypeReference",
                "Bu markaya ait bir model kodu değil.",
                m,
            );
            None
        }
    });
    let style = body
        .utilization_style
        .unwrap_or_else(|| "PRIVATE_CAR".to_owned())
        .trim()
        .to_ascii_uppercase();
    if style.is_empty() || !style.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
        checks.fail(
            "utilizationStyle",
            "Kullanım tarzı PRIVATE_CAR gibi bir değer olmalı.",
            style.as_str(),
        );
    }
    let fuel = body.fuel.as_deref().and_then(|f| {
        let parsed = Fuel::parse(f);
        if parsed.is_none() {
            checks.fail(
                "fuel",
                "GASOLINE, DIESEL, LPG, ELECTRIC, LPG_GASOLINE veya HYBRID olmalı.",
                f,
            );
        }
        parsed
    });
    let serial = match body.document_serial {
        Some(s) => read_serial(Some(s.code), Some(s.number), &mut checks),
        None => read_serial(
            body.document_serial_code,
            body.document_serial_number,
            &mut checks,
        ),
    };
    let registration_date = body.registration_date.as_deref().and_then(|d| {
        let parsed = parse_date(d);
        if parsed.is_none() {
            checks.fail("registrationDate", "YYYY-MM-DD biçiminde olmalı.", d);
        }
        parsed
    });
    if let Some(seats) = body.seat_number
        && !(1..=60).contains(&seats)
    {
        checks.fail("seatNumber", "1 ile 60 arasında olmalı.", seats);
    }
    checks.finish()?;
    Ok(VehicleInput {
        customer_id: body.customer_id,
        vehicle_id: body.vehicle_id,
        plate,
        model_year,
        brand,
        model,
        style,
        fuel,
        engine: body.engine,
        chassis: body.chassis,
        serial,
        registration_date,
        seat_number: body.seat_number,
    })
}

/// Refuses a body whose `customerId` names another customer than the path.
fn same_customer(data: &Data, customer_id: &str, body_customer: Option<&str>) -> ApiResult<()> {
    if let Some(body_customer) = body_customer
        && body_customer != customer_id
        && data.customer_id_for(body_customer).as_deref() != Some(customer_id)
    {
        return Err(Problem::field(
            "customerId",
            "Gövdedeki customerId adresteki müşteriyle aynı olmalı.",
            body_customer,
        ));
    }
    Ok(())
}

/// The vehicle an input describes. Like InsurUp, brand, model and year come from tramer when the
/// caller sent none.
fn vehicle_of(seed: u64, id: String, customer_id: String, input: VehicleInput) -> Vehicle {
    let (brand, model, model_year) = match (input.brand, input.model, &input.plate) {
        (None, None, Some(p)) => {
            let (b, m, y, _) = tramer(seed, p);
            (Some(b), Some((b, m)), input.model_year.or(Some(y)))
        }
        (b, m, _) => (b.or(m.map(|x| x.0)), m, input.model_year),
    };
    Vehicle {
        id,
        customer_id,
        plate: input.plate,
        model_year,
        brand: brand.map(|b| Param::new(b.code, b.name)),
        model: model.map(|(_, m)| Param::new(m.code, m.name)),
        utilization_style: input.style,
        fuel: input.fuel.or_else(|| model.map(|(_, m)| fuel_of(m))),
        engine: input.engine,
        chassis: input.chassis,
        registration_date: input.registration_date,
        seat_number: input.seat_number,
        document_serial: input.serial,
        created_at: crate::simulation::clock::now(),
    }
}

/// `vehicle.created` / `vehicle.updated` without the moment, which the caller adds.
fn event_payload(vehicle: &Vehicle) -> Value {
    json!({
        "customerId": vehicle.customer_id,
        "vehicleId": vehicle.id,
        "plate": vehicle.plate.as_ref().map(Plate::display),
        "brandName": vehicle.brand.as_ref().map(|b| b.text.clone()),
        "modelName": vehicle.model.as_ref().map(|m| m.text.clone()),
        "modelYear": vehicle.model_year,
        "utilizationStyle": vehicle.utilization_style,
        "fuel": vehicle.fuel,
        "chassis": vehicle.chassis,
        "engine": vehicle.engine,
        "registrationDate": vehicle.registration_date.map(fmt_date),
    })
}

fn stamp(mut payload: Value, members: &[(&str, Value)]) -> Value {
    if let Some(fields) = payload.as_object_mut() {
        for (name, value) in members {
            fields.insert((*name).to_owned(), value.clone());
        }
    }
    payload
}

#[utoipa::path(post, path = "/api/customers/{id}/vehicles", tag = "vehicles", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    request_body(content = VehicleBody, description = "The kasko guide's flat body (`guide`) or the vendor client's (`graphql-docs`, `vendor-sdk`)"),
    responses((status = 200, description = "The new vehicle's id", body = IdAnswer), Errors))]
pub async fn create(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<VehicleBody>,
) -> ApiResult<Json<Value>> {
    let input = read_body(body, app.config.dialect)?;
    let seed = app.config.seed;
    let id = app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        same_customer(data, &customer_id, input.customer_id.as_deref())?;
        let id = data.ids.uuid();
        let vehicle = vehicle_of(seed, id.clone(), customer_id.clone(), input);
        let payload = stamp(
            event_payload(&vehicle),
            &[("createdAt", json!(fmt_ts(vehicle.created_at)))],
        );
        data.vehicles.insert(id.clone(), vehicle);
        let branch = data.customers.get_mut(&customer_id).and_then(|c| {
            c.vehicle_count += 1;
            c.agent_branch_id.clone()
        });
        webhooks::emit_locked(
            &app,
            data,
            branch.as_deref(),
            vec![("vehicle.created", payload)],
        );
        Ok::<_, Problem>(id)
    })?;
    Ok(Json(json!({ "id": id })))
}

/// Replaces the vehicle's details with the body's (the dialect's vehicle body, plus `vehicleId`).
#[utoipa::path(put, path = "/api/customers/{id}/vehicles/{vehicleId}", tag = "vehicles", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("vehicleId" = String, Path)),
    request_body(content = VehicleBody, description = "The same body as creation, in the dialect's shape; `vehicleId` may repeat the path's"),
    responses((status = 204, description = "Updated"), Errors))]
pub async fn update(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds((key, vehicle_id)): PathIds<(String, String)>,
    ApiJson(body): ApiJson<VehicleBody>,
) -> ApiResult<StatusCode> {
    let input = read_body(body, app.config.dialect)?;
    if let Some(other) = input.vehicle_id.as_deref().filter(|v| *v != vehicle_id) {
        return Err(Problem::field(
            "vehicleId",
            "Adresteki araç ile aynı olmalı.",
            other,
        ));
    }
    let seed = app.config.seed;
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        same_customer(data, &customer_id, input.customer_id.as_deref())?;
        let created_at = data
            .vehicles
            .get(&vehicle_id)
            .filter(|v| v.customer_id == customer_id)
            .map(|v| v.created_at)
            .ok_or_else(vehicle_not_found)?;
        let mut vehicle = vehicle_of(seed, vehicle_id.clone(), customer_id.clone(), input);
        vehicle.created_at = created_at;
        let payload = stamp(
            event_payload(&vehicle),
            &[
                ("updatedAt", json!(fmt_ts(crate::simulation::clock::now()))),
                (
                    "updatedBy",
                    json!(catalog::user_reference(&principal.user_id)),
                ),
            ],
        );
        data.vehicles.insert(vehicle_id.clone(), vehicle);
        let branch = data
            .customers
            .get(&customer_id)
            .and_then(|c| c.agent_branch_id.clone());
        webhooks::emit_locked(
            &app,
            data,
            branch.as_deref(),
            vec![("vehicle.updated", payload)],
        );
        Ok(StatusCode::NO_CONTENT)
    })
}

fn vehicle_not_found() -> Problem {
    Problem::not_found("VEHICLE_NOT_FOUND", "Araç bulunamadı.")
}

#[utoipa::path(get, path = "/api/customers/{id}/vehicles", tag = "vehicles", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "The customer's vehicles", body = Vec<VehicleView>), Errors))]
pub async fn list(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<VehicleView>>> {
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        Ok(Json(
            data.vehicles
                .iter()
                .filter(|v| v.customer_id == customer_id)
                .map(VehicleView::from)
                .collect(),
        ))
    })
}

#[utoipa::path(get, path = "/api/customers/{id}/vehicles/{vehicleId}", tag = "vehicles", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("vehicleId" = String, Path)),
    responses((status = 200, description = "The vehicle", body = VehicleView), Errors))]
pub async fn get(
    State(app): State<AppState>,
    PathIds((key, vehicle_id)): PathIds<(String, String)>,
) -> ApiResult<Json<VehicleView>> {
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        data.vehicles
            .get(&vehicle_id)
            .filter(|v| v.customer_id == customer_id)
            .map(|v| Json(VehicleView::from(v)))
            .ok_or_else(vehicle_not_found)
    })
}

#[utoipa::path(delete, path = "/api/customers/{id}/vehicles/{vehicleId}", tag = "vehicles", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("vehicleId" = String, Path)),
    responses((status = 204, description = "Deleted"), Errors))]
pub async fn delete(
    State(app): State<AppState>,
    PathIds((key, vehicle_id)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        let customer_id = customers::resolve(data, &key)?;
        if data
            .vehicles
            .get(&vehicle_id)
            .is_none_or(|v| v.customer_id != customer_id)
        {
            return Err(vehicle_not_found());
        }
        data.vehicles.remove(&vehicle_id);
        if let Some(c) = data.customers.get_mut(&customer_id) {
            c.vehicle_count = c.vehicle_count.saturating_sub(1);
        }
        Ok(StatusCode::NO_CONTENT)
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LookupBody {
    customer_id: Option<String>,
    plate: Option<Value>,
    document_serial: Option<SerialBody>,
}

#[utoipa::path(post, path = "/api/customers/{id}/vehicles/external-lookup", tag = "vehicles", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = LookupBody,
    responses((status = 200, description = "The tramer record of the plate", body = TramerRecord), Errors))]
pub async fn external_lookup(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<LookupBody>,
) -> ApiResult<Json<Value>> {
    let mut checks = Checks::default();
    let plate = read_plate(&body.plate, &mut checks);
    if plate.is_none() && body.plate.is_none() {
        checks.fail("plate", "Bu alan zorunludur.", Value::Null);
    }
    if let Some(s) = body.document_serial {
        read_serial(Some(s.code), Some(s.number), &mut checks);
    }
    checks.finish()?;
    let _ = body.customer_id;
    app.store.with(|data| customers::resolve(data, &key))?;
    let Some(plate) = plate else {
        return Err(Problem::field("plate", "Plaka kodu gerekli.", Value::Null));
    };
    let (brand, model, year, h) = tramer(app.config.seed, &plate);
    // Registered some time in its model year, but never after today.
    let registered = crate::simulation::clock::today().min(
        time::Date::from_calendar_date(
            year,
            time::Month::try_from(1 + ((h >> 24) % 12) as u8).unwrap_or(time::Month::January),
            1 + ((h >> 32) % 28) as u8,
        )
        .unwrap_or_else(|_| crate::simulation::clock::today()),
    );
    let registered = fmt_date(registered);
    Ok(Json(json!({
        "plate": plate,
        "modelYear": year,
        "brandReference": brand.code,
        "modelTypeReference": model.code,
        "brand": Param::new(brand.code, brand.name),
        "model": Param::new(model.code, model.name),
        "fuel": fuel_of(model),
        "utilizationStyle": "PRIVATE_CAR",
        "engine": format!("{}{:06}", &model.code[..3], h % 1_000_000),
        "chassis": vin(brand, h),
        "registrationDate": registered,
        "seatNumber": 5,
    })))
}

/// What the tramer lookup knows about a plate.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct TramerRecord {
    plate: Plate,
    model_year: i32,
    brand_reference: String,
    model_type_reference: String,
    brand: Param,
    model: Param,
    fuel: Fuel,
    utilization_style: String,
    engine: String,
    chassis: String,
    registration_date: String,
    seat_number: u32,
}
