//! The address cascade a DASK or konut form walks: city → district → town → neighbourhood →
//! street → building → flat, whose value is the flat's UAVT number. A reference the register does
//! not know lists nothing. The UAVT lookup answers the address of a number directly.

use axum::Json;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::http::extract::{ApiJson, ApiQuery};
use crate::http::openapi::Errors;
use crate::http::problem::{ApiResult, Problem};
use crate::simulation::addresses::{self, PropertyAddress};
use crate::store::model::Param;

#[utoipa::path(get, path = "/api/address-parameters/cities", tag = "addresses", security(("bearer" = [])),
    responses((status = 200, description = "Cities (`value` is the plate code)", body = Vec<Param>), Errors))]
pub async fn cities() -> Json<Vec<Param>> {
    Json(addresses::cities())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct CityQuery {
    city_reference: String,
}

#[utoipa::path(get, path = "/api/address-parameters/districts", tag = "addresses", security(("bearer" = [])),
    params(CityQuery),
    responses((status = 200, description = "The city's districts", body = Vec<Param>), Errors))]
pub async fn districts(ApiQuery(q): ApiQuery<CityQuery>) -> Json<Vec<Param>> {
    Json(addresses::districts(&q.city_reference))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct DistrictQuery {
    district_reference: String,
}

#[utoipa::path(get, path = "/api/address-parameters/towns", tag = "addresses", security(("bearer" = [])),
    params(DistrictQuery),
    responses((status = 200, description = "The district's towns", body = Vec<Param>), Errors))]
pub async fn towns(ApiQuery(q): ApiQuery<DistrictQuery>) -> Json<Vec<Param>> {
    Json(addresses::towns(&q.district_reference))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct TownQuery {
    town_reference: String,
}

#[utoipa::path(get, path = "/api/address-parameters/neighbourhoods", tag = "addresses", security(("bearer" = [])),
    params(TownQuery),
    responses((status = 200, description = "The town's neighbourhoods", body = Vec<Param>), Errors))]
pub async fn neighbourhoods(ApiQuery(q): ApiQuery<TownQuery>) -> Json<Vec<Param>> {
    Json(addresses::neighbourhoods(&q.town_reference))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct NeighbourhoodQuery {
    neighbourhood_reference: String,
}

#[utoipa::path(get, path = "/api/address-parameters/streets", tag = "addresses", security(("bearer" = [])),
    params(NeighbourhoodQuery),
    responses((status = 200, description = "The neighbourhood's streets", body = Vec<Param>), Errors))]
pub async fn streets(ApiQuery(q): ApiQuery<NeighbourhoodQuery>) -> Json<Vec<Param>> {
    Json(addresses::streets(&q.neighbourhood_reference))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct StreetQuery {
    street_reference: String,
}

#[utoipa::path(get, path = "/api/address-parameters/buildings", tag = "addresses", security(("bearer" = [])),
    params(StreetQuery),
    responses((status = 200, description = "The street's buildings", body = Vec<Param>), Errors))]
pub async fn buildings(ApiQuery(q): ApiQuery<StreetQuery>) -> Json<Vec<Param>> {
    Json(addresses::buildings(&q.street_reference))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct BuildingQuery {
    building_reference: String,
}

#[utoipa::path(get, path = "/api/address-parameters/apartments", tag = "addresses", security(("bearer" = [])),
    params(BuildingQuery),
    responses((status = 200, description = "The building's flats; each `value` is the flat's UAVT number", body = Vec<Param>), Errors))]
pub async fn apartments(ApiQuery(q): ApiQuery<BuildingQuery>) -> Json<Vec<Param>> {
    Json(addresses::apartments(&q.building_reference))
}

#[derive(Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyNumberQuery {
    /// The UAVT number (at most ten digits).
    property_number: i64,
}

fn address_of(property_number: i64) -> ApiResult<Json<PropertyAddress>> {
    addresses::address_of(property_number)
        .map(Json)
        .ok_or_else(|| {
            Problem::field(
                "propertyNumber",
                "UAVT adres kodu en fazla 10 haneli pozitif bir sayı olmalı.",
                property_number,
            )
        })
}

/// The docs' spelling: `GET` with the UAVT number in the query.
#[utoipa::path(get, path = "/api/properties/query-address-by-property-number", tag = "addresses",
    operation_id = "queryAddressByPropertyNumber", security(("bearer" = [])), params(PropertyNumberQuery),
    responses((status = 200, description = "The address of the UAVT number", body = PropertyAddress), Errors))]
pub async fn address_by_property_number_query(
    ApiQuery(q): ApiQuery<PropertyNumberQuery>,
) -> ApiResult<Json<PropertyAddress>> {
    address_of(q.property_number)
}

/// The vendor client's spelling: `POST {propertyNumber}`.
#[utoipa::path(post, path = "/api/properties/query-address-by-property-number", tag = "addresses",
    operation_id = "queryAddressByPropertyNumber", security(("bearer" = [])), request_body = PropertyNumberQuery,
    responses((status = 200, description = "The address of the UAVT number", body = PropertyAddress), Errors))]
pub async fn address_by_property_number(
    ApiJson(body): ApiJson<PropertyNumberQuery>,
) -> ApiResult<Json<PropertyAddress>> {
    address_of(body.property_number)
}
