use crate::client::Client;
use crate::dialect::Dialect;
use crate::error::Result;
use crate::model::{PropertyAddress, Reference, check_property_number};
use crate::transport::Request;
use crate::validate;

/// The national address register (`/api/address-parameters/…`): the cascade a DASK or konut form
/// walks, city → district → town → neighbourhood → street → building → flat, where each step
/// lists the next level of the one chosen, and the flat's `value` is its UAVT number.
///
/// ```no_run
/// # async fn run(client: insurup::Client) -> insurup::Result<()> {
/// let addresses = client.addresses();
/// let city = addresses.cities().await?.into_iter().find(|c| c.text == "İSTANBUL").expect("city");
/// let district = addresses.districts(&city.value).await?.remove(0);
/// let town = addresses.towns(&district.value).await?.remove(0);
/// let neighbourhood = addresses.neighbourhoods(&town.value).await?.remove(0);
/// let street = addresses.streets(&neighbourhood.value).await?.remove(0);
/// let building = addresses.buildings(&street.value).await?.remove(0);
/// let flat = addresses.apartments(&building.value).await?.remove(0);
/// let uavt: i64 = flat.value.parse().expect("a UAVT number");
/// println!("{}", addresses.of_property_number(uavt).await?.to_line());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Addresses {
    client: Client,
}

impl Addresses {
    pub(crate) fn new(client: Client) -> Self {
        Addresses { client }
    }

    async fn level(
        &self,
        route: &'static str,
        parent: Option<(&'static str, &'static str, &str)>,
    ) -> Result<Vec<Reference>> {
        let mut request = Request::get(route, route);
        if let Some((field, name, value)) = parent {
            validate::not_blank(field, value)?;
            validate::id(field, value.trim())?;
            request = request.query(name, value.trim());
        }
        self.client.call(request).await
    }

    /// Cities (il); `value` is the plate code.
    pub async fn cities(&self) -> Result<Vec<Reference>> {
        self.level("/api/address-parameters/cities", None).await
    }

    /// The districts (ilçe) of a city.
    pub async fn districts(&self, city_reference: &str) -> Result<Vec<Reference>> {
        self.level(
            "/api/address-parameters/districts",
            Some(("city_reference", "cityReference", city_reference)),
        )
        .await
    }

    /// The towns (bucak/köy) of a district.
    pub async fn towns(&self, district_reference: &str) -> Result<Vec<Reference>> {
        self.level(
            "/api/address-parameters/towns",
            Some((
                "district_reference",
                "districtReference",
                district_reference,
            )),
        )
        .await
    }

    /// The neighbourhoods (mahalle) of a town.
    pub async fn neighbourhoods(&self, town_reference: &str) -> Result<Vec<Reference>> {
        self.level(
            "/api/address-parameters/neighbourhoods",
            Some(("town_reference", "townReference", town_reference)),
        )
        .await
    }

    /// The streets of a neighbourhood.
    pub async fn streets(&self, neighbourhood_reference: &str) -> Result<Vec<Reference>> {
        self.level(
            "/api/address-parameters/streets",
            Some((
                "neighbourhood_reference",
                "neighbourhoodReference",
                neighbourhood_reference,
            )),
        )
        .await
    }

    /// The buildings of a street.
    pub async fn buildings(&self, street_reference: &str) -> Result<Vec<Reference>> {
        self.level(
            "/api/address-parameters/buildings",
            Some(("street_reference", "streetReference", street_reference)),
        )
        .await
    }

    /// The flats of a building; each `value` is the flat's UAVT number.
    pub async fn apartments(&self, building_reference: &str) -> Result<Vec<Reference>> {
        self.level(
            "/api/address-parameters/apartments",
            Some((
                "building_reference",
                "buildingReference",
                building_reference,
            )),
        )
        .await
    }

    /// The address a UAVT number names. The docs look it up with `GET ?propertyNumber=`, the
    /// vendor client with `POST {propertyNumber}`: the client's REST dialect goes first, and a
    /// server that has only the other verb (404 or 405) is asked once more in it, which is then
    /// remembered. Both are reads, so nothing is repeated that could change anything.
    pub async fn of_property_number(&self, property_number: i64) -> Result<PropertyAddress> {
        check_property_number(property_number)?;
        let dialects = self.client.dialects();
        let first = dialects.rest_current();
        match self.lookup(first, property_number).await {
            Err(error) if matches!(error.status(), Some(404 | 405)) => {
                let Some(other) = dialects.other_rest(first) else {
                    return Err(error);
                };
                match self.lookup(other, property_number).await {
                    Ok(address) => {
                        dialects.settle_rest(other);
                        Ok(address)
                    }
                    // Neither verb is served, or the number is unknown: the first answer says so.
                    Err(second) if matches!(second.status(), Some(404 | 405)) => Err(error),
                    Err(second) => Err(second),
                }
            }
            outcome => outcome,
        }
    }

    async fn lookup(&self, dialect: Dialect, property_number: i64) -> Result<PropertyAddress> {
        const ROUTE: &str = "/api/properties/query-address-by-property-number";
        let request = if dialect.older_rest() {
            Request::get(ROUTE, ROUTE).query("propertyNumber", property_number)
        } else {
            Request::post(ROUTE, ROUTE)
                .idempotent()
                .json(&serde_json::json!({ "propertyNumber": property_number }))?
        };
        self.client.call(request).await
    }
}
