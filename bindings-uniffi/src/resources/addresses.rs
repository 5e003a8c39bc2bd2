use insurup::{PropertyAddress, Reference};

use crate::error::Result;

/// The address register (UAVT): city → district → town → neighbourhood → street → building →
/// apartment, each level listed by the reference of the one above, as a DASK or konut form needs.
#[derive(Debug, uniffi::Object)]
pub struct Addresses(pub(crate) insurup::Addresses);

#[uniffi::export(async_runtime = "tokio")]
impl Addresses {
    /// Every city.
    pub async fn cities(&self) -> Result<Vec<Reference>> {
        Ok(self.0.cities().await?)
    }

    /// The districts of a city.
    pub async fn districts(&self, city_reference: String) -> Result<Vec<Reference>> {
        Ok(self.0.districts(&city_reference).await?)
    }

    /// The towns (belde/köy) of a district.
    pub async fn towns(&self, district_reference: String) -> Result<Vec<Reference>> {
        Ok(self.0.towns(&district_reference).await?)
    }

    /// The neighbourhoods of a town.
    pub async fn neighbourhoods(&self, town_reference: String) -> Result<Vec<Reference>> {
        Ok(self.0.neighbourhoods(&town_reference).await?)
    }

    /// The streets of a neighbourhood.
    pub async fn streets(&self, neighbourhood_reference: String) -> Result<Vec<Reference>> {
        Ok(self.0.streets(&neighbourhood_reference).await?)
    }

    /// The buildings of a street.
    pub async fn buildings(&self, street_reference: String) -> Result<Vec<Reference>> {
        Ok(self.0.buildings(&street_reference).await?)
    }

    /// The apartments (flats) of a building; their values are UAVT numbers.
    pub async fn apartments(&self, building_reference: String) -> Result<Vec<Reference>> {
        Ok(self.0.apartments(&building_reference).await?)
    }

    /// The address a UAVT number names.
    pub async fn of_property_number(&self, property_number: i64) -> Result<PropertyAddress> {
        Ok(self.0.of_property_number(property_number).await?)
    }
}
