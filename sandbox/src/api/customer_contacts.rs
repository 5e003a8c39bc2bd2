//! A customer's contact book and who looks after it: e-mail addresses and phone numbers (one of
//! each primary), addresses by UAVT number, the representative, the branch, and calls with the
//! customer. A change to the primary address, number or the branch is a `customer.updated`.

use axum::Json;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::api::auth::Principal;
use crate::api::customers::{self, PhoneBody, read_phone, set_primary_email, set_primary_phone};
use crate::api::webhooks;
use crate::http::extract::{ApiJson, ApiQuery, Checks, OptionalJson, PathIds};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::http::validate::is_plausible_email;
use crate::simulation::addresses::{self, MAX_PROPERTY_NUMBER, PropertyAddress};
use crate::simulation::catalog;
use crate::simulation::clock::{fmt_ts, now};
use crate::state::AppState;
use crate::store::State as Data;
use crate::store::model::{
    Address, AddressType, Contact, ContactState, Customer, Phone, UserReference,
};

/// Refuses a body whose `customerId` names another customer than the path.
fn same_customer(data: &Data, path_id: &str, body_id: Option<&str>) -> ApiResult<()> {
    match body_id {
        Some(b) if data.customer_id_for(b).as_deref() != Some(path_id) => Err(Problem::field(
            "customerId",
            "Gövdedeki customerId adresteki müşteriyle aynı olmalı.",
            b,
        )),
        _ => Ok(()),
    }
}

/// Runs `change` on the customer the path names and returns its id.
fn with_customer<R>(
    data: &mut Data,
    key: &str,
    body_customer: Option<&str>,
    change: impl FnOnce(&mut Customer) -> ApiResult<R>,
) -> ApiResult<R> {
    let id = customers::resolve(data, key)?;
    same_customer(data, &id, body_customer)?;
    let customer = data
        .customers
        .get_mut(&id)
        .ok_or_else(customers::not_found)?;
    change(customer)
}

/// Applies `change`; when it reports that the customer's webhook-visible fields changed, emits
/// `customer.updated` in the same critical section.
fn change_customer(
    app: &AppState,
    principal: &Principal,
    key: &str,
    body_customer: Option<&str>,
    change: impl FnOnce(&mut Customer) -> ApiResult<bool>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        let (changed, payload, branch) = with_customer(data, key, body_customer, |c| {
            let changed = change(c)?;
            Ok((
                changed,
                customers::updated_payload(c, &principal.user_id),
                c.agent_branch_id.clone(),
            ))
        })?;
        if changed {
            webhooks::emit_locked(
                app,
                data,
                branch.as_deref(),
                vec![("customer.updated", payload)],
            );
        }
        Ok(StatusCode::NO_CONTENT)
    })
}

// ---------------------------------------------------------------- e-mail addresses

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmailBody {
    customer_id: Option<String>,
    email: String,
}

#[derive(Serialize, ToSchema)]
pub struct EmailItem {
    email: String,
    primary: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PrimaryEmail {
    email: String,
}

fn checked_email(email: &str) -> ApiResult<String> {
    let email = email.trim();
    if is_plausible_email(email) {
        Ok(email.to_owned())
    } else {
        Err(Problem::field(
            "email",
            "Geçerli bir e-posta adresi değil.",
            email,
        ))
    }
}

fn email_not_found() -> Problem {
    Problem::not_found(
        "CUSTOMER_EMAIL_NOT_FOUND",
        "Müşterinin böyle bir e-posta adresi yok.",
    )
}

#[utoipa::path(get, path = "/api/customers/{id}/emails", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "Every e-mail address of the customer, the primary marked", body = Vec<EmailItem>), Errors))]
pub async fn emails(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<EmailItem>>> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            Ok(Json(
                c.details
                    .emails
                    .iter()
                    .map(|e| EmailItem {
                        email: e.clone(),
                        primary: c.email.as_deref() == Some(e.as_str()),
                    })
                    .collect(),
            ))
        })
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/emails", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = EmailBody,
    responses((status = 204, description = "Added; the customer's first address becomes the primary"), Errors))]
pub async fn add_email(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<EmailBody>,
) -> ApiResult<StatusCode> {
    let email = checked_email(&body.email)?;
    change_customer(&app, &principal, &key, body.customer_id.as_deref(), |c| {
        if c.details
            .emails
            .iter()
            .any(|e| e.eq_ignore_ascii_case(&email))
        {
            return Err(Problem::duplicate(
                "CUSTOMER_EMAIL_ALREADY_EXISTS",
                "Bu e-posta adresi müşteride zaten kayıtlı.",
            ));
        }
        if c.email.is_none() {
            set_primary_email(c, email);
            return Ok(true);
        }
        c.details.emails.push(email);
        Ok(false)
    })
}

#[utoipa::path(delete, path = "/api/customers/{id}/emails/{email}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("email" = String, Path)),
    responses((status = 204, description = "Removed; the primary address cannot be removed"), Errors))]
pub async fn remove_email(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds((key, email)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    change_customer(&app, &principal, &key, None, |c| {
        let at = c
            .details
            .emails
            .iter()
            .position(|e| e.eq_ignore_ascii_case(&email))
            .ok_or_else(email_not_found)?;
        if c.email
            .as_deref()
            .is_some_and(|p| p.eq_ignore_ascii_case(&email))
        {
            return Err(Problem::business(
                "CUSTOMER_PRIMARY_EMAIL_CANNOT_BE_REMOVED",
                "Birincil e-posta adresi silinemez.",
            )
            .suggest("Önce başka bir adresi birincil yapın."));
        }
        c.details.emails.remove(at);
        Ok(false)
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/emails/{email}/primary", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("email" = String, Path)),
    responses((status = 204, description = "The address is now the primary"), Errors))]
pub async fn make_email_primary(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds((key, email)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    change_customer(&app, &principal, &key, None, |c| {
        let known = c
            .details
            .emails
            .iter()
            .find(|e| e.eq_ignore_ascii_case(&email))
            .cloned()
            .ok_or_else(email_not_found)?;
        let changed = c.email.as_deref() != Some(known.as_str());
        c.email = Some(known);
        Ok(changed)
    })
}

#[utoipa::path(get, path = "/api/customers/{id}/emails/primary", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "The primary address", body = PrimaryEmail), Errors))]
pub async fn primary_email(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<PrimaryEmail>> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            c.email
                .clone()
                .map(|email| Json(PrimaryEmail { email }))
                .ok_or_else(email_not_found)
        })
    })
}

#[utoipa::path(put, path = "/api/customers/{id}/emails/primary", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = EmailBody,
    responses((status = 204, description = "The address is the primary, added first when new"), Errors))]
pub async fn set_primary_email_address(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<EmailBody>,
) -> ApiResult<StatusCode> {
    let email = checked_email(&body.email)?;
    change_customer(&app, &principal, &key, body.customer_id.as_deref(), |c| {
        let changed = !c
            .email
            .as_deref()
            .is_some_and(|p| p.eq_ignore_ascii_case(&email));
        set_primary_email(c, email);
        Ok(changed)
    })
}

// ---------------------------------------------------------------- phone numbers

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PhoneNumberBody {
    customer_id: Option<String>,
    phone_number: PhoneBody,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PhoneItem {
    phone_number: Phone,
    primary: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PrimaryPhone {
    phone_number: Phone,
}

fn checked_phone(body: &PhoneBody) -> ApiResult<Phone> {
    let mut checks = Checks::default();
    let phone = read_phone("phoneNumber", body, &mut checks);
    checks.finish()?;
    phone.ok_or_else(|| Problem::field("phoneNumber", "Geçersiz telefon numarası.", Value::Null))
}

/// The path's `{countryCode}-{number}` (`90-5321234567`).
fn path_phone(text: &str) -> ApiResult<Phone> {
    let invalid = || {
        Problem::field(
            "phoneNumber",
            "{ülke kodu}-{numara} biçiminde olmalı (ör. 90-5321234567).",
            text,
        )
    };
    let (code, number) = text.split_once('-').ok_or_else(invalid)?;
    let country_code: u32 = code
        .trim_start_matches('+')
        .parse()
        .map_err(|_| invalid())?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    Ok(Phone {
        country_code,
        number: number.to_owned(),
    })
}

fn phone_not_found() -> Problem {
    Problem::not_found(
        "CUSTOMER_PHONE_NUMBER_NOT_FOUND",
        "Müşterinin böyle bir telefon numarası yok.",
    )
}

#[utoipa::path(get, path = "/api/customers/{id}/phone-numbers", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "Every phone number of the customer, the primary marked", body = Vec<PhoneItem>), Errors))]
pub async fn phone_numbers(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<PhoneItem>>> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            Ok(Json(
                c.details
                    .phones
                    .iter()
                    .map(|p| PhoneItem {
                        phone_number: p.clone(),
                        primary: c.phone.as_ref() == Some(p),
                    })
                    .collect(),
            ))
        })
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/phone-numbers", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = PhoneNumberBody,
    responses((status = 204, description = "Added; the customer's first number becomes the primary"), Errors))]
pub async fn add_phone_number(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<PhoneNumberBody>,
) -> ApiResult<StatusCode> {
    let phone = checked_phone(&body.phone_number)?;
    change_customer(&app, &principal, &key, body.customer_id.as_deref(), |c| {
        if c.details.phones.contains(&phone) {
            return Err(Problem::duplicate(
                "CUSTOMER_PHONE_NUMBER_ALREADY_EXISTS",
                "Bu telefon numarası müşteride zaten kayıtlı.",
            ));
        }
        if c.phone.is_none() {
            set_primary_phone(c, phone);
            return Ok(true);
        }
        c.details.phones.push(phone);
        Ok(false)
    })
}

#[utoipa::path(delete, path = "/api/customers/{id}/phone-numbers/{phoneNumber}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"),
        ("phoneNumber" = String, Path, description = "`{countryCode}-{number}`, e.g. `90-5321234567`")),
    responses((status = 204, description = "Removed; the primary number cannot be removed"), Errors))]
pub async fn remove_phone_number(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds((key, phone)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    let phone = path_phone(&phone)?;
    change_customer(&app, &principal, &key, None, |c| {
        let at = c
            .details
            .phones
            .iter()
            .position(|p| *p == phone)
            .ok_or_else(phone_not_found)?;
        if c.phone.as_ref() == Some(&phone) {
            return Err(Problem::business(
                "CUSTOMER_PRIMARY_PHONE_NUMBER_CANNOT_BE_REMOVED",
                "Birincil telefon numarası silinemez.",
            )
            .suggest("Önce başka bir numarayı birincil yapın."));
        }
        c.details.phones.remove(at);
        Ok(false)
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/phone-numbers/{phoneNumber}/primary", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"),
        ("phoneNumber" = String, Path, description = "`{countryCode}-{number}`, e.g. `90-5321234567`")),
    responses((status = 204, description = "The number is now the primary"), Errors))]
pub async fn make_phone_number_primary(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds((key, phone)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    let phone = path_phone(&phone)?;
    change_customer(&app, &principal, &key, None, |c| {
        if !c.details.phones.contains(&phone) {
            return Err(phone_not_found());
        }
        let changed = c.phone.as_ref() != Some(&phone);
        c.phone = Some(phone);
        Ok(changed)
    })
}

#[utoipa::path(get, path = "/api/customers/{id}/phone-numbers/primary", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "The primary number", body = PrimaryPhone), Errors))]
pub async fn primary_phone_number(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<PrimaryPhone>> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            c.phone
                .clone()
                .map(|phone_number| Json(PrimaryPhone { phone_number }))
                .ok_or_else(phone_not_found)
        })
    })
}

#[utoipa::path(put, path = "/api/customers/{id}/phone-numbers/primary", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = PhoneNumberBody,
    responses((status = 204, description = "The number is the primary, added first when new"), Errors))]
pub async fn set_primary_phone_number(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<PhoneNumberBody>,
) -> ApiResult<StatusCode> {
    let phone = checked_phone(&body.phone_number)?;
    change_customer(&app, &principal, &key, body.customer_id.as_deref(), |c| {
        let changed = c.phone.as_ref() != Some(&phone);
        set_primary_phone(c, phone);
        Ok(changed)
    })
}

// ---------------------------------------------------------------- addresses

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddressBody {
    customer_id: Option<String>,
    /// The UAVT number (at most ten digits).
    property_number: i64,
    #[serde(rename = "type")]
    #[schema(value_type = AddressType)]
    kind: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddressUpdateBody {
    customer_id: Option<String>,
    address_id: Option<String>,
    #[serde(rename = "type")]
    #[schema(value_type = AddressType)]
    kind: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddressView {
    id: String,
    property_number: i64,
    #[serde(rename = "type")]
    kind: AddressType,
    address: PropertyAddress,
    created_at: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddressCreated {
    address_id: String,
}

fn address_view(a: &Address) -> AddressView {
    AddressView {
        id: a.id.clone(),
        property_number: a.property_number,
        kind: a.kind,
        address: addresses::address_at(a.property_number),
        created_at: fmt_ts(a.created_at),
    }
}

fn address_type(text: &str) -> ApiResult<AddressType> {
    AddressType::parse(text).ok_or_else(|| {
        Problem::field(
            "type",
            "UNKNOWN, HOME, WORK, TEMPORARY veya OTHER olmalı.",
            text,
        )
    })
}

fn address_not_found() -> Problem {
    Problem::not_found("CUSTOMER_ADDRESS_NOT_FOUND", "Müşteri adresi bulunamadı.")
}

#[utoipa::path(get, path = "/api/customers/{id}/addresses", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")),
    responses((status = 200, description = "The customer's addresses", body = Vec<AddressView>), Errors))]
pub async fn customer_addresses(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
) -> ApiResult<Json<Vec<AddressView>>> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            Ok(Json(c.details.addresses.iter().map(address_view).collect()))
        })
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/addresses", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = AddressBody,
    responses((status = 200, description = "The new address's id", body = AddressCreated), Errors))]
pub async fn add_address(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<AddressBody>,
) -> ApiResult<Json<AddressCreated>> {
    let kind = address_type(&body.kind)?;
    if !(1..=MAX_PROPERTY_NUMBER).contains(&body.property_number) {
        return Err(Problem::field(
            "propertyNumber",
            "UAVT adres kodu en fazla 10 haneli pozitif bir sayı olmalı.",
            body.property_number,
        ));
    }
    app.store.with(|data| {
        let id = data.ids.uuid();
        with_customer(data, &key, body.customer_id.as_deref(), |c| {
            if c.details
                .addresses
                .iter()
                .any(|a| a.property_number == body.property_number)
            {
                return Err(Problem::duplicate(
                    "CUSTOMER_ADDRESS_ALREADY_EXISTS",
                    "Bu adres müşteride zaten kayıtlı.",
                ));
            }
            c.details.addresses.push(Address {
                id: id.clone(),
                property_number: body.property_number,
                kind,
                created_at: now(),
            });
            Ok(Json(AddressCreated { address_id: id }))
        })
    })
}

#[utoipa::path(get, path = "/api/customers/{id}/addresses/{addressId}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("addressId" = String, Path)),
    responses((status = 200, description = "The address", body = AddressView), Errors))]
pub async fn customer_address(
    State(app): State<AppState>,
    PathIds((key, address_id)): PathIds<(String, String)>,
) -> ApiResult<Json<AddressView>> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            c.details
                .addresses
                .iter()
                .find(|a| a.id == address_id)
                .map(|a| Json(address_view(a)))
                .ok_or_else(address_not_found)
        })
    })
}

#[utoipa::path(put, path = "/api/customers/{id}/addresses/{addressId}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("addressId" = String, Path)),
    request_body = AddressUpdateBody,
    responses((status = 204, description = "The address's type is changed"), Errors))]
pub async fn update_address(
    State(app): State<AppState>,
    PathIds((key, address_id)): PathIds<(String, String)>,
    ApiJson(body): ApiJson<AddressUpdateBody>,
) -> ApiResult<StatusCode> {
    if let Some(other) = body.address_id.as_deref().filter(|a| *a != address_id) {
        return Err(Problem::field(
            "addressId",
            "Adresteki adres ile aynı olmalı.",
            other,
        ));
    }
    let kind = address_type(&body.kind)?;
    app.store.with(|data| {
        with_customer(data, &key, body.customer_id.as_deref(), |c| {
            let address = c
                .details
                .addresses
                .iter_mut()
                .find(|a| a.id == address_id)
                .ok_or_else(address_not_found)?;
            address.kind = kind;
            Ok(StatusCode::NO_CONTENT)
        })
    })
}

#[utoipa::path(delete, path = "/api/customers/{id}/addresses/{addressId}", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ("addressId" = String, Path)),
    responses((status = 204, description = "Removed"), Errors))]
pub async fn remove_address(
    State(app): State<AppState>,
    PathIds((key, address_id)): PathIds<(String, String)>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            let at = c
                .details
                .addresses
                .iter()
                .position(|a| a.id == address_id)
                .ok_or_else(address_not_found)?;
            c.details.addresses.remove(at);
            Ok(StatusCode::NO_CONTENT)
        })
    })
}

// ---------------------------------------------------------------- representative and branch

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RepresentativeBody {
    customer_id: Option<String>,
    /// An agent user's id; null or absent removes the representative.
    representative_agent_user_id: Option<String>,
}

/// Checks an agent user id given as a representative.
pub fn representative(id: Option<&str>) -> ApiResult<Option<String>> {
    match id {
        None => Ok(None),
        Some(id) => catalog::agent_user(id)
            .map(|u| Some(u.id.to_owned()))
            .ok_or_else(|| {
                Problem::not_found("AGENT_USER_NOT_FOUND", "Acente kullanıcısı bulunamadı.")
            }),
    }
}

#[utoipa::path(post, path = "/api/customers/{id}/representative", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = RepresentativeBody,
    responses((status = 204, description = "The representative is set (or removed)"), Errors))]
pub async fn set_representative(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<RepresentativeBody>,
) -> ApiResult<StatusCode> {
    let user = representative(body.representative_agent_user_id.as_deref())?;
    app.store.with(|data| {
        with_customer(data, &key, body.customer_id.as_deref(), |c| {
            c.details.representative = user;
            Ok(StatusCode::NO_CONTENT)
        })
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BranchBody {
    customer_id: Option<String>,
    /// The branch; null removes the assignment.
    agent_branch_id: Option<String>,
}

#[utoipa::path(post, path = "/api/customers/{id}/branch", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = BranchBody,
    responses((status = 204, description = "The branch is set (or removed)"), Errors))]
pub async fn set_branch(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    ApiJson(body): ApiJson<BranchBody>,
) -> ApiResult<StatusCode> {
    let known = body
        .agent_branch_id
        .as_deref()
        .is_none_or(|b| app.store.with(|data| data.branch(b).is_some()));
    if !known {
        return Err(Problem::not_found(
            "AGENT_BRANCH_NOT_FOUND",
            "Şube bulunamadı.",
        ));
    }
    change_customer(&app, &principal, &key, body.customer_id.as_deref(), |c| {
        let changed = c.agent_branch_id != body.agent_branch_id;
        c.agent_branch_id = body.agent_branch_id.clone();
        Ok(changed)
    })
}

// ---------------------------------------------------------------- contacts

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactBody {
    customer_id: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct ContactQuery {
    /// Only the contacts of this case.
    case_ref: Option<String>,
}

/// A call with the customer (`PHONE_CALL`, the only contact type).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContactView {
    id: String,
    /// `PHONE_CALL`.
    #[serde(rename = "type")]
    kind: &'static str,
    state: ContactState,
    customer_id: String,
    created_at: String,
    attempt_time: Option<String>,
    start_time: Option<String>,
    planned_time: Option<String>,
    hang_up_time: Option<String>,
    flow_id: Option<String>,
    representative: Option<UserReference>,
    created_by: UserReference,
}

#[utoipa::path(get, path = "/api/customers/{id}/contacts", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN"), ContactQuery),
    responses((status = 200, description = "Calls with the customer, newest first", body = Vec<ContactView>), Errors))]
pub async fn contacts(
    State(app): State<AppState>,
    PathIds(key): PathIds<String>,
    ApiQuery(query): ApiQuery<ContactQuery>,
) -> ApiResult<Json<Vec<ContactView>>> {
    app.store.with(|data| {
        with_customer(data, &key, None, |c| {
            Ok(Json(
                c.details
                    .contacts
                    .iter()
                    .rev()
                    .filter(|x| {
                        query
                            .case_ref
                            .as_deref()
                            .is_none_or(|r| x.case_ref.as_deref() == Some(r))
                    })
                    .map(|x| ContactView {
                        id: x.id.clone(),
                        kind: "PHONE_CALL",
                        state: x.state,
                        customer_id: c.id.clone(),
                        created_at: fmt_ts(x.created_at),
                        attempt_time: None,
                        start_time: None,
                        planned_time: x.planned_time.map(fmt_ts),
                        hang_up_time: None,
                        flow_id: None,
                        representative: c
                            .details
                            .representative
                            .as_deref()
                            .map(catalog::user_reference),
                        created_by: catalog::user_reference(&x.created_by),
                    })
                    .collect(),
            ))
        })
    })
}

#[utoipa::path(post, path = "/api/customers/{id}/contacts", tag = "customers", security(("bearer" = [])),
    params(("id" = String, Path, description = "Customer id, or its TCKN/VKN")), request_body = ContactBody,
    responses((status = 204, description = "A call is planned for now"), Errors))]
pub async fn add_contact(
    State(app): State<AppState>,
    Extension(principal): Extension<Principal>,
    PathIds(key): PathIds<String>,
    OptionalJson(body): OptionalJson<ContactBody>,
) -> ApiResult<StatusCode> {
    app.store.with(|data| {
        let id = data.ids.object_id();
        let body_customer = body.as_ref().map(|b| b.customer_id.as_str());
        with_customer(data, &key, body_customer, |c| {
            let at = now();
            c.details.contacts.push(Contact {
                id,
                state: ContactState::Planned,
                case_ref: None,
                created_by: principal.user_id.clone(),
                created_at: at,
                planned_time: Some(at),
            });
            Ok(StatusCode::NO_CONTENT)
        })
    })
}
